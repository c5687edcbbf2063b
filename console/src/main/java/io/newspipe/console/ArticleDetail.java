package io.newspipe.console;

import java.util.List;

/**
 * Everything the article page shows about one stored article. Text fields are as stored (the templates escape
 * them); {@link #safeUrl()} is the article URL only when it is an http(s) URL, so that no stored
 * {@code javascript:} URL ever becomes a link. {@code revision} is which version of the article's text the row holds
 * (above 1: it changed after it was first published); {@code bodySource} where the body came from when pages are
 * fetched ({@code page}, {@code summary-fallback}, or null).
 */
public record ArticleDetail(String id, String source, String url, String title, String publishedAt, String language,
                            String datelinePlace, String datelineOutlet, String body, List<RemovedSpan> removed,
                            List<BodyLine> original, List<String> relatedHeadlines, Credits credits,
                            Syndication syndication, List<TopicScore> topics, boolean partialPage,
                            String contentHash, String duplicateOf, String clusterId, List<ClusterMember> cluster,
                            String rulePackVersion, String taxonomyVersion, Trace trace, int revision,
                            String bodySource) {

    /** Credit lines and writer codes. */
    public record Credits(String author, String editor, String reporter, List<String> codes, List<String> lines) {
    }

    /** A syndication footer: where the article first appeared. */
    public record Syndication(String outlet, String title, String url, String text) {
    }

    /** A topic with its score and the terms that fired. */
    public record TopicScore(String label, String iptc, double score, List<String> evidence) {
    }

    /** An article of the same duplicate cluster, earliest publication first. */
    public record ClusterMember(String id, String source, String title, String publishedAt, boolean self) {
    }

    /** The article's way through the stages. */
    public record Trace(String ingestedAt, String enrichedAt, String storedAt, String updatedAt,
                        Integer kafkaPartition, Long kafkaOffset) {
    }

    /** True when the article's text changed after it was first published. */
    public boolean changed() {
        return revision > 1;
    }

    /** True when the article page could not be fetched and the body is the feed's own text. */
    public boolean summaryFallback() {
        return "summary-fallback".equals(bodySource);
    }

    /** The URL when it is http or https, else null. */
    public String safeUrl() {
        return Links.safe(url);
    }

    /** The syndication URL when it is http or https, else null. */
    public String safeSyndicationUrl() {
        return syndication == null ? null : Links.safe(syndication.url());
    }
}
