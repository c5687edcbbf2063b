package io.newspipe.console;

import java.util.List;

/** One row of the articles list. Text fields are as stored: the templates escape them. */
public record ArticleSummary(String id, String source, String title, String publishedAt, String language,
                             List<String> topics, String duplicateOf, int removedCount) {
}
