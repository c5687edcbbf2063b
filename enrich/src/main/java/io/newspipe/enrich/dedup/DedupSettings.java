package io.newspipe.enrich.dedup;

import java.time.Duration;

/**
 * Duplicate detection settings: on or off, the largest SimHash Hamming distance that counts as a near duplicate
 * (at most {@value Bands#BANDS}-1 = 3, what four-band LSH guarantees to find), the window within which an earlier
 * article can be the canonical one, and the most articles kept per band bucket.
 */
public record DedupSettings(boolean enabled, int maxDistance, Duration window, int maxBucketSize) {

    public static final DedupSettings DEFAULTS = new DedupSettings(true, 3, Duration.ofDays(7), 500);
    public static final DedupSettings DISABLED = new DedupSettings(false, 3, Duration.ofDays(7), 500);

    public DedupSettings {
        if (maxDistance < 0 || maxDistance > Bands.maxGuaranteedDistance()) {
            throw new IllegalArgumentException("dedup max distance must be between 0 and "
                    + Bands.maxGuaranteedDistance() + " (what 4-band LSH finds for sure), got " + maxDistance);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dedup window must be positive, got " + window);
        }
    }
}
