package io.newspipe.enrich.dedup;

/**
 * One band of one article's SimHash, sent to the partition that owns that band value.
 *
 * @param articleId   the article
 * @param simhash     its 64-bit SimHash
 * @param contentHash its exact content hash (hex)
 * @param timestamp   its record timestamp (publication time when known): earlier articles are canonical
 * @param band        which of the {@link Bands#BANDS} bands this probe is for
 */
record Probe(String articleId, long simhash, String contentHash, long timestamp, int band) {
}
