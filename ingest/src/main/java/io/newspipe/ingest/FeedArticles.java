package io.newspipe.ingest;

import io.newspipe.ingest.page.MainContent;
import io.newspipe.ingest.page.PageFetcher;
import io.newspipe.ingest.page.PageResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the entries of one poll of a feed: each new entry as revision 1, each entry whose text changed under
 * the same id as its next revision, nothing for an unchanged one ({@link FeedState}). With a {@link PageFetcher},
 * the text is the main content of the entry's article page ({@code body_source} {@value ArticleProvenance#PAGE}),
 * fetched with the validators of its last fetch, so a page that did not change (304) publishes nothing; when the
 * page cannot be had (robots.txt disallows it, an HTTP error or timeout, too large, not HTML, no text in it) the
 * entry's own text is published instead, flagged {@value ArticleProvenance#SUMMARY_FALLBACK}, and the failure is
 * dead-lettered with its reason (once per text published, not at every poll). An entry without text of its own (a
 * URL from a URL list) is only dead-lettered; it takes its title, time and language from the page.
 */
final class FeedArticles {

    private static final Logger LOG = LoggerFactory.getLogger(FeedArticles.class);

    private final Ingestor ingestor;
    private final PageFetcher pages;
    private final String feedUrl;

    FeedArticles(Ingestor ingestor, PageFetcher pages, String feedUrl) {
        this.ingestor = ingestor;
        this.pages = pages;
        this.feedUrl = feedUrl;
    }

    /** Publishes what is new or changed; returns the ids published. */
    List<String> publish(List<TextArticle> entries, FeedState state) throws InterruptedException {
        List<PageResult> fetched = pages == null ? null : pages.fetchAll(requests(entries, state));
        List<String> published = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TextArticle entry = entries.get(i);
            String id = ArticleIds.of(entry.url(), entry.source(), entry.title(), entry.body());
            PageResult page = fetched == null ? null : fetched.get(i);
            if (page instanceof PageResult.NotModified) {
                continue; // the page did not change since it was published
            }
            TextArticle article = entry;
            String bodySource = null;
            PageResult.Failure failure = null;
            if (page instanceof PageResult.Page p) {
                MainContent.Extracted content = MainContent.of(p.body(), p.contentType(), p.uri().toString());
                if (content.body().isBlank()) {
                    failure = new PageResult.Failure("page-no-content", entry.url() + ": no article text found in "
                            + "the page");
                } else {
                    // a feed entry's own title, time and language win; a bare URL takes the page's
                    article = new TextArticle(entry.url(), entry.source(),
                            entry.title() != null ? entry.title() : content.title(), content.body(),
                            entry.publishedAt() != null ? entry.publishedAt() : content.publishedAt(),
                            entry.language() != null ? entry.language() : content.language(), "text/html",
                            entry.origin() + " page " + p.uri(), content.markup());
                    bodySource = ArticleProvenance.PAGE;
                }
            } else if (page instanceof PageResult.Failure f) {
                failure = f;
            }
            if (failure != null && entry.body().isBlank()) {
                // a bare URL (a URL list) has no text of its own to fall back to
                ingestor.deadLetter(new BadInputException(failure.reason(), entry.url(), failure.message()), null);
                continue;
            }
            if (failure != null) {
                bodySource = ArticleProvenance.SUMMARY_FALLBACK;
            }
            String hash = FeedState.textHash(article);
            int revision = state.revisionFor(id, hash);
            if (revision > 0) {
                if (failure != null) {
                    ingestor.deadLetter(new BadInputException(failure.reason(), entry.url(), failure.message()
                            + "; published the feed's own text instead, flagged summary-fallback"), null);
                }
                published.add(ingestor.publish(article, new ArticleProvenance(revision, bodySource)));
                state.markPublished(id, hash, revision);
                if (revision > 1) {
                    LOG.info("{}: article {} changed; published as revision {}", feedUrl, id, revision);
                }
            }
            if (page instanceof PageResult.Page p && bodySource != null
                    && bodySource.equals(ArticleProvenance.PAGE) && state.published(id) != null) {
                state.published(id).pageEtag = p.etag();
                state.published(id).pageLastModified = p.lastModified();
            }
        }
        return published;
    }

    /** One page request per entry (an entry without an http(s) URL gets one that fails at once). */
    private static List<PageFetcher.Request> requests(List<TextArticle> entries, FeedState state) {
        List<PageFetcher.Request> out = new ArrayList<>();
        for (TextArticle e : entries) {
            String id = ArticleIds.of(e.url(), e.source(), e.title(), e.body());
            FeedState.Published before = state.published(id);
            URI uri;
            try {
                uri = e.url() == null ? URI.create("about:no-url") : URI.create(e.url().strip());
            } catch (IllegalArgumentException bad) {
                uri = URI.create("about:invalid-url");
            }
            out.add(new PageFetcher.Request(uri, before == null ? null : before.pageEtag,
                    before == null ? null : before.pageLastModified));
        }
        return out;
    }
}
