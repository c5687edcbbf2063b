package io.newspipe.console;

import java.time.Instant;

/**
 * A search of the articles page: words for PostgreSQL's full-text index (web-search syntax: {@code "a phrase"},
 * {@code -not}, {@code or}) and filters; every field may be null (no filter). Newest first, {@link #PAGE_SIZE} a page.
 *
 * @param words     full-text search over title and body
 * @param source    outlet, exactly
 * @param language  ISO 639-1 code
 * @param topic     a topic label
 * @param from      published at or after
 * @param to        published before
 * @param duplicate {@code only} (duplicates), {@code none} (originals), or null for both
 * @param page      1-based
 */
public record ArticleQuery(String words, String source, String language, String topic, Instant from, Instant to,
                           String duplicate, int page) {

    /** Rows per page. */
    public static final int PAGE_SIZE = 20;

    /** Blank strings count as no filter; the page is at least 1. */
    public ArticleQuery {
        words = blankToNull(words);
        source = blankToNull(source);
        language = blankToNull(language);
        topic = blankToNull(topic);
        duplicate = blankToNull(duplicate);
        page = Math.max(1, page);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The same search on another page. */
    public ArticleQuery onPage(int p) {
        return new ArticleQuery(words, source, language, topic, from, to, duplicate, p);
    }
}
