package io.newspipe.ingest;

import io.newspipe.ingest.page.PageFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS/Atom feeds over HTTP(S) and publishes their new entries through an {@link Ingestor} to the raw topic.
 * Each fetch is a conditional GET ({@code If-None-Match} / {@code If-Modified-Since} from the feed's {@link
 * FeedState}); a 304 publishes nothing, and entries already published from the feed with the same text are skipped,
 * so an unchanged feed publishes nothing new, across restarts too; an entry whose text changed under the same id is
 * published again as its next revision (a correction or an update). With {@link #fetchPages} on, each entry's
 * article page is fetched and its main content published instead of the feed's text. Fetches have a connect timeout, a timeout for the whole
 * response, and a size limit; connection errors, timeouts, 408, 429 and 5xx are retried with exponential backoff,
 * and when the attempts are used up (or on another 4xx) the failure goes to the dead letter topic (reason {@code
 * http-error} or {@code http-timeout}, origin the URL) and the other feeds go on. Redirects are followed up to the
 * client's limit; a response still redirecting after that (a redirect loop, a chain too long, or a redirect the
 * client does not follow) is dead-lettered at once as {@code http-redirect}, with the chain. Bad feed content is
 * dead-lettered like a bad file.
 */
public final class FeedPoller implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    /** What one poll of one feed did. */
    public enum Outcome { NOT_MODIFIED, FETCHED, FAILED }

    /** The result of one poll: the outcome and how many new articles were published. */
    public record PollResult(Outcome outcome, int published) {
    }

    private final List<URI> feeds;
    private final Ingestor ingestor;
    private final FeedSettings settings;
    private final HttpClient client;
    private final Sleeper sleeper;
    private volatile PageFetcher pages;
    private volatile boolean running = true;

    public FeedPoller(List<URI> feeds, Ingestor ingestor, FeedSettings settings) {
        this(feeds, ingestor, settings, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build(), Sleeper.SYSTEM);
    }

    /** With a given client and sleeper (tests: no real waiting between retries or polls). */
    public FeedPoller(List<URI> feeds, Ingestor ingestor, FeedSettings settings, HttpClient client, Sleeper sleeper) {
        for (URI u : feeds) {
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                throw new IllegalArgumentException("feed " + u + " is not an http(s) URL: pass feed files as paths");
            }
        }
        this.feeds = List.copyOf(feeds);
        this.ingestor = ingestor;
        this.settings = settings;
        this.client = client;
        this.sleeper = sleeper;
    }

    /**
     * Fetches each entry's article page from now on and publishes its main content instead of the feed's text
     * (see {@link FeedArticles}); null turns it off.
     */
    public void fetchPages(PageFetcher fetcher) {
        this.pages = fetcher;
    }

    /** Polls every feed once. */
    public void pollAll() throws InterruptedException {
        for (URI feed : feeds) {
            if (!running) {
                return;
            }
            pollOnce(feed);
        }
    }

    /** Polls one feed: conditional GET with retries, publishes new entries, saves the feed state. */
    public PollResult pollOnce(URI feed) throws InterruptedException {
        String url = feed.toString();
        FeedState state = FeedState.load(settings.stateDir(), url);
        HttpResponse<byte[]> response = fetch(feed, state);
        if (response == null) {
            return new PollResult(Outcome.FAILED, 0);
        }
        state.lastFetchedAt = Instant.now().toString();
        if (response.statusCode() == 304) {
            LOG.debug("{}: not modified", url);
            saveQuietly(state);
            return new PollResult(Outcome.NOT_MODIFIED, 0);
        }
        List<TextArticle> entries = new ArrayList<>();
        boolean[] broken = {false};
        ingestor.sources().readBytes(response.body(), SourceFiles.Format.FEED, url, feed.getHost(),
                new ArticleHandler() {
                    @Override
                    public void article(TextArticle a) {
                        entries.add(a);
                    }

                    @Override
                    public void bad(BadInputException e, byte[] input) {
                        if (!e.origin().contains("#entry")) {
                            broken[0] = true;
                        }
                        ingestor.deadLetter(e, input);
                    }
                });
        List<String> published = new FeedArticles(ingestor, pages, url).publish(entries, state);
        ingestor.flush();
        if (!broken[0]) {
            // only a feed that was read keeps its validators: a broken one is fetched in full next time
            state.etag = response.headers().firstValue("ETag").orElse(null);
            state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        }
        saveQuietly(state);
        if (!published.isEmpty()) {
            LOG.info("{}: {} new article(s)", url, published.size());
        }
        return new PollResult(broken[0] ? Outcome.FAILED : Outcome.FETCHED, published.size());
    }

    private void saveQuietly(FeedState state) {
        try {
            state.save(settings.stateDir());
        } catch (IOException e) {
            LOG.warn("cannot save the feed state for {} in {}: {} (the next start fetches it in full)", state.url,
                    settings.stateDir(), e.toString());
        }
    }

    /** GET with retries; null when it failed for good (then it has been dead-lettered). */
    private HttpResponse<byte[]> fetch(URI feed, FeedState state) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(feed).timeout(settings.requestTimeout()).GET()
                .header("User-Agent", "newspipe/0.1 (+https://github.com/newspipe)")
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1")
                .header("Accept-Encoding", "gzip");
        if (state.etag != null) {
            b.header("If-None-Match", state.etag);
        }
        if (state.lastModified != null) {
            b.header("If-Modified-Since", state.lastModified);
        }
        HttpRequest request = b.build();
        Duration backoff = settings.initialBackoff();
        String lastProblem = null;
        boolean timedOut = false;
        boolean redirected = false;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                    info -> BoundedBody.of(info, settings.maxFeedBytes()));
            boolean retriable;
            try {
                HttpResponse<byte[]> r = future.get(settings.requestTimeout().toMillis() + 1_000,
                        TimeUnit.MILLISECONDS);
                int status = r.statusCode();
                if (status == 200 || status == 304) {
                    return r;
                }
                redirected = status >= 300 && status < 400;
                lastProblem = redirected ? redirectProblem(r) : "HTTP " + status;
                timedOut = status == 408;
                retriable = status == 408 || status == 429 || status >= 500;
            } catch (TimeoutException e) {
                future.cancel(true);
                lastProblem = "no complete answer within " + settings.requestTimeout().toMillis() + " ms";
                timedOut = true;
                retriable = true;
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof BoundedBody.TooLargeException) {
                    ingestor.deadLetter(new BadInputException("oversize", feed.toString(), "the response is over the "
                            + "limit of " + settings.maxFeedBytes() + " bytes"), null);
                    return null;
                }
                timedOut = c instanceof HttpTimeoutException;
                lastProblem = timedOut ? "no answer within " + settings.requestTimeout().toMillis() + " ms"
                        : String.valueOf(c);
                retriable = true;
            }
            if (!retriable) {
                break;
            }
            if (attempt < settings.maxAttempts()) {
                LOG.warn("{}: attempt {} of {} failed ({}); retrying in {} ms", feed, attempt,
                        settings.maxAttempts(), lastProblem, backoff.toMillis());
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        ingestor.deadLetter(new BadInputException(timedOut ? "http-timeout" : redirected ? "http-redirect"
                : "http-error", feed.toString(),
                "GET failed: " + lastProblem + " (after up to " + settings.maxAttempts() + " attempts; the next poll "
                        + "tries again — check the URL, or that the server is up)"), null);
        return null;
    }

    /** What a response that still redirects says: a loop, a chain too long, or a redirect not followed. */
    static String redirectProblem(HttpResponse<?> r) {
        List<URI> chain = new ArrayList<>();
        for (HttpResponse<?> p = r; p != null; p = p.previousResponse().orElse(null)) {
            chain.add(0, p.uri());
        }
        String location = r.headers().firstValue("Location").orElse(null);
        if (location == null) {
            return "HTTP " + r.statusCode() + " without a Location to follow";
        }
        URI next;
        try {
            next = r.uri().resolve(location.trim());
        } catch (IllegalArgumentException e) {
            return "HTTP " + r.statusCode() + " to an invalid Location \"" + location + "\"";
        }
        StringBuilder path = new StringBuilder();
        chain.forEach(u -> path.append(u).append(" -> "));
        path.append(next);
        if (chain.contains(next)) {
            return "HTTP " + r.statusCode() + ", a redirect loop: " + path;
        }
        return "HTTP " + r.statusCode() + ", still redirected after " + (chain.size() - 1) + " redirect(s), too many"
                + " or one the client does not follow (https to http): " + path;
    }

    @Override
    public void run() {
        LOG.info("polling {} feed(s) every {} s", feeds.size(), settings.pollInterval().toSeconds());
        while (running) {
            try {
                pollAll();
                sleeper.sleep(settings.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("feed poll failed unexpectedly: {}; polling goes on", e.toString(), e);
            }
        }
    }

    public void stop() {
        running = false;
    }
}
