package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.sink.SinkApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on the real local stack: file -> news.raw -> enrich -> news.enriched -> sink -> PostgreSQL. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {


    private LocalStack stack;
    private final ConnectionOptions connection = new ConnectionOptions();
    private final DatabaseOptions database = new DatabaseOptions();
    private EnrichApp enrich;
    private SinkApp sink;
    private MetricsServer enrichMetrics;
    private MetricsServer sinkMetrics;
    private int enrichPort;
    private int sinkPort;
    private Thread sinkThread;

    @BeforeAll
    void startStages(LocalStack stack, @TempDir Path stateDir) {
        this.stack = stack;
        StackOptions.point(connection, stack, "pipeline.raw", "pipeline.enriched", "pipeline.dlq");
        StackOptions.point(database, stack);
        stack.createTopics(2, connection.rawTopic(), connection.enrichedTopic(), connection.dlqTopic());
        enrichPort = freePort();
        sinkPort = freePort();
        enrichMetrics = MetricsServer.start("enrich", "127.0.0.1", enrichPort);
        sinkMetrics = MetricsServer.start("sink", "127.0.0.1", sinkPort);
        enrich = Stages.enrichApp(connection, EnrichStageSettings.of("pipeline-it", stateDir)
                .withRoutePrefix("pipeline.topic.").withRegistry(enrichMetrics.registry()));
        enrichMetrics.readyWhen(enrich::isReady);
        enrich.start();
        sink = Stages.sinkApp(connection, database, SinkStageSettings.of("pipeline-it-sink", 500)
                .withRegistry(sinkMetrics.registry()));
        sinkMetrics.readyWhen(sink::isReady);
        sinkThread = new Thread(sink, "sink");
        sinkThread.start();
    }

    @AfterAll
    void stopStages() throws InterruptedException {
        sink.close();
        sinkThread.join(20_000);
        enrich.close();
        enrichMetrics.close();
        sinkMetrics.close();
    }

    private static int freePort() {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.net.http.HttpResponse<String> get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeNamedMetricsAndReadinessForEnrichAndSink() throws Exception {
        String id = ingestSample();
        awaitRow(id);

        Deadline.await("enrich ready", Duration.ofSeconds(30), Duration.ofMillis(100), () -> {
            try {
                return get(enrichPort, "/health/ready").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(get(sinkPort, "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(enrichPort, "/health/live").statusCode()).isEqualTo(200);
        String enrichText = get(enrichPort, "/metrics").body();
        assertThat(enrichText).contains("newspipe_enrich_records_in_total", "newspipe_enrich_records_out_total",
                "newspipe_enrich_removals_total{", "rule=\"id.related.baca-juga\"", "newspipe_enrich_latency_seconds",
                "newspipe_enrich_processing_seconds", "kafka_stream", "jvm_memory_used_bytes");
        String sinkText = get(sinkPort, "/metrics").body();
        assertThat(sinkText).contains("newspipe_sink_records_written_total", "newspipe_sink_batch_seconds",
                "kafka_consumer_fetch_manager_records_lag_max");
    }

    private String ingestSample() {
        try (Ingestor ingestor = Stages.ingestor(connection, IngestSettings.DEFAULT_MAX_ARTICLE_BYTES)) {
            String id = ingestor.ingestFile(UniqueSample.copyInto(Path.of("target/pipeline-it")));
            ingestor.flush();
            assertThat(ingestor.summary().published()).isEqualTo(1);
            return id;
        }
    }

    private Map<String, Object> awaitRow(String id) {
        Map<String, Object> row = new java.util.HashMap<>();
        Deadline.await("article " + id + " in PostgreSQL", Duration.ofSeconds(90), Duration.ofMillis(200), () -> {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
                 PreparedStatement ps = c.prepareStatement("SELECT body, dateline_outlet, related_headlines::text "
                         + "AS related, jsonb_array_length(removed) AS removed, topics, language, content_hash "
                         + "FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    row.put("body", rs.getString("body"));
                    row.put("dateline_outlet", rs.getString("dateline_outlet"));
                    row.put("related", rs.getString("related"));
                    row.put("removed", rs.getInt("removed"));
                    row.put("topics", Arrays.asList((String[]) rs.getArray("topics").getArray()));
                    row.put("language", rs.getString("language"));
                    row.put("content_hash", rs.getString("content_hash"));
                    return true;
                }
            } catch (java.sql.SQLException e) {
                return false; // table not created yet
            }
        });
        return row;
    }

    @Test
    void shouldCarryTheSampleFromFileToPostgres() throws Exception {
        String id = ingestSample();

        Map<String, Object> row = awaitRow(id);

        assertThat(row.get("dateline_outlet")).isEqualTo("KLIKANGGARAN");
        var related = new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) row.get("related"));
        assertThat(related).hasSize(7);
        assertThat(related.get(0).asText()).startsWith("RESMI, Elon Musk Bentuk America Party");
        assertThat((String) row.get("body")).contains("Putin: Rusia Tak Akan Menyerah")
                .doesNotContain("Baca Juga").doesNotContain("Artikel Terkait").doesNotContain("(KLIKANGGARAN)");
        assertThat((Integer) row.get("removed")).isGreaterThanOrEqualTo(8);
        assertThat(row.get("language")).isEqualTo("id");
        assertThat((List<?>) row.get("topics")).isNotEmpty();
        assertThat((String) row.get("content_hash")).hasSize(64);
    }

    @Test
    void shouldTailTheEnrichedTopicAsJsonLinesFilteredByLabel() throws Exception {
        String id = ingestSample();
        @SuppressWarnings("unchecked")
        String label = ((List<String>) awaitRow(id).get("topics")).get(0);

        TailCommand tail = new TailCommand();
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        tail.out = new java.io.PrintStream(buf, true, StandardCharsets.UTF_8);
        int rc = new picocli.CommandLine(tail).execute("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(), "--enriched-topic", connection.enrichedTopic(),
                "--from-beginning", "--label", label);
        assertThat(rc).isZero();
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"id\":\"" + id + "\""))
                .allSatisfy(l -> assertThat(l).contains("\"label\":\"" + label + "\""));

        buf.reset();
        rc = new picocli.CommandLine(tail).execute("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(), "--enriched-topic", connection.enrichedTopic(),
                "--from-beginning", "--label", "no-such-label");
        assertThat(rc).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty();

        // routing is on in this pipeline: the article also sits in its label's own topic
        TailCommand labelTail = new TailCommand();
        java.io.ByteArrayOutputStream routed = new java.io.ByteArrayOutputStream();
        labelTail.out = new java.io.PrintStream(routed, true, StandardCharsets.UTF_8);
        rc = new picocli.CommandLine(labelTail).execute("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(), "--enriched-topic", "pipeline.topic." + label,
                "--from-beginning");
        assertThat(rc).isZero();
        assertThat(routed.toString(StandardCharsets.UTF_8)).contains("\"id\":\"" + id + "\"");
    }

    @Test
    void shouldDeadLetterAPoisonRecordWhileTheGoodRecordStillArrives() throws Exception {
        byte[] poison = "definitely not Confluent-framed Avro".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(connection.rawTopic(), "poison-1".getBytes(StandardCharsets.UTF_8),
                    poison)).get();
        }
        String id = ingestSample();

        AvroDeserializer<DeadLetter> dlqDeserializer = new AvroDeserializer<>(DeadLetter.class);
        dlqDeserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        List<DeadLetter> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "pipeline-it-dlq-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(connection.dlqTopic()));
            Deadline.await("the poison record in " + connection.dlqTopic(), Duration.ofSeconds(60),
                    Duration.ofMillis(10), () -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(
                                dlqDeserializer.deserialize(r.topic(), r.value())));
                        return letters.stream().anyMatch(l -> l.getKey() != null
                                && StandardCharsets.UTF_8.decode(l.getKey().duplicate()).toString().equals("poison-1"));
                    });
        }
        DeadLetter letter = letters.stream().filter(l -> l.getKey() != null).findFirst().orElseThrow();
        assertThat(letter.getStage()).isEqualTo("enrich");
        assertThat(letter.getReason()).isEqualTo("deserialization");
        assertThat(letter.getTopic()).isEqualTo(connection.rawTopic());
        assertThat(letter.getOffset()).isNotNull();
        assertThat(letter.getErrorMessage()).contains("magic byte");
        byte[] original = new byte[letter.getValue().remaining()];
        letter.getValue().duplicate().get(original);
        assertThat(original).isEqualTo(poison);

        assertThat(awaitRow(id).get("dateline_outlet")).isEqualTo("KLIKANGGARAN");
    }
}
