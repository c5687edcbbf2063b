package io.newspipe.ingest;

import io.newspipe.avro.LineMarkup;
import java.time.Instant;
import java.util.List;

/**
 * An article as read from a source, before it gets an id and becomes a RawArticle. Nullable except body;
 * {@code markup} holds one entry per body line when the body was read from HTML ({@link HtmlText#toLines}).
 */
public record TextArticle(String url, String source, String title, String body, Instant publishedAt,
                          String language, String contentType, String origin, List<LineMarkup> markup) {

    public TextArticle {
        markup = markup == null ? null : List.copyOf(markup);
    }

    /** An article read from text: no markup. */
    public TextArticle(String url, String source, String title, String body, Instant publishedAt, String language,
                       String contentType, String origin) {
        this(url, source, title, body, publishedAt, language, contentType, origin, null);
    }
}
