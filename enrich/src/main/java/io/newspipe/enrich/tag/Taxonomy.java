package io.newspipe.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parsed, immutable content of a taxonomy JSON file (see {@code taxonomy/topics.json}).
 *
 * <pre>{@code
 * {
 *   "version": "2026.11.0",
 *   "scoring": {"titleWeight": 4.0, "maxLabels": 3, "minScore": 2.0, "minSecondaryScore": 5.0,
 *               "relativeThreshold": 0.2, "saturation": 6.0, "maxEvidence": 8},
 *   "labels": [
 *     {"label": "politics", "iptc": "medtop:11000000", "name": "politics", "weight": 1.0,
 *      "terms": {"id": ["pemilu", "partai politik^1.5", ...], "en": ["election", ...]}}
 *   ]
 * }
 * }</pre>
 *
 * A term is a word or a multi-word phrase, optionally followed by {@code ^weight} (default 1.0); it can also be
 * given as an object {@code {"term": "...", "weight": 1.5}}. An overlay file has the same shape: labels it names are
 * extended (terms appended, {@code iptc}/{@code weight} overridden when present, {@code "replaceTerms": true}
 * drops the base terms first) and new labels are added. A label may name, in {@code "yieldsTo"}, closely related
 * labels it gives way to: {@code {"labels": ["business"], "ratio": 0.8}} drops the label from an article where one
 * of them scores at least 0.8 of its score.
 */
final class Taxonomy {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern IPTC = Pattern.compile("medtop:\\d{8}");

    record Term(String text, double weight) {}

    /**
     * Labels in a label's {@code "yieldsTo"}: the label is not given when one of them scores at least {@code ratio}
     * of its score (science-tech words in a story about a company describe its products).
     */
    record Yield(List<String> labels, double ratio) {}

    record Label(String label, String iptc, String name, double weight, Map<String, List<Term>> terms,
                 Yield yieldsTo) {}

    record Scoring(double titleWeight, int maxLabels, double minScore, double minSecondaryScore,
                   double relativeThreshold, double saturation, int maxEvidence) {
        static final Scoring DEFAULT = new Scoring(4.0, 3, 2.0, 5.0, 0.2, 6.0, 8);
    }

    final String version;
    final Scoring scoring;
    final Map<String, Label> labels; // insertion-ordered

    private Taxonomy(String version, Scoring scoring, Map<String, Label> labels) {
        this.version = version;
        this.scoring = scoring;
        this.labels = labels;
        for (Label l : labels.values()) {
            if (l.yieldsTo() != null) {
                for (String other : l.yieldsTo().labels()) {
                    if (!labels.containsKey(other) || other.equals(l.label())) {
                        throw new IllegalArgumentException("label " + l.label() + " yields to unknown label " + other);
                    }
                }
            }
        }
    }

    static Taxonomy parse(InputStream in) {
        Objects.requireNonNull(in, "taxonomy stream");
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("taxonomy must be a JSON object");
        }
        String version = text(root, "version");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("taxonomy has no \"version\"");
        }
        Scoring scoring = scoring(root.get("scoring"), Scoring.DEFAULT);
        Map<String, Label> labels = new LinkedHashMap<>();
        JsonNode arr = root.get("labels");
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            throw new IllegalArgumentException("taxonomy has no \"labels\" array");
        }
        for (JsonNode ln : arr) {
            Label l = label(ln, null);
            if (labels.putIfAbsent(l.label(), l) != null) {
                throw new IllegalArgumentException("duplicate label " + l.label());
            }
        }
        return new Taxonomy(version, scoring, labels);
    }

    /** Returns a new taxonomy: this one extended by the overlay. */
    Taxonomy extend(InputStream overlayStream) {
        JsonNode root;
        try {
            root = MAPPER.readTree(overlayStream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy overlay JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("taxonomy overlay must be a JSON object");
        }
        String ov = text(root, "version");
        String newVersion = ov == null || ov.isBlank() ? version : version + "+" + ov;
        Scoring newScoring = scoring(root.get("scoring"), scoring);
        Map<String, Label> merged = new LinkedHashMap<>(labels);
        JsonNode arr = root.get("labels");
        if (arr != null && arr.isArray()) {
            for (JsonNode ln : arr) {
                String name = text(ln, "label");
                Label base = name == null ? null : merged.get(name.trim().toLowerCase(Locale.ROOT));
                Label l = label(ln, base);
                merged.put(l.label(), l);
            }
        }
        return new Taxonomy(newVersion, newScoring, merged);
    }

    private static Label label(JsonNode ln, Label base) {
        String label = text(ln, "label");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("taxonomy label without \"label\"");
        }
        label = label.trim().toLowerCase(Locale.ROOT);
        String iptc = text(ln, "iptc");
        if (iptc == null && base != null) {
            iptc = base.iptc();
        }
        if (iptc == null || !IPTC.matcher(iptc).matches()) {
            throw new IllegalArgumentException("label " + label + ": \"iptc\" must look like medtop:NNNNNNNN, was " + iptc);
        }
        String name = text(ln, "name");
        if (name == null) {
            name = base != null ? base.name() : label;
        }
        double weight = ln.has("weight") ? ln.get("weight").asDouble(1.0) : base != null ? base.weight() : 1.0;
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("label " + label + ": weight must be positive");
        }
        Map<String, List<Term>> terms = new LinkedHashMap<>();
        boolean replace = ln.path("replaceTerms").asBoolean(false);
        if (base != null && !replace) {
            base.terms().forEach((k, v) -> terms.put(k, new ArrayList<>(v)));
        }
        JsonNode tn = ln.get("terms");
        if (tn != null && tn.isObject()) {
            for (Map.Entry<String, JsonNode> e : tn.properties()) {
                String lang = e.getKey().trim().toLowerCase(Locale.ROOT);
                List<Term> list = terms.computeIfAbsent(lang, k -> new ArrayList<>());
                if (!e.getValue().isArray()) {
                    throw new IllegalArgumentException("label " + label + ": terms." + lang + " must be an array");
                }
                for (JsonNode t : e.getValue()) {
                    Term term = term(t, label);
                    if (term != null) {
                        list.add(term);
                    }
                }
            }
        }
        Map<String, List<Term>> frozen = new LinkedHashMap<>();
        terms.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        Yield yieldsTo = ln.has("yieldsTo") ? yieldOf(ln.get("yieldsTo"), label) : base != null ? base.yieldsTo() : null;
        return new Label(label, iptc, name, weight, Map.copyOf(frozen), yieldsTo);
    }

    /** {@code "yieldsTo": {"labels": ["business"], "ratio": 0.8}}. */
    private static Yield yieldOf(JsonNode y, String label) {
        JsonNode names = y.path("labels");
        double ratio = y.path("ratio").asDouble(Double.NaN);
        if (!names.isArray() || names.isEmpty() || !(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("label " + label
                    + ": \"yieldsTo\" needs a non-empty \"labels\" array and a positive \"ratio\"");
        }
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(n.asText().trim().toLowerCase(Locale.ROOT)));
        return new Yield(List.copyOf(out), ratio);
    }

    private static Term term(JsonNode t, String label) {
        String text;
        double weight = 1.0;
        if (t.isTextual()) {
            text = t.asText();
            int caret = text.lastIndexOf('^');
            if (caret > 0) {
                String w = text.substring(caret + 1).trim();
                try {
                    weight = Double.parseDouble(w);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("label " + label + ": bad term weight in \"" + text + "\"");
                }
                text = text.substring(0, caret);
            }
        } else if (t.isObject()) {
            text = text(t, "term");
            weight = t.path("weight").asDouble(1.0);
        } else {
            throw new IllegalArgumentException("label " + label + ": a term must be a string or an object");
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("label " + label + ": term weight must be positive: " + text);
        }
        return new Term(text.trim(), weight);
    }

    private static Scoring scoring(JsonNode s, Scoring def) {
        if (s == null || !s.isObject()) {
            return def;
        }
        Scoring r = new Scoring(
                s.path("titleWeight").asDouble(def.titleWeight()),
                s.path("maxLabels").asInt(def.maxLabels()),
                s.path("minScore").asDouble(def.minScore()),
                s.path("minSecondaryScore").asDouble(def.minSecondaryScore()),
                s.path("relativeThreshold").asDouble(def.relativeThreshold()),
                s.path("saturation").asDouble(def.saturation()),
                s.path("maxEvidence").asInt(def.maxEvidence()));
        if (r.maxLabels() < 1 || r.saturation() <= 0 || r.titleWeight() < 0 || r.minScore() < 0 || r.minSecondaryScore() < 0
                || r.relativeThreshold() < 0 || r.relativeThreshold() > 1 || r.maxEvidence() < 1) {
            throw new IllegalArgumentException("invalid \"scoring\" settings: " + s);
        }
        return r;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
