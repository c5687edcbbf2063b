package io.newspipe.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.Topic;
import io.newspipe.common.Deadline;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerializer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sink against a real broker, registry and PostgreSQL. Each test has its own topics and consumer group. */
@ExtendWith(LocalStackExtension.class)
class SinkIT {

    private final LocalStack stack;
    private String topic;
    private String dlqTopic;
    private SinkApp sink;
    private Thread sinkThread;

    SinkIT(LocalStack stack) {
        this.stack = stack;
    }

    @BeforeEach
    void start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        topic = "sink-it." + run + ".enriched";
        dlqTopic = "sink-it." + run + ".dlq";
        stack.createTopics(1, topic, dlqTopic);
        sink = new SinkApp(new SinkSettings(stack.bootstrapServers(), stack.schemaRegistryUrl(), topic, dlqTopic,
                "sink-it-" + run, stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(), 100,
                Map.of()));
        sinkThread = new Thread(sink, "sink-" + run);
        sinkThread.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        sink.close();
        sinkThread.join(30_000);
    }

    static EnrichedArticle article(String id, String body, Instant enrichedAt) {
        return EnrichedArticle.newBuilder().setId(id).setTitle("Judul " + id).setBody(body).setLanguage("id")
                .setTopics(List.of(Topic.newBuilder().setLabel("politics").setIptc("medtop:11000000").setScore(0.9)
                        .setEvidence(List.of("presiden")).build()))
                .setRelatedHeadlines(List.of("Baca ini juga"))
                .setEnrichedAt(enrichedAt).build();
    }

    private void produce(EnrichedArticle... articles) throws Exception {
        AvroSerializer<EnrichedArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(),
                serializer)) {
            for (EnrichedArticle a : articles) {
                producer.send(new ProducerRecord<>(topic, a.getId(), a)).get();
            }
        }
    }

    private void produceTombstone(String id) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, id, null)).get();
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
    }

    /** id → (body, version, updated_at) for the given ids. */
    private Map<String, List<Object>> rows(List<String> ids) {
        Map<String, List<Object>> out = new HashMap<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, body, version, updated_at, topics FROM articles WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), List.of(rs.getString(2), rs.getLong(3), rs.getTimestamp(4),
                            List.of((String[]) rs.getArray(5).getArray())));
                }
            }
        } catch (SQLException e) {
            return Map.of(); // not migrated yet, or the database is down
        }
        return out;
    }

    private Map<String, List<Object>> awaitRows(List<String> ids) {
        Deadline.await(ids.size() + " rows", Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> rows(ids).size() == ids.size());
        return rows(ids);
    }

    private void awaitConsumed(long count) {
        Deadline.await(count + " records handled by the sink", Duration.ofSeconds(60), Duration.ofMillis(50),
                () -> sink.written() + sink.deadLetters() >= count);
    }

    private List<DeadLetter> deadLetters(int expected) {
        AvroDeserializer<DeadLetter> d = new AvroDeserializer<>(DeadLetter.class);
        d.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        List<DeadLetter> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlqTopic));
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            // read until the expected number arrived, then a little longer to be sure nothing else follows
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(d.deserialize(r.topic(), r.value())));
                if (out.size() > expected) {
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void shouldDropAndRecreateTheFullTextIndexOnRequest() throws Exception {
        String exists = "SELECT count(*) FROM pg_indexes WHERE tablename = 'article_search' AND indexname = ?";
        // after the sink's own migration and index check, which would otherwise race with the calls below
        Deadline.await("the sink to start", Duration.ofSeconds(60), Duration.ofMillis(20), sink::isReady);
        try {
            ArticleTable.fullTextIndex(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(), false);
            assertThat(count(exists, ArticleTable.FULL_TEXT_INDEX)).isZero();
            ArticleTable.fullTextIndex(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(), false); // idempotent
        } finally {
            ArticleTable.fullTextIndex(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(), true);
        }
        assertThat(count(exists, ArticleTable.FULL_TEXT_INDEX)).isOne();
        produce(article("fts-" + topic, "Banjir melanda kawasan pesisir utara", Instant.now()));
        // the search indexer builds the document after the row is written, on its own connection
        Deadline.await("the article to be searchable", Duration.ofSeconds(30), Duration.ofMillis(20),
                () -> searchable("pesisir", "fts-" + topic));
        assertThat(rows(List.of("fts-" + topic))).hasSize(1);
    }

    private boolean searchable(String word, String id) {
        try {
            return count("SELECT count(*) FROM article_search WHERE document @@ to_tsquery('simple', '" + word
                    + "') AND id = ?", id) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, String param) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void shouldWriteJsonLinesIntoOneFilePerDay(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Instant.parse("2025-07-06T23:59:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        String fileTopic = topic + ".files";
        stack.createTopics(1, fileTopic);
        FileSinkApp files = new FileSinkApp(new SinkSettings(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                fileTopic, dlqTopic, "file-sink-" + fileTopic, null, null, null, 100, Map.of()), dir, clock);
        Thread t = new Thread(files, "file-sink");
        t.start();
        try {
            String saved = topic;
            topic = fileTopic;
            produce(article("f1", "satu", now.get()));
            Deadline.await("first line", Duration.ofSeconds(30), Duration.ofMillis(50), () -> files.written() == 1);
            now.set(Instant.parse("2025-07-07T00:01:00Z"));
            produce(article("f2", "dua", now.get()), article("f3", "tiga", now.get()));
            Deadline.await("three lines", Duration.ofSeconds(30), Duration.ofMillis(50), () -> files.written() == 3);
            produceTombstone("f3");
            Deadline.await("f3 taken out of the files", Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> {
                        try {
                            return !java.nio.file.Files.readString(dir.resolve("enriched-2025-07-07.jsonl"))
                                    .contains("\"f3\"");
                        } catch (java.io.IOException e) {
                            return false; // being replaced
                        }
                    });
            produce(article("f4", "empat", now.get()));
            Deadline.await("a line after the takedown", Duration.ofSeconds(30), Duration.ofMillis(50),
                    () -> files.written() == 4);
            topic = saved;
        } finally {
            files.close();
            t.join(20_000);
        }
        List<String> day1 = java.nio.file.Files.readAllLines(dir.resolve("enriched-2025-07-06.jsonl"));
        List<String> day2 = java.nio.file.Files.readAllLines(dir.resolve("enriched-2025-07-07.jsonl"));
        assertThat(day1).singleElement().asString().contains("\"id\":\"f1\"").contains("\"body\":\"satu\"");
        assertThat(day2).hasSize(2);
        assertThat(day2.get(0)).contains("\"id\":\"f2\"").contains("\"topics\":[{\"label\":\"politics\"");
        assertThat(day2.get(1)).contains("\"id\":\"f4\"");
    }

    @Test
    void shouldLeaveRowsIdenticalWhenTheSameRecordsArriveTwice() throws Exception {
        String a = "same-" + topic;
        String b = "same2-" + topic;
        Instant t = Instant.parse("2025-07-06T03:00:00Z");
        produce(article(a, "isi satu", t), article(b, "isi dua", t));
        Map<String, List<Object>> first = awaitRows(List.of(a, b));

        produce(article(a, "isi satu", t), article(b, "isi dua", t));
        awaitConsumed(4);

        assertThat(rows(List.of(a, b))).isEqualTo(first);
        assertThat(first.get(a).get(3)).isEqualTo(List.of("politics"));
    }

    @Test
    void shouldNotLetAnOlderEnrichmentOverwriteANewerOne() throws Exception {
        String id = "versions-" + topic;
        produce(article(id, "versi baru", Instant.parse("2025-07-06T05:00:00Z")));
        awaitRows(List.of(id));

        produce(article(id, "versi lama", Instant.parse("2025-07-06T04:00:00Z")));
        awaitConsumed(2);

        assertThat(rows(List.of(id)).get(id).get(0)).isEqualTo("versi baru");
        produce(article(id, "versi terbaru", Instant.parse("2025-07-06T06:00:00Z")));
        Deadline.await("the newer version", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> "versi terbaru".equals(rows(List.of(id)).get(id).get(0)));
    }

    @Test
    void shouldLetALaterRevisionWinOverAnyEnrichmentOfAnEarlierOne() throws Exception {
        String id = "revisions-" + topic;
        Instant t = Instant.parse("2025-07-06T05:00:00Z");
        produce(article(id, "teks pertama", t));
        awaitRows(List.of(id));

        produce(EnrichedArticle.newBuilder(article(id, "teks koreksi", t.plusSeconds(60))).setRevision(2).build());
        Deadline.await("the correction", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> "teks koreksi".equals(rows(List.of(id)).get(id).get(0)));
        // the first text enriched again later (a replay) must not bring it back
        produce(article(id, "teks pertama", t.plusSeconds(3_600)));
        awaitConsumed(3);

        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT body, revision FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("teks koreksi");
                assertThat(rs.getInt(2)).isEqualTo(2);
            }
        }
    }

    @Test
    void shouldWriteTheNewestOfSeveralVersionsArrivingInOneBatchAndQueueItForSearch() throws Exception {
        String id = "batch-versions-" + topic;
        String other = "batch-other-" + topic;
        Instant t = Instant.parse("2025-07-06T05:00:00Z");
        // one send, so one poll most likely holds them all: one statement writes the batch
        produce(article(id, "versi awal", t), article(other, "artikel lain", t),
                article(id, "versi baru", t.plusSeconds(60)), article(id, "versi lama", t.minusSeconds(60)),
                article(other, "artikel lain", t));
        awaitConsumed(5);

        Map<String, List<Object>> rows = rows(List.of(id, other));
        assertThat(rows.get(id).get(0)).isEqualTo("versi baru");
        assertThat(rows.get(id).get(1)).isEqualTo(t.plusSeconds(60).toEpochMilli());
        assertThat(rows.get(other).get(0)).isEqualTo("artikel lain");
        Deadline.await("the newest version to be searchable", Duration.ofSeconds(30), Duration.ofMillis(20),
                () -> searchable("baru", id));
        assertThat(searchable("awal", id)).isFalse();
        assertThat(sink.deadLetters()).isZero();
    }

    @Test
    void shouldDeleteTheRowAndItsSearchDocumentOnATombstone() throws Exception {
        String gone = "takedown-" + topic;
        String kept = "kept-" + topic;
        Instant t = Instant.parse("2025-07-06T05:00:00Z");
        produce(article(gone, "isi yang dicabut", t), article(kept, "isi yang tetap", t));
        awaitRows(List.of(gone, kept));

        produceTombstone(gone);
        Deadline.await("the row deleted", Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> rows(List.of(gone)).isEmpty());
        assertThat(rows(List.of(kept))).containsKey(kept);
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM article_search WHERE id = ?")) {
            ps.setString(1, gone);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
        assertThat(sink.deadLetters()).isZero();
    }

    @Test
    void shouldDeadLetterOnlyTheRecordThePostgresRefuses() throws Exception {
        Instant t = Instant.parse("2025-07-06T03:00:00Z");
        List<String> good = List.of("nul-ok1-" + topic, "nul-ok2-" + topic, "nul-ok3-" + topic);
        String bad = "nul-bad-" + topic;
        produce(article(good.get(0), "baik", t), article(bad, "isi dengan \u0000 byte", t),
                article(good.get(1), "baik", t), article(good.get(2), "baik", t));

        awaitRows(good);
        awaitConsumed(4);

        assertThat(rows(List.of(bad))).isEmpty();
        List<DeadLetter> letters = deadLetters(1);
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.getStage()).isEqualTo("sink");
            assertThat(l.getReason()).isEqualTo("database");
            assertThat(l.getTopic()).isEqualTo(topic);
            assertThat(l.getOffset()).isEqualTo(1L);
            assertThat(l.getErrorMessage()).containsIgnoringCase("0x00");
        });
    }

    @Test
    void shouldStoreSqlMetacharactersVerbatim() throws Exception {
        String id = "sql-" + topic;
        String title = "Robert'); DROP TABLE articles;-- \"quoted\" $$dollar$$ 50% _under_ back\\slash";
        String body = "isi ' \" ; -- /* komentar */ \\N \t tab, koma \"dan\" kutip\nbaris 2 E'\\x41' %s %d";
        EnrichedArticle a = EnrichedArticle.newBuilder(article(id, body, Instant.parse("2025-07-06T03:00:00Z")))
                .setTitle(title).setRelatedHeadlines(List.of("Baca: \"x\"'); DELETE FROM articles; --")).build();
        // two in one batch, so the COPY mode really goes through COPY (a single row is a plain upsert)
        produce(a, EnrichedArticle.newBuilder(a).setId(id + "-b").build());
        awaitRows(List.of(id, id + "-b"));
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT title, body, related_headlines->>0 FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(title);
                assertThat(rs.getString(2)).isEqualTo(body);
                assertThat(rs.getString(3)).isEqualTo(a.getRelatedHeadlines().get(0));
            }
        }
    }

    @Test
    void shouldPauseThroughADatabaseOutageAndLoseNothing() throws Exception {
        Instant t = Instant.parse("2025-07-06T03:00:00Z");
        List<String> before = List.of("outage-a-" + topic);
        produce(article(before.get(0), "sebelum", t));
        awaitRows(before);

        stack.postgres().stop();
        List<String> during = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String id = "outage-" + i + "-" + topic;
                during.add(id);
                produce(article(id, "selama gangguan " + i, t));
            }
        } finally {
            stack.postgres().start();
        }

        assertThat(awaitRows(during)).hasSize(20);
        assertThat(deadLetters(0)).isEmpty();
        assertThat(sink.deadLetters()).isZero();
    }
}
