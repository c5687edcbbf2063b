package io.newspipe.enrich.dedup;

/**
 * One of an article's probes, sent to the partition that owns its bucket: one for each of its (up to
 * {@value ArticleSketch#KEYS}) sketch keys, carrying the sketch, and one for its exact content hash, carrying none.
 *
 * @param articleId   the article
 * @param timestamp   its publication time when known (else ingest time): earlier articles are canonical
 * @param contentHash its exact content hash (hex)
 * @param sketch      its sketch, or null for the content-hash probe
 * @param index       which of the article's probes this is, 0 to {@code count - 1}
 * @param count       how many probes the article sent: how many verdicts the join waits for
 */
record Probe(String articleId, long timestamp, String contentHash, ArticleSketch sketch, int index, int count) {

    Probe {
        if (index < 0 || index >= count || count > Integer.SIZE - 1) {
            throw new IllegalArgumentException("probe " + index + " of " + count);
        }
    }
}
