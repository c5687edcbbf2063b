package io.newspipe.ingest.page;

import io.newspipe.ingest.BoundedBody;
import io.newspipe.ingest.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches article pages politely: each host's {@code robots.txt} is read first (and again after an hour) and a page
 * it disallows is never requested; requests to one host are spaced and limited in number ({@link HostGate}); a page
 * fetched before is asked for with its validators ({@code If-None-Match}, {@code If-Modified-Since}); connection
 * errors, timeouts, 408, 429 and 5xx are retried with exponential backoff (a {@code Retry-After} in seconds is
 * honoured up to the backoff limit); every response is cut off at a size limit and a time limit; the user agent
 * says who is asking. Several pages are fetched at once ({@link #fetchAll}), never more per host than allowed.
 */
public final class PageFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageFetcher.class);
    private static final Duration ROBOTS_KEPT = Duration.ofHours(1);
    private static final Duration ROBOTS_UNREACHABLE_KEPT = Duration.ofMinutes(1);
    private static final long MAX_ROBOTS_BYTES = 512 * 1024;

    /** One page to fetch, with the validators of its last fetch (null when none). */
    public record Request(URI uri, String etag, String lastModified) {
    }

    private record Robots(RobotsRules rules, long expiresAt) {
    }

    private final PageFetchSettings settings;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final Map<String, HostGate> gates = new ConcurrentHashMap<>();
    private final Map<String, Robots> robots = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    public PageFetcher(PageFetchSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build(), Sleeper.SYSTEM);
    }

    /** With a given client and sleeper (tests: no real waiting between retries). */
    public PageFetcher(PageFetchSettings settings, HttpClient client, Sleeper sleeper) {
        this.settings = settings;
        this.client = client;
        this.sleeper = sleeper;
        this.pool = Executors.newFixedThreadPool(Math.max(2, settings.hostConcurrency() * 2), r -> {
            Thread t = new Thread(r, "newspipe-page-fetch");
            t.setDaemon(true);
            return t;
        });
    }

    /** Fetches every page, several at once within each host's limits; the results in the order asked. */
    public List<PageResult> fetchAll(List<Request> requests) throws InterruptedException {
        List<Future<PageResult>> futures = new ArrayList<>();
        for (Request r : requests) {
            futures.add(pool.submit(() -> fetch(r)));
        }
        List<PageResult> out = new ArrayList<>();
        for (Future<PageResult> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                out.add(new PageResult.Failure("page-http-error", "fetch failed: " + e.getCause()));
            }
        }
        return out;
    }

    /** Fetches one page (robots.txt permitting). */
    public PageResult fetch(Request request) throws InterruptedException {
        URI uri = request.uri();
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            return new PageResult.Failure("page-http-error", uri + " is not an http(s) URL");
        }
        RobotsRules rules = robotsOf(uri);
        String pathAndQuery = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (!rules.allows(pathAndQuery)) {
            return new PageResult.Failure("page-robots-disallowed", "robots.txt of " + origin(uri)
                    + " disallows " + pathAndQuery + " for " + settings.robotsToken() + ": not requested");
        }
        HttpRequest.Builder b = get(uri).header("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.1");
        if (request.etag() != null) {
            b.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            b.header("If-Modified-Since", request.lastModified());
        }
        Exchange e = exchange(uri, b.build(), settings.maxPageBytes(), interval(rules));
        if (e.failure() != null) {
            return e.failure();
        }
        HttpResponse<byte[]> r = e.response();
        if (r.statusCode() >= 400) {
            return new PageResult.Failure("page-http-error", uri + ": HTTP " + r.statusCode());
        }
        if (r.statusCode() == 304) {
            return new PageResult.NotModified();
        }
        String type = r.headers().firstValue("Content-Type").orElse("text/html");
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("text/html") && !media.equals("application/xhtml+xml")) {
            return new PageResult.Failure("page-not-html", uri + " answered " + type + ", not an HTML page");
        }
        return new PageResult.Page(r.body(), type, r.uri(), r.headers().firstValue("ETag").orElse(null),
                r.headers().firstValue("Last-Modified").orElse(null));
    }

    private Duration interval(RobotsRules rules) {
        return rules.crawlDelay().compareTo(settings.hostInterval()) > 0 ? rules.crawlDelay()
                : settings.hostInterval();
    }

    private HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET()
                .header("User-Agent", settings.userAgent());
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** The robots.txt rules of the page's host, read once an hour (once a minute while it cannot be read). */
    private RobotsRules robotsOf(URI page) throws InterruptedException {
        String origin = origin(page);
        Robots cached = robots.get(origin);
        if (cached != null && System.nanoTime() < cached.expiresAt()) {
            return cached.rules();
        }
        synchronized (gates.computeIfAbsent(origin, o -> new HostGate(settings.hostConcurrency()))) {
            cached = robots.get(origin);
            if (cached != null && System.nanoTime() < cached.expiresAt()) {
                return cached.rules();
            }
            URI robotsUri = URI.create(origin + "/robots.txt");
            Exchange e = exchange(robotsUri, get(robotsUri).header("Accept", "text/plain").build(), MAX_ROBOTS_BYTES,
                    settings.hostInterval());
            RobotsRules rules;
            Duration kept = ROBOTS_KEPT;
            if (e.response() != null && e.response().statusCode() / 100 == 2) {
                rules = RobotsRules.parse(new String(e.response().body(), StandardCharsets.UTF_8),
                        settings.robotsToken());
            } else if (e.response() != null && e.response().statusCode() / 100 == 4) {
                rules = RobotsRules.ALLOW_ALL; // no robots.txt: no restriction
            } else {
                // unreachable or a server error: RFC 9309 says assume a complete disallow, and ask again soon
                rules = RobotsRules.DISALLOW_ALL;
                kept = ROBOTS_UNREACHABLE_KEPT;
                LOG.warn("{}: robots.txt cannot be read ({}); no page of the site is fetched until it can", origin,
                        e.failure() == null ? "HTTP " + e.response().statusCode() : e.failure().message());
            }
            robots.put(origin, new Robots(rules, System.nanoTime() + kept.toNanos()));
            return rules;
        }
    }

    /** A response, or why there is none (after the retries). */
    private record Exchange(HttpResponse<byte[]> response, PageResult.Failure failure) {
    }

    /** Sends with retries and backoff, each attempt through the host's gate. */
    private Exchange exchange(URI uri, HttpRequest request, long maxBytes, Duration interval)
            throws InterruptedException {
        HostGate gate = gates.computeIfAbsent(origin(uri), o -> new HostGate(settings.hostConcurrency()));
        Duration backoff = settings.initialBackoff();
        String problem = null;
        String reason = "page-http-error";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait = backoff;
            gate.enter(interval, sleeper);
            CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request,
                    info -> BoundedBody.of(info, maxBytes));
            boolean retriable;
            try {
                HttpResponse<byte[]> r = future.get(settings.requestTimeout().toMillis() + 1_000,
                        TimeUnit.MILLISECONDS);
                int status = r.statusCode();
                if (status < 300 || status == 304 || status >= 400 && status < 500 && status != 408
                        && status != 429) {
                    return new Exchange(r, null); // a final answer: the caller reads what a 4xx means for it
                }
                retriable = status == 408 || status == 429 || status >= 500;
                reason = status >= 300 && status < 400 ? "page-http-redirect" : status == 408 ? "page-http-timeout"
                        : "page-http-error";
                problem = "HTTP " + status;
                wait = retryAfter(r, backoff);
                if (!retriable && status < 400) {
                    return new Exchange(r, new PageResult.Failure(reason, uri + ": HTTP " + status
                            + ", still redirected after the redirects the client follows"));
                }
            } catch (TimeoutException e) {
                future.cancel(true);
                reason = "page-http-timeout";
                problem = "no complete answer within " + settings.requestTimeout().toMillis() + " ms";
                retriable = true;
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof BoundedBody.TooLargeException) {
                    return new Exchange(null, new PageResult.Failure("page-oversize", uri + ": over the limit of "
                            + maxBytes + " bytes"));
                }
                boolean timedOut = c instanceof HttpTimeoutException;
                reason = timedOut ? "page-http-timeout" : "page-http-error";
                problem = timedOut ? "no answer within " + settings.requestTimeout().toMillis() + " ms"
                        : String.valueOf(c);
                retriable = true;
            } finally {
                gate.leave();
            }
            if (!retriable) {
                break;
            }
            if (attempt < settings.maxAttempts()) {
                LOG.info("{}: attempt {} of {} failed ({}); retrying in {} ms", uri, attempt, settings.maxAttempts(),
                        problem, wait.toMillis());
                sleeper.sleep(wait);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        return new Exchange(null, new PageResult.Failure(reason, uri + ": " + problem + " (after up to "
                + settings.maxAttempts() + " attempts)"));
    }

    /** The server's Retry-After in seconds, within the backoff limit; else the backoff. */
    private Duration retryAfter(HttpResponse<?> r, Duration backoff) {
        return r.headers().firstValue("Retry-After").map(v -> {
            try {
                Duration d = Duration.ofSeconds(Long.parseLong(v.strip()));
                return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
            } catch (NumberFormatException e) {
                return backoff; // an HTTP date: keep the backoff
            }
        }).orElse(backoff);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
