package io.newspipe.console;

import java.util.List;

/** One page of search results, with the total and the values the filters offer. */
public record ArticlePage(ArticleQuery query, List<ArticleSummary> rows, long total, List<String> sources,
                          List<String> languages, List<String> topics) {

    /** The number of pages (at least 1). */
    public int pages() {
        return (int) Math.max(1, (total + ArticleQuery.PAGE_SIZE - 1) / ArticleQuery.PAGE_SIZE);
    }
}
