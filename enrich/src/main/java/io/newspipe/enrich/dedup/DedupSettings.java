package io.newspipe.enrich.dedup;

import java.time.Duration;

/**
 * Duplicate detection settings: on or off; the least estimated containment of the smaller text's word 3-shingles in
 * the larger that, with the same numbers, makes a near duplicate (see {@link ArticleSketch}); the window within
 * which an earlier article can be the canonical one; the most articles a bucket keeps (the newest win); and how
 * many partitions the probes topic has (those of {@code news.raw}, which the enrich app reads from the broker
 * before it builds its topology): an article sends one record to each partition that owns some of its buckets,
 * so it must know which partition owns which bucket.
 */
public record DedupSettings(boolean enabled, double minContainment, Duration window, int maxBucketSize,
                            int partitions) {

    /** The containment threshold the labelled pairs chose (precision 0.993, recall 0.971 there). */
    public static final double DEFAULT_MIN_CONTAINMENT = 0.5;
    public static final DedupSettings DEFAULTS = new DedupSettings(true, DEFAULT_MIN_CONTAINMENT,
            Duration.ofDays(7), 500);
    public static final DedupSettings DISABLED = new DedupSettings(false, DEFAULT_MIN_CONTAINMENT,
            Duration.ofDays(7), 500);

    public DedupSettings {
        if (!(minContainment > 0 && minContainment <= 1)) {
            throw new IllegalArgumentException("dedup min containment must be above 0 and at most 1 (the share of "
                    + "the smaller text's word 3-shingles found in the larger; 0.5 is what the labelled pairs "
                    + "chose), got " + minContainment);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dedup window must be positive, got " + window);
        }
        if (maxBucketSize < 1) {
            throw new IllegalArgumentException("dedup bucket size must be at least 1, got " + maxBucketSize);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("dedup probe partitions must be at least 1, got " + partitions);
        }
    }

    /** Settings for a probes topic of one partition (the enrich app sets the count it reads from the broker). */
    public DedupSettings(boolean enabled, double minContainment, Duration window, int maxBucketSize) {
        this(enabled, minContainment, window, maxBucketSize, 1);
    }

    /** These settings for a probes topic of {@code count} partitions. */
    public DedupSettings withPartitions(int count) {
        return new DedupSettings(enabled, minContainment, window, maxBucketSize, count);
    }

    /** These settings with another containment threshold. */
    public DedupSettings withMinContainment(double threshold) {
        return new DedupSettings(enabled, threshold, window, maxBucketSize, partitions);
    }
}
