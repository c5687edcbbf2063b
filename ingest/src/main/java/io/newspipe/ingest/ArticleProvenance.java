package io.newspipe.ingest;

/**
 * What ingest knows about an article beyond its text: which version of it this is ({@code revision}: 1 for the
 * first text published under its id, 2 after the text changed once, null when the source does not count versions)
 * and where the body came from ({@code bodySource}: {@value #PAGE}, {@value #SUMMARY_FALLBACK}, or null when no
 * page was fetched). Carried in {@code RawArticle.revision} and {@code RawArticle.body_source}.
 */
public record ArticleProvenance(Integer revision, String bodySource) {

    /** The body is the main content of the fetched article page. */
    public static final String PAGE = "page";

    /** The article page could not be fetched: the body is the feed's own text (often a summary). */
    public static final String SUMMARY_FALLBACK = "summary-fallback";

    /** Nothing known: a plain ingest of files. */
    public static final ArticleProvenance NONE = new ArticleProvenance(null, null);

    /** True when this publishes a later version of an article already published (revision 2 or more). */
    public boolean isUpdate() {
        return revision != null && revision > 1;
    }
}
