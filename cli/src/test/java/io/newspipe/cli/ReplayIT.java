package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.sink.SinkApp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Replay on the real local stack: {@code newspipe ingest --replay} of an archive, through enrich and the sink, then
 * the same archive again. The PostgreSQL {@code articles} table must be exactly as before (same rows, same ids, same
 * content), only the bookkeeping columns of a re-enrichment ({@code ingested_at}, {@code enriched_at},
 * {@code version}, Kafka position, {@code updated_at}) may move.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {

    /** Every column except the ones a re-enrichment is allowed to move. */
    private static final String CONTENT_COLUMNS = "id, source, url, title, published_at, language, dateline_place, "
            + "dateline_outlet, body, topics, related_headlines::text AS related, removed::text AS removed, "
            + "credits::text AS credits, syndication::text AS syndication, topic_evidence::text AS evidence, "
            + "partial_page, content_hash, simhash, duplicate_of, cluster_id, rule_pack_version, taxonomy_version, "
            + "created_at";

    private LocalStack stack;
    private final ConnectionOptions connection = new ConnectionOptions();
    private final DatabaseOptions database = new DatabaseOptions();
    private EnrichApp enrich;
    private SinkApp sink;
    private Thread sinkThread;

    @BeforeAll
    void startStages(LocalStack stack, @TempDir Path stateDir) {
        this.stack = stack;
        StackOptions.point(connection, stack, "replay-it.raw", "replay-it.enriched", "replay-it.dlq");
        StackOptions.point(database, stack);
        stack.createTopics(2, connection.rawTopic(), connection.enrichedTopic(), connection.dlqTopic());
        enrich = Stages.enrichApp(connection, EnrichStageSettings.of("replay-it", stateDir)).start();
        sink = Stages.sinkApp(connection, database, SinkStageSettings.of("replay-it-sink", 500));
        sinkThread = new Thread(sink, "sink");
        sinkThread.start();
    }

    @AfterAll
    void stopStages() throws InterruptedException {
        sink.close();
        sinkThread.join(20_000);
        enrich.close();
    }

    private static String line(int i, String published, String body) {
        return "{\"id\":\"r" + i + "\",\"url\":\"https://replay.newspipe.test/berita/" + i + "?utm_source=rss\","
                + "\"title\":\"Berita " + i + "\",\"source\":\"replay.newspipe.test\",\"published_at\":\"" + published
                + "\",\"language\":\"id\",\"body\":\"" + body + "\"}\n";
    }

    /** An archive folder: a gzip'd JSON Lines file and an RSS file. Returns the ids it holds. */
    private static List<String> writeArchive(Path dir) throws Exception {
        StringBuilder jsonl = new StringBuilder();
        List<String> ids = new ArrayList<>();
        String[] bodies = {
            "JAKARTA, KOMPAS.com - Harga beras naik di sejumlah pasar tradisional.\\nBaca Juga: Harga Cabai Turun"
                    + "\\nPedagang mengeluhkan sepinya pembeli sejak awal pekan.\\nEditor: Budi",
            "Bekasi (ANTARA) - Banjir merendam ratusan rumah warga.\\nWarga mengungsi ke masjid terdekat."
                    + "\\nPetugas BPBD membantu evakuasi lansia dan anak-anak.",
            "(KLIKANGGARAN) - Timnas Indonesia menang 2-0 atas Vietnam.\\nBaca Juga: Jadwal Timnas Bulan Depan"
                    + "\\nGol dicetak pada babak kedua oleh pemain muda.",
            "Jakarta (ANTARA) - Menteri Keuangan menyampaikan realisasi anggaran.\\nDefisit masih terkendali."
                    + "\\nPewarta: Ani",
        };
        for (int i = 0; i < bodies.length; i++) {
            jsonl.append(line(i, "2025-07-0" + (6 - i % 3) + "T0" + i + ":15:00+07:00", bodies[i]));
            ids.add(ArticleIds.of("https://replay.newspipe.test/berita/" + i, null, null, null));
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(jsonl.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.createDirectories(dir.resolve("2025/07"));
        Files.write(dir.resolve("2025/07/archive.jsonl.gz"), gz.toByteArray());
        Files.copy(Path.of("../ingest/src/test/resources/feeds/antara-rss.xml"), dir.resolve("2025/antara.xml"));
        ids.add(ArticleIds.of("https://www.antaranews.com/berita/4001/banjir-rendam-ratusan-rumah-di-bekasi", null,
                null, null));
        ids.add(ArticleIds.of("https://www.antaranews.com/berita/4002/timnas-menang", null, null, null));
        return ids;
    }

    private int replay(Path archive) {
        return new CommandLine(new IngestCommand()).execute("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(), "--raw-topic", connection.rawTopic(),
                "--dlq-topic", connection.dlqTopic(), "--replay", "--speed", "max", archive.toString());
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
    }

    private List<Map<String, Object>> rows(List<String> ids) {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT " + CONTENT_COLUMNS
                + " FROM articles WHERE id = ANY (?) OR url LIKE 'https://replay.newspipe.test/%' ORDER BY id")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(md.getColumnLabel(i), v instanceof java.sql.Array a ? List.of((Object[]) a.getArray()) : v);
                    }
                    out.add(row);
                }
            }
        } catch (SQLException e) {
            return List.of(); // the sink has not migrated the table yet
        }
        return out;
    }

    private Map<String, Long> versions(List<String> ids) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, version FROM articles WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return out;
    }

    @Test
    void shouldLeaveTheArticlesTableExactlyAsBeforeWhenAnArchiveIsReplayedAgain(@TempDir Path archive)
            throws Exception {
        List<String> ids = writeArchive(archive);

        assertThat(replay(archive)).isZero();
        Deadline.await(ids.size() + " replayed articles in PostgreSQL", Duration.ofSeconds(120), Duration.ofMillis(200),
                () -> versions(ids).size() == ids.size());
        List<Map<String, Object>> before = rows(ids);
        Map<String, Long> versionsBefore = versions(ids);

        assertThat(replay(archive)).isZero();
        // every row re-enriched and upserted again (a newer version), so the second replay really went through
        Deadline.await("the second replay in PostgreSQL", Duration.ofSeconds(120), Duration.ofMillis(200),
                () -> versions(ids).entrySet().stream().allMatch(e -> e.getValue() > versionsBefore.get(e.getKey())));
        List<Map<String, Object>> after = rows(ids);

        assertThat(before).hasSize(ids.size());
        assertThat(before).extracting(r -> (String) r.get("id")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(after).isEqualTo(before);
    }
}
