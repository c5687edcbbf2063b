package io.newspipe.ingest;

import java.time.Instant;

/** An article as read from a source, before it gets an id and becomes a RawArticle. Nullable except body. */
public record TextArticle(String url, String source, String title, String body, Instant publishedAt,
                          String language, String contentType, String origin) {
}
