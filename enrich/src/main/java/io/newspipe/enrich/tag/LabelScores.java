package io.newspipe.enrich.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per-article raw scores of every label, with each term's contribution for the evidence. */
final class LabelScores {

    final double[] raw;
    private final List<List<Map.Entry<String, Double>>> contributions;

    LabelScores(int labels) {
        raw = new double[labels];
        contributions = new ArrayList<>(labels);
        for (int i = 0; i < labels; i++) {
            contributions.add(new ArrayList<>());
        }
    }

    void add(int label, String term, double contribution) {
        raw[label] += contribution;
        contributions.get(label).add(Map.entry(term, contribution));
    }

    /** Keeps, label by label, the higher of this and {@code other} (for text whose language has no lexicon). */
    LabelScores maxWith(LabelScores other) {
        for (int i = 0; i < raw.length; i++) {
            if (other.raw[i] > raw[i]) {
                raw[i] = other.raw[i];
                contributions.set(i, other.contributions.get(i));
            }
        }
        return this;
    }

    /**
     * Drops each label whose score a label it yields to reaches {@code ratios[label]} times (compared on the scores
     * before any is dropped); {@code yieldsTo[label]} is empty for a label that yields to none.
     */
    LabelScores yieldTo(int[][] yieldsTo, double[] ratios) {
        boolean[] dropped = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            for (int other : yieldsTo[i]) {
                dropped[i] |= raw[i] > 0 && raw[other] >= ratios[i] * raw[i];
            }
        }
        for (int i = 0; i < raw.length; i++) {
            if (dropped[i]) {
                raw[i] = 0;
                contributions.set(i, new ArrayList<>());
            }
        }
        return this;
    }

    /** The terms that fired for a label, strongest first, at most {@code max}. */
    List<String> evidence(int label, int max) {
        List<Map.Entry<String, Double>> c = new ArrayList<>(contributions.get(label));
        c.sort((a, b) -> {
            int cmp = Double.compare(b.getValue(), a.getValue());
            return cmp != 0 ? cmp : a.getKey().compareTo(b.getKey());
        });
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : c) {
            if (out.size() >= max) {
                break;
            }
            if (!out.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
