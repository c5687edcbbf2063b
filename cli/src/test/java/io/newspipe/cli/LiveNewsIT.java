package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.sink.SinkApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live news as it arrives, on the local stack: a feed served over HTTP is ingested, enriched and stored; the
 * article changes and comes back as revision 2; a takedown deletes it from the table, and neither an archive replay
 * nor a reprocessing of the whole raw topic brings it back.
 */
@ExtendWith(LocalStackExtension.class)
class LiveNewsIT {

    private final LocalStack stack;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String base;
    private String run;
    private ConnectionOptions connection;

    @TempDir
    Path work;

    LiveNewsIT(LocalStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(path);
            byte[] body = served.get(path);
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/rss+xml"
                        : path.endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        run = UUID.randomUUID().toString().substring(0, 8);
        connection = new ConnectionOptions();
        StackOptions.point(connection, stack, "live-" + run + ".raw", "live-" + run + ".enriched",
                "live-" + run + ".dlq");
        connection.set(ConnectionOptions.TAKEDOWN_TOPIC, "live-" + run + ".takedowns");
        stack.createTopics(1, connection.rawTopic(), connection.enrichedTopic(), connection.dlqTopic());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<String> connectionArguments() {
        return List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.schemaRegistryUrl(), "--raw-topic", connection.rawTopic(), "--enriched-topic",
                connection.enrichedTopic(), "--dlq-topic", connection.dlqTopic(), "--takedown-topic",
                connection.takedownTopic());
    }

    private int newspipe(String command, String... arguments) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(connectionArguments());
        all.addAll(List.of(arguments));
        return Main.run(all.toArray(String[]::new));
    }

    private static String resource(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/live/" + name), StandardCharsets.UTF_8);
    }

    /** The body and revision of a stored article, or null while it is not stored. */
    private Row row(String id) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             PreparedStatement ps = c.prepareStatement("SELECT body, revision, version, body_source, "
                     + "related_headlines::text FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Row(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)) : null;
            }
        } catch (SQLException e) {
            return null; // not migrated yet
        }
    }

    record Row(String body, int revision, long version, String bodySource, String related) {
    }

    private Row awaitRow(String what, String id, java.util.function.Predicate<Row> condition) {
        Deadline.await(what, Duration.ofSeconds(90), Duration.ofMillis(200), () -> {
            Row r = row(id);
            return r != null && condition.test(r);
        });
        return row(id);
    }

    @Test
    void shouldStoreTheFullPageFollowItsCorrectionObeyRobotsAndForgetItAfterATakedown() throws Exception {
        String url = base + "/berita/2026/12/02/jembatan-gantung-desa-wates";
        String premiumUrl = base + "/premium/2026/12/02/rincian-anggaran-desa";
        String feed = resource("feed.xml").replace("${base}", base);
        String page = resource("jembatan.html");
        served.put("/feed.xml", feed.getBytes(StandardCharsets.UTF_8));
        served.put("/robots.txt", resource("robots.txt").getBytes(StandardCharsets.UTF_8));
        served.put("/berita/2026/12/02/jembatan-gantung-desa-wates", page.getBytes(StandardCharsets.UTF_8));
        String id = ArticleIds.of(url, null, null, null);
        String premiumId = ArticleIds.of(premiumUrl, null, null, null);
        Path state = work.resolve("state");
        String[] ingestFeed = {"--feed", base + "/feed.xml", "--state-dir", state.toString(), "--fetch-pages",
            "--page-host-interval", "50ms"};

        SinkApp sink = Stages.sinkApp(connection, database(), SinkStageSettings.of("live-sink-" + run, 100));
        Thread sinkThread = new Thread(sink, "live-sink");
        sinkThread.start();
        try (EnrichApp enrich = Stages.enrichApp(connection, EnrichStageSettings.of("live-enrich-" + run,
                work.resolve("enrich"))).start()) {
            // exit code 2: the page robots.txt disallows is dead-lettered (and its summary published, flagged)
            assertThat(newspipe("ingest", ingestFeed)).isEqualTo(2);
            Row first = awaitRow("the article stored", id, r -> true);
            assertThat(first.revision()).isEqualTo(1);
            assertThat(first.bodySource()).isEqualTo("page");
            assertThat(first.body()).contains("sepanjang 80 meter", "tidak melintas bersamaan")
                    .doesNotContainIgnoringCase("baca juga").doesNotContain("WhatsApp", "Terpopuler", "Dok)");
            assertThat(first.related()).contains("Warga Wates gotong royong memperbaiki jalan desa",
                    "Posyandu baru diresmikan di Dusun Sumber");
            Row premium = awaitRow("the article behind robots.txt, as its summary", premiumId, r -> true);
            assertThat(premium.bodySource()).isEqualTo("summary-fallback");
            assertThat(premium.body()).contains("rencana anggaran tahun depan");
            assertThat(requests).as("robots.txt disallows /premium/").noneMatch(p -> p.startsWith("/premium/"))
                    .contains("/robots.txt", "/berita/2026/12/02/jembatan-gantung-desa-wates");

            served.put("/berita/2026/12/02/jembatan-gantung-desa-wates", page.replace("sepanjang 80 meter",
                    "sepanjang 84 meter").getBytes(StandardCharsets.UTF_8));
            assertThat(newspipe("ingest", ingestFeed)).isZero();
            Row second = awaitRow("the changed page stored as revision 2", id, r -> r.revision() == 2);
            assertThat(second.body()).contains("sepanjang 84 meter").doesNotContain("sepanjang 80 meter")
                    .doesNotContainIgnoringCase("baca juga");
            assertThat(row(premiumId).revision()).as("an unchanged summary is not published again").isEqualTo(1);

            assertThat(newspipe("takedown", id, "--reason", "test: erasure request 42")).isZero();
            Deadline.await("the row deleted", Duration.ofSeconds(60), Duration.ofMillis(200), () -> row(id) == null);

            // the whole archive again: the saved feed replayed by ingest, and all of the raw topic re-enriched
            Path archive = Files.createDirectories(work.resolve("archive"));
            Files.writeString(archive.resolve("feed.xml"), feed);
            assertThat(newspipe("ingest", "--replay", archive.toString(), "--work-dir",
                    work.resolve("replay").toString())).isZero();
            assertThat(newspipe("replay", "--from", "1970-01-01T00:00:00Z", "--to", "2100-01-01T00:00:00Z",
                    "--state-dir", work.resolve("reprocess").toString(), "--timeout", "PT2M")).isZero();
            // a later article through the same single partition: once it is stored, so is all that came before
            String laterUrl = base + "/berita/2026/12/02/pasar-murah-alun-alun";
            Path later = Files.createDirectories(work.resolve("later")).resolve("later.jsonl");
            Files.writeString(later, "{\"url\": \"" + laterUrl + "\", \"title\": \"Pasar murah digelar di "
                    + "alun-alun\", \"published_at\": \"2026-12-02T09:00:00+07:00\", \"body\": \"Pemerintah "
                    + "kabupaten menggelar pasar murah di alun-alun pada Rabu pagi.\\nWarga antre sejak subuh untuk "
                    + "membeli beras dan minyak goreng.\"}\n");
            assertThat(newspipe("ingest", later.toString())).isZero();
            awaitRow("the later article", ArticleIds.of(laterUrl, null, null, null), r -> true);
            assertThat(row(id)).as("the taken-down article after the replays").isNull();
        } finally {
            sink.close();
            sinkThread.join(20_000);
        }
    }

    private DatabaseOptions database() {
        DatabaseOptions db = new DatabaseOptions();
        StackOptions.point(db, stack);
        return db;
    }
}
