package io.newspipe.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Calibrated per-label thresholds on the tagger's raw scores, learned from annotated articles.
 *
 * <p>An article's best-scoring label is its primary topic when it reaches the taxonomy's {@code minScore}, as without
 * thresholds. Every other label is given as a further topic when its raw score reaches the label's threshold (and the
 * taxonomy's relative threshold against the best label). A label the training articles never carried has no
 * threshold and is never a further topic: nothing shows what its score means there.
 *
 * <p>Learning, per label: over the training articles where the label is not the best one, the cut on its raw score
 * that maximises {@code truePositives − cost × falsePositives} (cost {@value #DEFAULT_FALSE_POSITIVE_COST}: a
 * further tag is worth giving only when at least {@code 1 / (1 + cost)} of the tags a lower cut adds are right),
 * placed halfway between the two scores it separates; with no cut that pays, one above every score seen. The file
 * {@code taxonomy/thresholds.json} holds the thresholds learned on the whole corpus, with the taxonomy version they
 * were learned for.
 *
 * @param version  the version of this set of thresholds, stamped next to the taxonomy's
 * @param taxonomy the taxonomy version the thresholds were learned with
 * @param byLabel  label → threshold on its raw score as a further topic; a label missing here is never one
 */
public record LabelThresholds(String version, String taxonomy, Map<String, Double> byLabel) {

    /** Classpath location of the thresholds learned on the project's corpus. */
    public static final String DEFAULT_RESOURCE = "/taxonomy/thresholds.json";
    /** How many right tags one wrong tag costs when a threshold is chosen. */
    public static final double DEFAULT_FALSE_POSITIVE_COST = 1.5;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One training article: every label's raw score and the gold labels. */
    public record Example(Map<String, Double> rawScores, Set<String> gold) {
        public Example {
            rawScores = Map.copyOf(rawScores);
            gold = Set.copyOf(gold);
        }

        /** The best-scoring label (the first in name order among equals), or null when every score is 0. */
        String best() {
            String best = null;
            double top = 0;
            for (String label : new TreeSet<>(rawScores.keySet())) {
                double v = rawScores.get(label);
                if (v > top) {
                    top = v;
                    best = label;
                }
            }
            return best;
        }
    }

    public LabelThresholds {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(taxonomy, "taxonomy");
        byLabel = Map.copyOf(byLabel);
    }

    /** Learns one threshold per label from the examples, with the given false-positive cost. */
    public static LabelThresholds learn(String version, String taxonomy, Collection<String> labels,
                                        List<Example> examples, double falsePositiveCost) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String label : labels) {
            if (examples.stream().anyMatch(e -> e.gold().contains(label))) {
                List<Example> asFurther = examples.stream().filter(e -> !label.equals(e.best())).toList();
                out.put(label, learnOne(label, asFurther, falsePositiveCost));
            }
        }
        return new LabelThresholds(version, taxonomy, out);
    }

    private static double learnOne(String label, List<Example> examples, double cost) {
        // candidate cuts: every distinct positive score, taken from the top down
        TreeSet<Double> scores = new TreeSet<>();
        examples.forEach(e -> scores.add(e.rawScores().getOrDefault(label, 0.0)));
        double bestGain = 0;
        Double best = null;
        for (double cut : scores.descendingSet()) {
            if (cut <= 0) {
                break;
            }
            double gain = 0;
            for (Example e : examples) {
                if (e.rawScores().getOrDefault(label, 0.0) >= cut) {
                    gain += e.gold().contains(label) ? 1 : -cost;
                }
            }
            if (gain > bestGain) {
                bestGain = gain;
                Double lower = scores.lower(cut);
                best = lower == null || lower <= 0 ? cut : (cut + lower) / 2;
            }
        }
        if (best == null) { // no cut pays: only above every score seen
            best = scores.isEmpty() ? 0 : Math.max(0, scores.last()) * 1.5 + 1;
        }
        return Math.round(best * 1000d) / 1000d;
    }

    /** The threshold of a label as a further topic, or null when the label is never a further topic. */
    public Double threshold(String label) {
        return byLabel.get(label);
    }

    /**
     * Reads a thresholds file:
     * {@code {"version": ..., "taxonomy": ..., "thresholds": {label: number}}}.
     */
    public static LabelThresholds parse(InputStream in) {
        try {
            JsonNode root = MAPPER.readTree(in);
            if (root == null || !root.isObject() || !root.path("thresholds").isObject()) {
                throw new IllegalArgumentException("thresholds file must be an object with a \"thresholds\" object");
            }
            Map<String, Double> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.get("thresholds").properties()) {
                if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
                    throw new IllegalArgumentException("threshold of " + e.getKey() + " must be a number >= 0");
                }
                m.put(e.getKey(), e.getValue().asDouble());
            }
            return new LabelThresholds(root.path("version").asText(""), root.path("taxonomy").asText(""), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read thresholds JSON", e);
        }
    }

    /** This set as the JSON the thresholds file holds, labels in name order. */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", version);
        root.put("taxonomy", taxonomy);
        root.put("falsePositiveCost", DEFAULT_FALSE_POSITIVE_COST);
        ObjectNode t = root.putObject("thresholds");
        new TreeSet<>(byLabel.keySet()).forEach(l -> t.put(l, byLabel.get(l)));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The labels without a threshold among {@code labels}: those never given as a further topic. */
    public List<String> silent(Collection<String> labels) {
        List<String> out = new ArrayList<>();
        labels.forEach(l -> {
            if (!byLabel.containsKey(l)) {
                out.add(l);
            }
        });
        return out;
    }
}
