package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.localstack.ArticleGenerator;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroSerializer;
import io.newspipe.sink.SinkApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite: 20,000 articles through the whole pipeline while the broker is restarted twice, the enrich
 * process is killed with SIGKILL and started again, and PostgreSQL is stopped for 10 s. At the end the table holds
 * exactly the 20,000 ids, each row as the offline enrichment gives it, news.enriched (read_committed) has no
 * duplicate id, and news.dlq is empty. Run alone with {@code mvn -pl cli verify -Dit.test=FaultSuiteIT}
 * (JUnit tag {@code fault}).
 */
@Tag("fault")
@ExtendWith(LocalStackExtension.class)
class FaultSuiteIT {

    private static final int ARTICLES = Integer.getInteger("fault.articles", 20_000);
    private static final String RAW = "fault.raw";
    private static final String ENRICHED = "fault.enriched";
    private static final String DLQ = "fault.dlq";

    private final LocalStack stack;

    FaultSuiteIT(LocalStack stack) {
        this.stack = stack;
    }

    private Process startEnrich(Path stateDir, Path log) throws Exception {
        return new StageProcesses(stack, RAW, ENRICHED, DLQ).enrich("fault-enrich", stateDir, log, "512m");
    }

    private int rowCount() {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM articles WHERE id LIKE 'bench-%'")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1; // down or not migrated yet
        }
    }

    /** What a stalled run leaves for whoever reads the build log: the broker's view, the enrich log, its threads. */
    private void reportStall(Process enrich, Path log, int produced) throws Exception {
        System.err.println(KafkaStateDump.of(stack.bootstrapServers(), List.of("fault-enrich", "fault-sink")));
        System.err.println("rows " + rowCount() + ", produced " + produced + "; the last 400 lines of " + log + ":");
        List<String> lines = java.nio.file.Files.readAllLines(log);
        System.err.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 400), lines.size())));
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(enrich.pid()), "Thread.print").inheritIO().start().waitFor(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldLoseAndDoubleNothingThroughBrokerRestartsAnEnrichKillAndADatabaseOutage(@TempDir Path work)
            throws Exception {
        ArticleGenerator generator = new ArticleGenerator(Path.of("../samples"), 2024);
        List<RawArticle> articles = new ArrayList<>(ARTICLES);
        Instant t = Instant.parse("2025-05-01T00:00:00Z");
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(GeneratedArticles.raw(generator.next(i), t.plusSeconds(i)));
        }
        ConnectionOptions c = new ConnectionOptions();
        StackOptions.point(c, stack, RAW, ENRICHED, DLQ);
        // as a deployment has them: the raw topic (records stamped with 2025 publication times) kept forever
        TopicsCommand.Create.createAll(c, 2, System.out);
        DatabaseOptions db = new DatabaseOptions();
        StackOptions.point(db, stack);
        SinkApp sink = Stages.sinkApp(c, db, SinkStageSettings.of("fault-sink", 500));
        Thread sinkThread = new Thread(sink, "fault-sink");
        sinkThread.start();
        Path log = java.nio.file.Files.createDirectories(Path.of("target")).resolve("fault-enrich.log");
        java.nio.file.Files.deleteIfExists(log);
        Process enrich = startEnrich(work.resolve("state"), log);

        AtomicInteger produced = new AtomicInteger();
        AtomicReference<Throwable> producerError = new AtomicReference<>();
        Thread producerThread = new Thread(() -> {
            AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
            serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000),
                    new StringSerializer(), serializer)) {
                for (RawArticle a : articles) {
                    producer.send(new ProducerRecord<>(RAW, null, a.getPublishedAt().toEpochMilli(), a.getId(), a),
                            (md, e) -> {
                                if (e != null) {
                                    producerError.compareAndSet(null, e);
                                }
                            });
                    if (produced.incrementAndGet() % 1000 == 0) {
                        producer.flush(); // keep the stream spread over the faults below
                    }
                }
                producer.flush();
            } catch (RuntimeException e) {
                producerError.compareAndSet(null, e);
            }
        }, "fault-producer");
        long started = System.nanoTime();
        producerThread.start();
        long allRowsAfterMs;
        try {
            Duration step = Duration.ofSeconds(Long.getLong("fault.step.seconds", 300));
            Deadline.await("a tenth of the rows", step, Duration.ofMillis(200), () -> rowCount() >= ARTICLES / 10);
            stack.kafka().stop();                       // fault 1: broker restart
            stack.kafka().start();

            Deadline.await("more rows after the broker restart", step, Duration.ofMillis(200),
                    () -> rowCount() >= ARTICLES / 4);
            enrich.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // fault 2: SIGKILL, no clean shutdown
            enrich = startEnrich(work.resolve("state"), log);

            Deadline.await("rows after the enrich restart", step, Duration.ofMillis(200),
                    () -> rowCount() >= ARTICLES / 2);
            stack.postgres().stop();                    // fault 3: database down for 10 s
            long downUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Deadline.await("10 s of database outage", Duration.ofSeconds(20), Duration.ofMillis(100),
                    () -> System.nanoTime() >= downUntil);
            stack.postgres().start();

            Deadline.await("rows after the outage", step, Duration.ofMillis(200),
                    () -> rowCount() >= ARTICLES * 3 / 4);
            stack.kafka().stop();                       // fault 4: the second broker restart
            stack.kafka().start();

            Deadline.await("all " + ARTICLES + " rows", Duration.ofMinutes(10), Duration.ofMillis(500),
                    () -> rowCount() >= ARTICLES);
            allRowsAfterMs = (System.nanoTime() - started) / 1_000_000;
            producerThread.join(60_000);
        } catch (IllegalStateException stalled) {
            reportStall(enrich, log, produced.get());
            throw stalled;
        } finally {
            enrich.destroy();
            enrich.waitFor(30, TimeUnit.SECONDS);
            sink.close();
            sinkThread.join(30_000);
        }
        assertThat(producerError.get()).isNull();

        // the table: exactly the ids, each row as the offline enrichment (newspipe clean) gives it;
        // news.enriched read_committed: every id once; news.dlq: nothing
        PipelineOutcome.ReadBack readBack = PipelineOutcome.assertNothingLostOrDoubled(stack, articles, "bench-%",
                ENRICHED, DLQ, "fault-verifier");
        assertThat(sink.deadLetters()).isZero();
        System.out.printf("fault suite: %,d articles through two broker restarts, an enrich SIGKILL and a 10 s "
                + "database outage: all rows after %.1f s, each as offline; %,d ids on %s read_committed, no "
                + "duplicate; no dead letter%n", ARTICLES, allRowsAfterMs / 1000.0, readBack.ids().size(), ENRICHED);
    }

}
