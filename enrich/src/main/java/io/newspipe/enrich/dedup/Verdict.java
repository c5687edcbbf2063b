package io.newspipe.enrich.dedup;

/**
 * What one partition found for the probes of an article it owns ({@link ProbeBatch}): the earliest earlier article
 * that matches the article in one of those buckets, or none ({@code matchId == null}).
 *
 * @param articleId      the article probed for
 * @param probes         a bit for each of its probes this answers
 * @param count          how many probes the article sent (so the join knows when verdicts cover them all)
 * @param matchId        the earliest earlier match, or null
 * @param matchClusterId that match's cluster, or null
 * @param matchTimestamp that match's timestamp (0 without a match)
 * @param exact          whether the match has the same content hash
 */
record Verdict(String articleId, int probes, int count, String matchId, String matchClusterId, long matchTimestamp,
               boolean exact) {

    static Verdict none(ProbeBatch batch) {
        return new Verdict(batch.articleId(), batch.probes(), batch.count(), null, null, 0L, false);
    }

    boolean found() {
        return matchId != null;
    }

    /** True if this verdict names an earlier (more canonical) article than {@code other}. */
    boolean betterThan(Verdict other) {
        if (!found()) {
            return false;
        }
        if (other == null || !other.found()) {
            return true;
        }
        if (matchTimestamp != other.matchTimestamp) {
            return matchTimestamp < other.matchTimestamp;
        }
        return matchId.compareTo(other.matchId) < 0;
    }
}
