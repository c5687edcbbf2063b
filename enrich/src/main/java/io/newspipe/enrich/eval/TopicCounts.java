package io.newspipe.enrich.eval;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Topic tagging against the gold labels, per label, as counts that add up across articles and outlets.
 *
 * @param perLabel true positives, false positives and false negatives of each label that was predicted or gold
 */
public record TopicCounts(Map<String, Label> perLabel) {

    /** The counts of one label. */
    public record Label(int truePositives, int falsePositives, int falseNegatives) {

        Label plus(Label o) {
            return new Label(truePositives + o.truePositives, falsePositives + o.falsePositives,
                    falseNegatives + o.falseNegatives);
        }

        /** Of the articles tagged with this label, the share that carry it in the gold; 1 when never tagged. */
        public double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        /** Of the articles that carry this label in the gold, the share tagged with it; 1 when none carry it. */
        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        /** Harmonic mean of precision and recall. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static final TopicCounts ZERO = new TopicCounts(Map.of());

    public TopicCounts {
        perLabel = Map.copyOf(perLabel);
    }

    /** The counts of one article: its predicted labels against its gold labels. */
    public static TopicCounts of(Collection<String> predicted, Set<String> gold) {
        Map<String, Label> m = new TreeMap<>();
        for (String p : predicted) {
            m.merge(p, gold.contains(p) ? new Label(1, 0, 0) : new Label(0, 1, 0), Label::plus);
        }
        for (String g : gold) {
            if (!predicted.contains(g)) {
                m.merge(g, new Label(0, 0, 1), Label::plus);
            }
        }
        return new TopicCounts(m);
    }

    public TopicCounts plus(TopicCounts o) {
        Map<String, Label> m = new TreeMap<>(perLabel);
        o.perLabel.forEach((label, c) -> m.merge(label, c, Label::plus));
        return new TopicCounts(m);
    }

    /** The labels, sorted, with their counts. */
    public Map<String, Label> sorted() {
        return new TreeMap<>(perLabel);
    }

    /** All labels' counts added up: micro-averaged precision, recall and F1 come from it. */
    public Label micro() {
        return perLabel.values().stream().reduce(new Label(0, 0, 0), Label::plus);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
