package io.newspipe.enrich;

import io.newspipe.enrich.dedup.DedupSettings;

/**
 * How the {@link EnrichTopology} runs besides its topics and serdes.
 *
 * @param dedup          duplicate detection (see {@link io.newspipe.enrich.dedup.DuplicateDetector})
 * @param metrics        where the topology counts records, dead letters and duplicates
 * @param maxOutputBytes an enriched article estimated larger than this becomes a dead letter
 * @param window         only records with timestamps in this window are enriched (a replay), or null for all
 */
public record TopologyOptions(DedupSettings dedup, EnrichMetrics metrics, long maxOutputBytes,
                              EnrichTopology.Window window) {

    /** Duplicate detection on, no meters read, no size limit, every record. */
    public static TopologyOptions defaults() {
        return new TopologyOptions(DedupSettings.DEFAULTS, EnrichMetrics.noop(), Long.MAX_VALUE, null);
    }

    /** These options with {@code settings} for duplicate detection. */
    public TopologyOptions withDedup(DedupSettings settings) {
        return new TopologyOptions(settings, metrics, maxOutputBytes, window);
    }
}
