package io.newspipe.enrich.dedup;

/**
 * What one band found for one article: the earliest earlier article within the distance in that band's bucket,
 * or none ({@code matchId == null}).
 */
record Verdict(String articleId, int band, String matchId, String matchClusterId, long matchTimestamp,
               boolean exact) {

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
