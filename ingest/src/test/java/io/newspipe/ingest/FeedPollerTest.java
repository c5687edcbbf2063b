package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds over HTTP from a server inside the test: conditional GET, state, retries with backoff, timeouts, limits. */
class FeedPollerTest {

    @TempDir
    Path stateDir;

    private final TestIngestors t = new TestIngestors();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private ExecutorService pool;
    private byte[] rss;

    @BeforeEach
    void start() throws IOException {
        rss = Files.readAllBytes(Path.of("src/test/resources/feeds/antara-rss.xml"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private URI serve(String path, Handler h) {
        server.createContext(path, ex -> {
            requests.add(ex.getRequestMethod() + " " + path + " inm=" + ex.getRequestHeaders().getFirst("If-None-Match")
                    + " ims=" + ex.getRequestHeaders().getFirst("If-Modified-Since"));
            try {
                h.handle(ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                ex.close();
            }
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException, InterruptedException;
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body == null ? -1 : body.length);
        if (body != null) {
            ex.getResponseBody().write(body);
        }
    }

    private FeedPoller poller(URI feed, Duration requestTimeout, long maxBytes) {
        FeedSettings s = new FeedSettings(Duration.ofSeconds(2), requestTimeout, maxBytes, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(5), stateDir);
        return new FeedPoller(List.of(feed), t.ingestor, s, HttpClient.newHttpClient(), sleeps::add);
    }

    private FeedPoller poller(URI feed) {
        return poller(feed, Duration.ofSeconds(5), 1024 * 1024);
    }

    @Test
    void shouldPublishEntriesThenNothingWhenTheServerAnswers304ToTheETag() throws Exception {
        URI feed = serve("/rss", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, null);
            } else {
                ex.getResponseHeaders().add("ETag", "\"v1\"");
                send(ex, 200, rss);
            }
        });

        assertThat(poller(feed).pollOnce(feed)).isEqualTo(new FeedPoller.PollResult(FeedPoller.Outcome.FETCHED, 2));
        // a new poller, as after a restart: the validator comes from the state file
        assertThat(poller(feed).pollOnce(feed))
                .isEqualTo(new FeedPoller.PollResult(FeedPoller.Outcome.NOT_MODIFIED, 0));

        assertThat(requests).containsExactly("GET /rss inm=null ims=null", "GET /rss inm=\"v1\" ims=null");
        assertThat(t.published()).hasSize(2);
        assertThat(t.published()).extracting(RawArticle::getOrigin).allMatch(o -> o.startsWith(feed + "#entry"));
        assertThat(Files.readString(FeedState.file(stateDir, feed.toString()))).contains("\"etag\" : \"\\\"v1\\\"\"");
    }

    @Test
    void shouldSendIfModifiedSinceAndHonourA304() throws Exception {
        String lastModified = "Sun, 06 Jul 2025 05:00:00 GMT";
        URI feed = serve("/lm", ex -> {
            if (lastModified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                send(ex, 304, null);
            } else {
                ex.getResponseHeaders().add("Last-Modified", lastModified);
                send(ex, 200, rss);
            }
        });
        FeedPoller p = poller(feed);

        p.pollOnce(feed);
        FeedPoller.PollResult second = p.pollOnce(feed);

        assertThat(second.outcome()).isEqualTo(FeedPoller.Outcome.NOT_MODIFIED);
        assertThat(requests.get(1)).endsWith("ims=" + lastModified);
        assertThat(t.published()).hasSize(2);
    }

    @Test
    void shouldPublishNothingNewFromAnUnchangedFeedWhenTheServerIgnoresConditionalGets() throws Exception {
        URI feed = serve("/plain", ex -> send(ex, 200, rss));

        poller(feed).pollOnce(feed);
        FeedPoller.PollResult again = poller(feed).pollOnce(feed);

        assertThat(again).isEqualTo(new FeedPoller.PollResult(FeedPoller.Outcome.FETCHED, 0));
        assertThat(t.published()).hasSize(2);
        assertThat(t.ingestor.summary().duplicates()).isZero();
    }

    @Test
    void shouldRetryServerErrorsWithExponentialBackoffThenSucceed() throws Exception {
        int[] calls = {0};
        URI feed = serve("/flaky", ex -> send(ex, ++calls[0] < 3 ? 503 : 200, calls[0] < 3 ? "busy".getBytes() : rss));

        FeedPoller.PollResult r = poller(feed).pollOnce(feed);

        assertThat(r.outcome()).isEqualTo(FeedPoller.Outcome.FETCHED);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(t.deadLetters()).isEmpty();
    }

    @Test
    void shouldDeadLetterAPersistentHttpErrorAfterTheRetries() throws Exception {
        URI feed = serve("/down", ex -> send(ex, 500, "oops".getBytes()));

        FeedPoller.PollResult r = poller(feed).pollOnce(feed);

        assertThat(r.outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        assertThat(requests).hasSize(3);
        assertThat(sleeps).hasSize(2);
        DeadLetter d = t.deadLetters().get(0);
        assertThat(d.getStage()).isEqualTo("ingest");
        assertThat(d.getReason()).isEqualTo("http-error");
        assertThat(d.getOrigin()).isEqualTo(feed.toString());
        assertThat(d.getErrorMessage()).contains(feed.toString()).contains("HTTP 500").contains("3 attempts");
    }

    @Test
    void shouldNotRetryANotFound() throws Exception {
        URI feed = serve("/gone", ex -> send(ex, 404, "no".getBytes()));

        poller(feed).pollOnce(feed);

        assertThat(requests).hasSize(1);
        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("http-error");
    }

    @Test
    void shouldDeadLetterARedirectLoopAtOnceWithItsChain() throws Exception {
        URI a = serve("/a", ex -> {
            ex.getResponseHeaders().add("Location", "/b");
            send(ex, 302, null);
        });
        URI b = serve("/b", ex -> {
            ex.getResponseHeaders().add("Location", "/a");
            send(ex, 301, null);
        });
        FeedSettings s = new FeedSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024, 3,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5), stateDir);
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        FeedPoller.PollResult r = new FeedPoller(List.of(a), t.ingestor, s, following, sleeps::add).pollOnce(a);

        assertThat(r.outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        assertThat(sleeps).isEmpty(); // not retried: it would loop again
        DeadLetter d = t.deadLetters().get(0);
        assertThat(d.getReason()).isEqualTo("http-redirect");
        assertThat(d.getOrigin()).isEqualTo(a.toString());
        assertThat(d.getErrorMessage()).contains("a redirect loop: " + a + " -> " + b + " -> " + a);
    }

    @Test
    void shouldDeadLetterARedirectTheClientDoesNotFollow() throws Exception {
        URI moved = serve("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/new-home");
            send(ex, 301, null);
        });

        poller(moved).pollOnce(moved); // this client follows no redirects

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("http-redirect");
        assertThat(t.deadLetters().get(0).getErrorMessage()).contains("HTTP 301, still redirected after 0")
                .contains(moved + " -> " + moved.resolve("/new-home"));
    }

    @Test
    void shouldDeadLetterATimeoutAfterTheRetries() throws Exception {
        URI feed = serve("/slow", ex -> release.await());

        FeedPoller.PollResult r = poller(feed, Duration.ofMillis(300), 1024 * 1024).pollOnce(feed);

        assertThat(r.outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        assertThat(sleeps).hasSize(2);
        DeadLetter d = t.deadLetters().get(0);
        assertThat(d.getReason()).isEqualTo("http-timeout");
        assertThat(d.getErrorMessage()).contains("300 ms");
    }

    @Test
    void shouldRefuseAResponseOverTheSizeLimit() throws Exception {
        URI feed = serve("/huge", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the limit must hold while reading, not only by Content-Length
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 64; i++) {
                ex.getResponseBody().write(chunk);
            }
        });

        poller(feed, Duration.ofSeconds(5), 100_000).pollOnce(feed);

        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("oversize");
        assertThat(t.published()).isEmpty();
    }

    @Test
    void shouldReadAGzipCompressedResponse() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(rss);
        }
        URI feed = serve("/gz", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, buf.toByteArray());
        });

        poller(feed).pollOnce(feed);

        assertThat(t.published()).hasSize(2);
    }

    @Test
    void shouldDeadLetterMalformedFeedContentAndKeepNoValidator() throws Exception {
        URI feed = serve("/bad", ex -> {
            ex.getResponseHeaders().add("ETag", "\"bad\"");
            send(ex, 200, "<rss><channel><item></rss>".getBytes());
        });

        FeedPoller.PollResult r = poller(feed).pollOnce(feed);

        assertThat(r.outcome()).isEqualTo(FeedPoller.Outcome.FAILED);
        assertThat(t.deadLetters()).extracting(DeadLetter::getReason).containsExactly("malformed-feed");
        assertThat(FeedState.load(stateDir, feed.toString()).etag).isNull();
    }

    @Test
    void shouldPollOnScheduleUntilStopped() throws Exception {
        URI feed = serve("/sched", ex -> send(ex, 200, rss));
        FeedSettings s = new FeedSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 3,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(42), stateDir);
        FeedPoller[] self = new FeedPoller[1];
        List<Duration> waits = new ArrayList<>();
        self[0] = new FeedPoller(List.of(feed), t.ingestor, s, HttpClient.newHttpClient(), d -> {
            waits.add(d);
            if (waits.size() == 3) {
                self[0].stop();
            }
        });

        self[0].run();

        assertThat(requests).hasSize(3);
        assertThat(waits).containsOnly(Duration.ofSeconds(42));
        assertThat(t.published()).hasSize(2);
    }

    @Test
    void shouldPublishAChangedEntryAgainAsItsNextRevisionAndAnUnchangedOneNever() throws Exception {
        byte[][] current = {rss};
        URI feed = serve("/changing", ex -> send(ex, 200, current[0]));

        assertThat(poller(feed).pollOnce(feed).published()).isEqualTo(2);
        assertThat(poller(feed).pollOnce(feed).published()).isZero();
        current[0] = new String(rss, java.nio.charset.StandardCharsets.UTF_8)
                .replace("Petugas BPBD membantu evakuasi.", "Petugas BPBD yang diperbaiki membantu evakuasi.")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(poller(feed).pollOnce(feed).published()).isEqualTo(1);
        assertThat(poller(feed).pollOnce(feed).published()).isZero();

        List<RawArticle> published = t.published();
        assertThat(published).extracting(RawArticle::getRevision).containsExactly(1, 1, 2);
        assertThat(published.get(2).getId()).isEqualTo(published.get(0).getId());
        assertThat(published.get(2).getBody()).contains("diperbaiki");
    }

    @Test
    void shouldTakeTheIdsOfAnOlderStateFileAsPublishedAndUnchanged() throws Exception {
        URI feed = serve("/older", ex -> send(ex, 200, rss));
        poller(feed).pollOnce(feed);
        List<String> ids = t.published().stream().map(RawArticle::getId).toList();
        Files.writeString(FeedState.file(stateDir, feed.toString()), "{\"url\": \"" + feed + "\", \"seen\": [\""
                + String.join("\", \"", ids) + "\"]}");

        assertThat(poller(feed).pollOnce(feed).published()).isZero();
        assertThat(FeedState.load(stateDir, feed.toString()).published).containsOnlyKeys(ids);
    }

    @Test
    void shouldPublishTheArticlePageInsteadOfTheSummaryAndFallBackToTheSummaryWhereRobotsSayNo() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        serve("/robots.txt", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            send(ex, 200, "User-agent: *\nDisallow: /premium/\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        byte[][] page = {Files.readAllBytes(Path.of("src/test/resources/pages/harian-lembah.html"))};
        String[] etag = {"\"p1\""};
        serve("/ekonomi/panen-raya", ex -> {
            if (etag[0].equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, null);
            } else {
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.getResponseHeaders().add("ETag", etag[0]);
                send(ex, 200, page[0]);
            }
        });
        String feed = """
                <rss version="2.0"><channel><title>Harian Lembah</title><link>%1$s/</link>
                <item><title>Petani Lembah Hijau panen raya lebih awal</title><link>%1$s/ekonomi/panen-raya</link>
                <pubDate>Wed, 02 Dec 2026 01:15:00 GMT</pubDate><description>Panen raya dimulai lebih awal.</description></item>
                <item><title>Laporan khusus irigasi</title><link>%1$s/premium/irigasi</link>
                <pubDate>Wed, 02 Dec 2026 02:00:00 GMT</pubDate><description>Ringkasan laporan irigasi.</description></item>
                </channel></rss>""".formatted(base);
        URI feedUri = serve("/pages-feed", ex -> send(ex, 200, feed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        io.newspipe.ingest.page.PageFetchSettings settings = new io.newspipe.ingest.page.PageFetchSettings(
                "newspipe-test/1.0", "newspipe", Duration.ZERO, 2, Duration.ofSeconds(2), Duration.ofSeconds(2),
                1024 * 1024, 2, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (var pages = new io.newspipe.ingest.page.PageFetcher(settings, HttpClient.newHttpClient(), sleeps::add)) {
            FeedPoller poller = poller(feedUri);
            poller.fetchPages(pages);
            assertThat(poller.pollOnce(feedUri).published()).isEqualTo(2);
            assertThat(poller.pollOnce(feedUri).published()).as("page not modified, summary unchanged").isZero();
            page[0] = new String(page[0], java.nio.charset.StandardCharsets.UTF_8)
                    .replace("enam ton per hektare", "tujuh ton per hektare")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            etag[0] = "\"p2\"";
            assertThat(poller.pollOnce(feedUri).published()).isEqualTo(1);
        }

        List<RawArticle> published = t.published();
        assertThat(published).hasSize(3);
        RawArticle first = published.get(0);
        assertThat(first.getBodySource()).isEqualTo("page");
        assertThat(first.getBody()).contains("Baca juga: Harga gabah kering", "enam ton per hektare")
                .doesNotContain("WhatsApp", "Berita Terkait", "Foto:");
        RawArticle fallback = published.get(1);
        assertThat(fallback.getBodySource()).isEqualTo("summary-fallback");
        assertThat(fallback.getBody()).isEqualTo("Ringkasan laporan irigasi.");
        assertThat(published.get(2).getRevision()).isEqualTo(2);
        assertThat(published.get(2).getBody()).contains("tujuh ton per hektare");
        assertThat(requests).noneMatch(r -> r.contains("/premium/"));
        assertThat(t.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo("page-robots-disallowed");
            assertThat(d.getErrorMessage()).contains("/premium/irigasi", "summary-fallback");
        });
    }
}
