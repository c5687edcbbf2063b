package io.newspipe.enrich;

import io.newspipe.avro.EnrichedArticle;

/**
 * An upper estimate of an enriched article's serialised size: UTF-8 bytes of every text, plus a little per field.
 * The processor compares it with what the producer may send, so that a record the broker would refuse becomes a
 * dead letter rather than aborting the exactly-once transaction.
 */
final class OutputSizeEstimate {

    private OutputSizeEstimate() {
    }

    static long of(EnrichedArticle a) {
        long n = 512 + utf8(a.getBody()) + utf8(a.getTitle()) + utf8(a.getUrl()) + utf8(a.getSource());
        for (var r : a.getRemoved()) {
            n += 16 + utf8(r.getText()) + utf8(r.getRule()) + utf8(r.getKind());
        }
        for (String h : a.getRelatedHeadlines()) {
            n += 8 + utf8(h);
        }
        for (var t : a.getTopics()) {
            n += 32 + t.getEvidence().stream().mapToLong(e -> 4 + utf8(e)).sum();
        }
        if (a.getCredits() != null) {
            n += 64 + a.getCredits().getLines().stream().mapToLong(l -> 4 + utf8(l)).sum();
        }
        if (a.getSyndication() != null) {
            n += 64 + utf8(a.getSyndication().getText());
        }
        if (a.getDateline() != null) {
            n += 32 + utf8(a.getDateline().getText());
        }
        return n;
    }

    private static long utf8(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
