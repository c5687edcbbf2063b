package io.newspipe.enrich.dedup;

/**
 * What one bucket found for one of an article's probes: the earliest earlier article that matches it there, or
 * none ({@code matchId == null}).
 *
 * @param articleId      the article probed for
 * @param index          which of its probes this answers
 * @param count          how many probes the article sent (so the join knows when all verdicts are in)
 * @param matchId        the earliest earlier match, or null
 * @param matchClusterId that match's cluster, or null
 * @param matchTimestamp that match's timestamp (0 without a match)
 * @param exact          whether the match has the same content hash
 */
record Verdict(String articleId, int index, int count, String matchId, String matchClusterId, long matchTimestamp,
               boolean exact) {

    static Verdict none(Probe probe) {
        return new Verdict(probe.articleId(), probe.index(), probe.count(), null, null, 0L, false);
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
