package io.newspipe.cli;

import static io.newspipe.cli.HostileRun.DLQ;
import static io.newspipe.cli.HostileRun.ENRICHED;
import static io.newspipe.cli.HostileRun.MAX_ARTICLE;
import static io.newspipe.cli.HostileRun.RAW;
import static io.newspipe.cli.HostileRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newspipe.avro.DeadLetter;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.ingest.FeedPoller;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.sink.SinkApp;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile input catalog: the whole pipeline (ingest, enrich, sink on the real local stack) is fed many kinds of
 * hostile input across its stages ({@link HostileFileInputs}, {@link HostileNetworkInputs}), interleaved with good
 * articles, once for the class. Then each kind is its own test: every input of it is in the dead letter topic
 * exactly once, with the stage and reason its kind calls for and a readable message; and, each on its own, nothing
 * else is there, regex-pathological text was enriched in bounded time, every good article is in PostgreSQL, and the
 * stages ran on. A failure in one kind is reported without hiding the others.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCatalogIT {

    private final LocalStack stack;
    private final HostileRun run;
    private final HostileFileInputs files;
    private final HostileNetworkInputs network;
    private EnrichApp enrich;
    private SinkApp sink;
    private Thread sinkThread;
    private HttpServer server;
    private ExecutorService serverPool;
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    /** The dead letters read once every input was expected there (or the wait gave up). */
    private List<DeadLetter> letters = List.of();

    HostileCatalogIT(LocalStack stack) {
        this.stack = stack;
        this.run = new HostileRun(stack);
        this.files = new HostileFileInputs(run);
        this.network = new HostileNetworkInputs(run);
    }

    @BeforeAll
    void feedEveryHostileKindBetweenGoodArticles(@TempDir Path dir) throws Exception {
        long t0 = System.nanoTime();
        ConnectionOptions connection = new ConnectionOptions();
        StackOptions.point(connection, stack, RAW, ENRICHED, DLQ);
        DatabaseOptions database = new DatabaseOptions();
        StackOptions.point(database, stack);
        stack.createTopics(1, RAW, ENRICHED, DLQ); // one partition each: the order of the inputs is kept
        Files.createDirectories(dir.resolve("in"));

        enrich = Stages.enrichApp(connection, EnrichStageSettings.of("hostile-it-" + run.nonce,
                dir.resolve("state")));
        sink = Stages.sinkApp(connection, database, SinkStageSettings.of("hostile-it-sink-" + run.nonce, 500));
        sinkThread = new Thread(sink, "hostile-sink");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverPool = Executors.newCachedThreadPool();
        try (Ingestor ingestor = Stages.ingestor(connection, MAX_ARTICLE);
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            enrich.start();
            sinkThread.start();
            server.setExecutor(serverPool);
            server.start();

            long feedStart = System.nanoTime();
            files.ingestBrokenFiles(ingestor, dir.resolve("in"));
            files.ingestUnsafeXml(ingestor, dir.resolve("in"));
            files.ingestOddContent(ingestor, dir.resolve("in"));
            network.pollFeeds(ingestor, server, releaseSlow, dir.resolve("feed-state"));
            network.writeToRawTopic(producer);
            network.writeToEnrichedTopic(producer);
            // the last input, a good article: with one partition per topic it passes every stage after the rest
            run.goodIds.addAll(ingestor.ingest(write(dir.resolve("in/zz-last.txt"), run.goodText())));
            ingestor.flush();
            long fed = System.nanoTime();

            letters = awaitDeadLettersAndGoodRows();
            long arrived = System.nanoTime();
            System.out.println(run.catalog.table(letters, run.goodIds.size(), rows(run.goodIds).size(),
                    run.pathologicalIds.size(), rows(run.pathologicalIds).size()));
            System.out.printf("hostile catalog: %d kinds, %d hostile inputs, %d good articles; fed in %d ms, "
                            + "everything arrived %d ms later; %d ms in all (stack up in %d ms before)%n",
                    run.catalog.kindCount(), run.catalog.size(), run.goodIds.size(), (fed - feedStart) / 1_000_000,
                    (arrived - fed) / 1_000_000, (arrived - t0) / 1_000_000, stack.startupMillis());
        }
    }

    @AfterAll
    void stopThePipeline() throws InterruptedException {
        releaseSlow.countDown();
        if (server != null) {
            server.stop(0);
            serverPool.shutdownNow();
        }
        if (sink != null) {
            sink.close();
            sinkThread.join(20_000);
        }
        if (enrich != null) {
            enrich.close();
        }
    }

    /** The kinds of hostile input sent, each the name of a test. */
    List<String> hostileKinds() {
        return run.catalog.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileKinds")
    void shouldEndEachHostileInputAsExactlyOneDeadLetterWithItsStageReasonAndMessage(String kind) {
        for (HostileCatalog.Instance input : run.catalog.instancesOf(kind)) {
            List<DeadLetter> found = letters.stream().filter(input.matches()).toList();
            assertThat(found).as("dead letters of one %s input", kind).hasSize(1);
            DeadLetter d = found.get(0);
            assertThat(d.getStage()).as(kind).isEqualTo(input.stage());
            assertThat(d.getReason()).as(kind).isEqualTo(input.reason());
            assertThat(d.getErrorMessage()).as(kind).isNotBlank();
            assertThat(d.getErrorClass()).as(kind).isNotBlank();
            input.detail().accept(d);
        }
    }

    @Test
    void shouldDeadLetterNothingButTheHostileInputs() {
        assertThat(run.catalog.kindCount()).as("kinds in the catalog").isGreaterThanOrEqualTo(31);
        for (DeadLetter d : letters) {
            assertThat(run.catalog.owners(d)).as("the input behind dead letter %s", d).hasSize(1);
        }
    }

    @Test
    void shouldStoreEveryGoodArticleInPostgresql() {
        assertThat(run.goodIds).as("good articles sent").isNotEmpty();
        assertThat(rows(run.goodIds)).as("good articles in PostgreSQL").hasSize(run.goodIds.size());
    }

    @Test
    void shouldEnrichRegexPathologicalTextInBoundedTime() {
        Map<String, Map<String, Object>> rows = rows(run.pathologicalIds);
        assertThat(rows).as("regex-pathological articles in PostgreSQL").hasSize(run.pathologicalIds.size());
        rows.forEach((id, row) -> {
            Duration took = Duration.between((Instant) row.get("ingested_at"), (Instant) row.get("enriched_at"));
            System.out.printf("regex-pathological %s: enriched %s after ingest, body %d chars, %d spans removed%n",
                    id, took, row.get("body_chars"), row.get("removed"));
            assertThat(took).as("from ingest to enriched").isLessThan(Duration.ofSeconds(30));
        });
    }

    @Test
    void shouldKeepEnrichAndSinkRunning() {
        assertThat(enrich.isReady()).as("enrich still running").isTrue();
        assertThat(sink.isReady()).as("sink still running").isTrue();
    }

    @Test
    void shouldPublishOnlyTheLinesOfATruncatedGzipDecodedBeforeTheCut() {
        assertThat(files.truncatedGzipPublished).as("lines of 300 published, the archive cut at 55 %")
                .isBetween(0, 300 * 55 / 100 - 1);
    }

    @Test
    void shouldSeeNoDuplicateIdsAmongTheInputs() {
        assertThat(files.duplicates).isZero();
    }

    @Test
    void shouldPublishTheGoodFeedAndGiveUpOnTheFailingOnes() {
        assertThat(network.goodFeed).isEqualTo(new FeedPoller.PollResult(FeedPoller.Outcome.FETCHED, 2));
        assertThat(network.failingFeeds).as("outcome of each failing feed").hasSize(3)
                .allSatisfy((path, outcome) -> assertThat(outcome).as(path).isEqualTo(FeedPoller.Outcome.FAILED));
    }

    // ------------------------------------------------------------------------------------------------- waiting

    /**
     * Reads the dead letter topic until it holds as many letters as inputs were sent and every good article is in
     * PostgreSQL; on the deadline, what was read so far (the tests then say what is missing, each for itself).
     */
    private List<DeadLetter> awaitDeadLettersAndGoodRows() {
        AvroDeserializer<DeadLetter> deserializer = new AvroDeserializer<>(DeadLetter.class);
        deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        List<DeadLetter> seen = new ArrayList<>();
        int expected = run.catalog.size();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "hostile-dlq-reader-" + run.nonce,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(DLQ, 0)));
            consumer.seekToBeginning(consumer.assignment());
            int[] rowsIn = {0};
            try {
                Deadline.await(expected + " dead letters and " + run.goodIds.size() + " good rows",
                        Duration.ofSeconds(90), Duration.ofMillis(50), () -> {
                            consumer.poll(Duration.ofMillis(200))
                                    .forEach(r -> seen.add(deserializer.deserialize(r.topic(), r.value())));
                            rowsIn[0] = rows(run.goodIds).size();
                            return seen.size() >= expected && rowsIn[0] == run.goodIds.size();
                        });
            } catch (IllegalStateException e) {
                System.out.println(e.getMessage() + ": " + seen.size() + " dead letters and " + rowsIn[0]
                        + " good rows so far");
            }
        }
        return seen;
    }

    private Map<String, Map<String, Object>> rows(List<String> ids) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             PreparedStatement ps = c.prepareStatement("SELECT id, length(body) AS body_chars, "
                     + "jsonb_array_length(removed) AS removed, ingested_at, enriched_at FROM articles "
                     + "WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString("id"), Map.of("body_chars", rs.getInt("body_chars"),
                            "removed", rs.getInt("removed"),
                            "ingested_at", rs.getTimestamp("ingested_at").toInstant(),
                            "enriched_at", rs.getTimestamp("enriched_at").toInstant()));
                }
            }
        } catch (SQLException e) {
            return Map.of(); // the sink has not created the table yet
        }
        return found;
    }
}
