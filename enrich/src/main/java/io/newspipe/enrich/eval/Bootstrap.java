package io.newspipe.enrich.eval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Confidence intervals by resampling outlets: each resample draws as many outlets as there are, with replacement,
 * adds up their counts and computes every {@link Metric}; the interval runs from the 2.5th to the 97.5th
 * percentile. Outlets, not articles or lines, are the unit, because a cleaner's mistakes come in outlet-sized
 * clusters: one outlet's layout is either understood or not. Seeded, so a report can be reproduced.
 */
public final class Bootstrap {

    /** A 95 % percentile interval. */
    public record Interval(double low, double high) {
    }

    private Bootstrap() {
    }

    /** The interval of every metric over the leave-one-outlet-out counts of {@code outlets}. */
    public static Map<Metric, Interval> intervals(List<OutletResult> outlets, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        Random random = new Random(seed);
        Metric[] metrics = Metric.values();
        double[][] values = new double[metrics.length][resamples];
        TopicCounts.Label[] micro = outlets.stream().map(o -> o.topics().micro()).toArray(TopicCounts.Label[]::new);
        for (int s = 0; s < resamples; s++) {
            CleaningCounts c = CleaningCounts.ZERO;
            TopicCounts.Label t = new TopicCounts.Label(0, 0, 0);
            for (int k = 0; k < outlets.size(); k++) {
                int pick = random.nextInt(outlets.size());
                c = c.plus(outlets.get(pick).generalising());
                t = t.plus(micro[pick]);
            }
            for (int m = 0; m < metrics.length; m++) {
                values[m][s] = metrics[m].of(c, t);
            }
        }
        Map<Metric, Interval> out = new EnumMap<>(Metric.class);
        for (int m = 0; m < metrics.length; m++) {
            Arrays.sort(values[m]);
            out.put(metrics[m], new Interval(percentile(values[m], 0.025), percentile(values[m], 0.975)));
        }
        return out;
    }

    private static double percentile(double[] sorted, double q) {
        int at = (int) Math.round(q * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }
}
