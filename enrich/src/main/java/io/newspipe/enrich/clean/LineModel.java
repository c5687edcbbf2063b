package io.newspipe.enrich.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The line classifier the cleaner consults after its rules: a multinomial logistic regression over
 * {@link LineFeatures} with three classes, {@code body}, {@code boilerplate} and {@code related} (a related-article
 * headline). It judges only the lines no rule touched, and a line is removed only when its score, the probability
 * that it is not body text, reaches {@link #threshold()}: the rules are there for precision, the model for the
 * recall the rules cannot give on outlets nobody wrote a rule for, and a line the model is not sure of stays.
 *
 * <p>The model is data, versioned like a rule pack: a JSON file of one weight per class and feature and a bias
 * per class ({@code models/lines.json}, bundled), written by the trainer in {@code eval} (Tribuo's logistic
 * regression) and read here without it: scoring is a dot product and a softmax. Its stamp {@code lines@1.0.0} is
 * added to the cleaner's {@code rule_pack_version}, and every removal it makes is reported under the rule id
 * {@code model:lines@1.0.0} with its score.
 */
public final class LineModel {

    /** The bundled model on the class path. */
    public static final String DEFAULT_RESOURCE = "models/lines.json";

    /** The classes, in the order of {@link #probabilities}. */
    public static final List<String> CLASSES = List.of("body", "boilerplate", "related");

    static final int BODY = 0;
    static final int BOILERPLATE = 1;
    static final int RELATED = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id;
    private final String version;
    private final String description;
    private final double threshold;
    private final double[][] weights;
    private final double[] biases;

    /**
     * A model from its weights.
     *
     * @param weights one row per class of {@link #CLASSES}, one weight per feature of {@link LineFeatures#NAMES}
     * @param biases  one per class
     */
    public LineModel(String id, String version, String description, double threshold, double[][] weights,
                     double[] biases) {
        this.id = Objects.requireNonNull(id, "id");
        this.version = Objects.requireNonNull(version, "version");
        this.description = description == null ? "" : description;
        if (!(threshold > 0.5 && threshold <= 1)) {
            throw new IllegalArgumentException("line model " + id + ": threshold must be above 0.5 and at most 1");
        }
        this.threshold = threshold;
        if (weights.length != CLASSES.size() || biases.length != CLASSES.size()) {
            throw new IllegalArgumentException("line model " + id + ": one row of weights and one bias per class");
        }
        this.weights = new double[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            if (weights[c].length != LineFeatures.COUNT) {
                throw new IllegalArgumentException("line model " + id + ": one weight per feature");
            }
            this.weights[c] = weights[c].clone();
        }
        this.biases = biases.clone();
    }

    /** The bundled model ({@link #DEFAULT_RESOURCE}), read once. */
    public static LineModel bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final LineModel BUNDLED = load();

        private static LineModel load() {
            try (InputStream in = LineModel.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("line model resource not found: " + DEFAULT_RESOURCE);
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads a model file; a feature or class this code does not know, or one missing, is refused. */
    public static LineModel parse(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        String id = root.path("id").asText(null);
        if (id == null || !root.has("version") || !root.has("threshold") || !root.path("classes").isObject()) {
            throw new IllegalArgumentException("line model: needs id, version, threshold and classes");
        }
        double[][] weights = new double[CLASSES.size()][LineFeatures.COUNT];
        double[] biases = new double[CLASSES.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("classes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            int c = CLASSES.indexOf(entry.getKey());
            if (c < 0) {
                throw new IllegalArgumentException("line model " + id + ": unknown class '" + entry.getKey() + "'");
            }
            biases[c] = entry.getValue().path("bias").asDouble();
            for (Iterator<Map.Entry<String, JsonNode>> w = entry.getValue().path("weights").fields(); w.hasNext(); ) {
                Map.Entry<String, JsonNode> weight = w.next();
                int f = LineFeatures.NAMES.indexOf(weight.getKey());
                if (f < 0) {
                    throw new IllegalArgumentException("line model " + id + ": class " + entry.getKey()
                            + ": unknown feature '" + weight.getKey() + "'");
                }
                weights[c][f] = weight.getValue().asDouble();
            }
        }
        if (root.get("classes").size() != CLASSES.size()) {
            throw new IllegalArgumentException("line model " + id + ": needs the classes " + CLASSES);
        }
        return new LineModel(id, root.get("version").asText(), root.path("description").asText(""),
                root.get("threshold").asDouble(), weights, biases);
    }

    /** The model as its file: the classes with a bias and a weight per feature, by name, in a fixed order. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", id);
        root.put("version", version);
        root.put("description", description);
        root.put("threshold", threshold);
        ObjectNode classes = root.putObject("classes");
        for (int c = 0; c < CLASSES.size(); c++) {
            ObjectNode node = classes.putObject(CLASSES.get(c));
            node.put("bias", biases[c]);
            ObjectNode byFeature = node.putObject("weights");
            for (int f = 0; f < LineFeatures.COUNT; f++) {
                byFeature.put(LineFeatures.NAMES.get(f), weights[c][f]);
            }
        }
        try {
            DefaultIndenter newline = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withArrayIndenter(newline)
                    .withObjectIndenter(newline);
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    /** The score a line must reach to be removed: the probability that it is not body text. */
    public double threshold() {
        return threshold;
    }

    /** What records are stamped with, e.g. {@code lines@1.0.0}. */
    public String stamp() {
        return id + "@" + version;
    }

    /** The rule id of its removals, e.g. {@code model:lines@1.0.0}. */
    public String ruleId() {
        return "model:" + stamp();
    }

    /** The weight of a feature for a class (0 for a feature the model gives none). */
    public double weight(String className, String feature) {
        return weights[CLASSES.indexOf(className)][LineFeatures.NAMES.indexOf(feature)];
    }

    /** The probability of each class of {@link #CLASSES} for a line's features, written into {@code out}. */
    public double[] probabilities(double[] features, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < weights.length; c++) {
            double sum = biases[c];
            double[] row = weights[c];
            for (int f = 0; f < row.length; f++) {
                sum += row[f] * features[f];
            }
            out[c] = sum;
            max = Math.max(max, sum);
        }
        double total = 0;
        for (int c = 0; c < weights.length; c++) {
            out[c] = Math.exp(out[c] - max);
            total += out[c];
        }
        for (int c = 0; c < weights.length; c++) {
            out[c] /= total;
        }
        return out;
    }

    @Override
    public String toString() {
        return stamp();
    }
}
