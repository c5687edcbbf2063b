package io.newspipe.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page fetcher against a server inside the test: robots.txt, validators, retries, limits, politeness. */
class PageFetcherTest {

    private record Seen(String path, String userAgent, String ifNoneMatch, long at) {
    }

    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(new Seen(path, ex.getRequestHeaders().getFirst("User-Agent"),
                    ex.getRequestHeaders().getFirst("If-None-Match"), System.nanoTime()));
            Handler h = handlers.get(path);
            if (h == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                h.handle(ex);
            }
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        serve("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(String path, int status, String type, String body) {
        handlers.put(path, ex -> send(ex, status, type, body));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        ex.sendResponseHeaders(status, bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            ex.getResponseBody().write(bytes);
        }
    }

    private PageFetcher fetcher(Duration hostInterval, long maxBytes) {
        PageFetchSettings s = new PageFetchSettings("newspipe-test/1.0 (+https://example.test/bot)", "newspipe",
                hostInterval, 2, Duration.ofSeconds(2), Duration.ofSeconds(2), maxBytes, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(8));
        return new PageFetcher(s, HttpClient.newHttpClient(), sleeps::add);
    }

    private PageFetcher fetcher() {
        return fetcher(Duration.ZERO, 1024 * 1024);
    }

    private PageResult fetch(PageFetcher f, String path) throws InterruptedException {
        return f.fetch(new PageFetcher.Request(URI.create(base + path), null, null));
    }

    private List<String> paths() {
        return requests.stream().map(Seen::path).toList();
    }

    @Test
    void shouldNeverRequestAPageRobotsTxtDisallows() throws Exception {
        serve("/private/secret", 200, "text/html", "<p>rahasia</p>");
        try (PageFetcher f = fetcher()) {
            PageResult r = fetch(f, "/private/secret");
            assertThat(r).isInstanceOf(PageResult.Failure.class);
            assertThat(((PageResult.Failure) r).reason()).isEqualTo("page-robots-disallowed");
        }
        assertThat(paths()).containsExactly("/robots.txt");
    }

    @Test
    void shouldFetchNothingFromASiteWhoseRobotsTxtFailsAndEverythingWhenItIsMissing() throws Exception {
        serve("/robots.txt", 503, "text/plain", "busy");
        serve("/a", 200, "text/html", "<p>a</p>");
        try (PageFetcher f = fetcher()) {
            assertThat(((PageResult.Failure) fetch(f, "/a")).reason()).isEqualTo("page-robots-disallowed");
        }
        assertThat(paths()).doesNotContain("/a");
        handlers.remove("/robots.txt");
        try (PageFetcher f = fetcher()) {
            assertThat(fetch(f, "/a")).isInstanceOf(PageResult.Page.class);
        }
    }

    @Test
    void shouldSayWhoItIsAndAskAgainWithTheValidators() throws Exception {
        handlers.put("/berita", ex -> {
            if ("\"v7\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, null, null);
            } else {
                ex.getResponseHeaders().add("ETag", "\"v7\"");
                send(ex, 200, "text/html; charset=utf-8", "<p>isi berita</p>");
            }
        });
        try (PageFetcher f = fetcher()) {
            PageResult.Page page = (PageResult.Page) fetch(f, "/berita");
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>isi berita</p>");
            assertThat(page.etag()).isEqualTo("\"v7\"");
            assertThat(f.fetch(new PageFetcher.Request(URI.create(base + "/berita"), page.etag(), null)))
                    .isInstanceOf(PageResult.NotModified.class);
        }
        assertThat(requests).allMatch(s -> s.userAgent().equals("newspipe-test/1.0 (+https://example.test/bot)"));
        assertThat(requests).extracting(Seen::ifNoneMatch).containsExactly(null, null, "\"v7\"");
    }

    @Test
    void shouldRetryServerErrorsWithBackoffThenGiveUpWithTheReason() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        handlers.put("/flaky", ex -> send(ex, calls.incrementAndGet() < 3 ? 503 : 200, "text/html", "<p>ok</p>"));
        serve("/down", 500, "text/html", "error");
        try (PageFetcher f = fetcher()) {
            assertThat(fetch(f, "/flaky")).isInstanceOf(PageResult.Page.class);
            PageResult.Failure down = (PageResult.Failure) fetch(f, "/down");
            assertThat(down.reason()).isEqualTo("page-http-error");
            assertThat(down.message()).contains("HTTP 500", "3 attempts");
        }
        assertThat(sleeps.stream().filter(d -> !d.isZero()).toList()).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseOversizePagesAndWhatIsNotHtmlAndNotRetryA404() throws Exception {
        serve("/big", 200, "text/html", "<p>" + "x".repeat(5_000) + "</p>");
        serve("/file.pdf", 200, "application/pdf", "%PDF-1.7");
        try (PageFetcher f = fetcher(Duration.ZERO, 1_000)) {
            assertThat(((PageResult.Failure) fetch(f, "/big")).reason()).isEqualTo("page-oversize");
            assertThat(((PageResult.Failure) fetch(f, "/file.pdf")).reason()).isEqualTo("page-not-html");
            PageResult.Failure missing = (PageResult.Failure) fetch(f, "/missing");
            assertThat(missing.reason()).isEqualTo("page-http-error");
            assertThat(missing.message()).contains("HTTP 404");
        }
        assertThat(paths().stream().filter("/missing"::equals)).hasSize(1);
    }

    @Test
    void shouldSpaceTheRequestsToOneHost() throws Exception {
        for (String p : List.of("/1", "/2", "/3")) {
            serve(p, 200, "text/html", "<p>" + p + "</p>");
        }
        PageFetchSettings s = new PageFetchSettings("newspipe-test/1.0", "newspipe", Duration.ofMillis(150), 2,
                Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        List<PageFetcher.Request> batch = new ArrayList<>();
        for (String p : List.of("/1", "/2", "/3")) {
            batch.add(new PageFetcher.Request(URI.create(base + p), null, null));
        }
        try (PageFetcher f = new PageFetcher(s)) {
            assertThat(f.fetchAll(batch)).allMatch(r -> r instanceof PageResult.Page);
        }
        List<Long> starts = requests.stream().map(Seen::at).sorted().toList();
        assertThat(starts).hasSize(4); // robots.txt and three pages
        // the starts are spaced by 150 ms at the client: three gaps, less what the network may shift an arrival
        assertThat(starts.get(3) - starts.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(350).toNanos());
    }
}
