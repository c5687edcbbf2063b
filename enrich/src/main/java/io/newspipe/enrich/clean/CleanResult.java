package io.newspipe.enrich.clean;

import java.util.List;

/**
 * The outcome of cleaning one article body.
 *
 * @param body             the clean body, lines separated by {@code \n}
 * @param removed          every removed span, in input order, with the rule that removed it
 * @param relatedHeadlines headlines of related-article links, in input order
 * @param dateline         the dateline, or {@code null}
 * @param credits          the credits, or {@code null}
 * @param syndication      the syndication footer, or {@code null}
 * @param partialPage      true if a page marker says the article continues on another page
 * @param rulePackVersion  the versions of the rule packs used, e.g. {@code id@1.0.0+en@1.0.0}
 */
public record CleanResult(String body, List<Removal> removed, List<String> relatedHeadlines,
                          Dateline dateline, Credits credits, Syndication syndication,
                          boolean partialPage, String rulePackVersion) {
    public CleanResult {
        removed = List.copyOf(removed);
        relatedHeadlines = List.copyOf(relatedHeadlines);
    }
}
