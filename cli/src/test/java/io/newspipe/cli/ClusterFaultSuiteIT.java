package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.localstack.ArticleGenerator;
import io.newspipe.localstack.KafkaCluster;
import io.newspipe.localstack.LocalStack;
import io.newspipe.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster fault suite: articles through ingest → enrich (three instances, six partitions) → sink on three
 * brokers, each its own process, with replication factor 3 and min.insync.replicas 2, while in turn the broker
 * leading the most partitions is killed with SIGKILL and comes back, all three brokers are restarted one after the
 * other, one enrich instance is killed with SIGKILL and another added (3 → 2 → 3), and the sink is killed with
 * SIGKILL in the middle of writing a batch. At the end the table holds exactly the ids, each row as the offline
 * enrichment gives it, news.enriched (read_committed) has no duplicate id, the dead letter topic is empty, and every
 * duplicate verdict equals the one a single enrich instance gives. It prints how long each fault stopped the
 * pipeline. 3,000 articles by default; {@code -Dnewspipe.fault.articles=50000} for the full run.
 */
@Tag("fault")
class ClusterFaultSuiteIT {

    private static final int ARTICLES = Integer.getInteger("newspipe.fault.articles", 3_000);
    private static final int PARTITIONS = 6;
    /** Every 25th article republishes, under another id, the article published 310 slots before it. */
    private static final int COPY_EVERY = 25;
    private static final int COPY_DISTANCE = 310;
    /**
     * Seven faults, eight phases: before each fault ingest may publish one more eighth of the articles, and the
     * fault comes when the table is half a phase short of that, so that every fault meets work waiting and none
     * finds the pipeline drained; the last phase is published after the last fault.
     */
    private static final int PHASE = ARTICLES / 8;
    private static final String RAW = "cluster.raw";
    private static final String ENRICHED = "cluster.enriched";
    private static final String DLQ = "cluster.dlq";
    private static final String ENRICH_ID = "cluster-enrich";
    private static final String SINK_GROUP = "cluster-sink";
    private static final Duration STEP = Duration.ofSeconds(Long.getLong("fault.step.seconds", 600));

    private final Map<String, Double> recoverySeconds = new LinkedHashMap<>();
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicInteger allowed = new AtomicInteger();

    /**
     * The articles in publication order: generated ones, and every {@value #COPY_EVERY}th a verbatim copy of an
     * earlier one, keyed so that it lands on its original's partition (the pair then reaches enrich in
     * publication order whatever the faults do). Generated articles the duplicate detector would call a copy of
     * an earlier one are left out ({@link DistinctArticles}): such a pair may sit on two partitions, and which of
     * them enrich sees first is up to the faults, so the planted copies are the only duplicates.
     */
    static List<RawArticle> articles(int count) {
        ArticleGenerator generator = new ArticleGenerator(Path.of("../samples"), 2024);
        DistinctArticles distinct = new DistinctArticles();
        List<RawArticle> articles = new ArrayList<>(count);
        Instant t = Instant.parse("2025-05-01T00:00:00Z");
        int drawn = 0;
        for (int i = 0; i < count; i++) {
            if (isCopy(i)) {
                RawArticle original = articles.get(i - COPY_DISTANCE);
                articles.add(RawArticle.newBuilder(original).setId(samePartitionId(original.getId()))
                        .setSource("bench-copy").setPublishedAt(t.plusSeconds(i)).build());
                continue;
            }
            RawArticle generated;
            do {
                generated = GeneratedArticles.raw(generator.next(drawn++), t.plusSeconds(i));
            } while (!distinct.admit(generated));
            articles.add(generated);
        }
        return articles;
    }

    static boolean isCopy(int index) {
        return index >= COPY_DISTANCE && index % COPY_EVERY == 0;
    }

    static long copies() {
        return java.util.stream.IntStream.range(0, ARTICLES).filter(ClusterFaultSuiteIT::isCopy).count();
    }

    private static String samePartitionId(String originalId) {
        for (int k = 0; ; k++) {
            String id = originalId + "-copy-" + k;
            if (partition(id) == partition(originalId)) {
                return id;
            }
        }
    }

    /** The partition the producer's default partitioner gives a key. */
    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    @Test
    void shouldLoseAndDoubleNothingThroughBrokerAndInstanceLosses(@TempDir Path work) throws Exception {
        long suiteStart = System.nanoTime();
        List<RawArticle> articles = articles(ARTICLES);
        try (LocalStack stack = LocalStack.startTemporary(3)) {
            ConnectionOptions c = new ConnectionOptions();
            StackOptions.point(c, stack, RAW, ENRICHED, DLQ);
            TopicsCommand.Create.createAll(c, PARTITIONS, stack.replicationFactor(), System.out);
            Path logs = Files.createDirectories(Path.of("target", "cluster-fault"));
            StageProcesses stages = new StageProcesses(stack, RAW, ENRICHED, DLQ);
            List<Process> enrich = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                enrich.add(startEnrich(stages, work, logs, i));
            }
            Process[] sink = {stages.sink(SINK_GROUP, fresh(logs.resolve("sink.log")), "256m")};
            ClusterReferenceRun reference = new ClusterReferenceRun(stack, pairs(articles), work);
            AtomicReference<Throwable> producerError = new AtomicReference<>();
            Thread producer = new Thread(() -> produce(stack, articles, producerError), "cluster-ingest");
            ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
            double allRowsSeconds;
            try (PipelineProgress progress = new PipelineProgress(stack.bootstrapServers(), RAW, PARTITIONS,
                    ENRICH_ID, () -> rowCount(stack), published::get)) {
                producer.start();
                reporter.scheduleAtFixedRate(() -> report(stack), 15, 15, TimeUnit.SECONDS);
                KafkaCluster cluster = stack.cluster();

                awaitPhase(stack);
                int leader = cluster.mostLeadingBroker();
                long at = System.nanoTime();
                cluster.kill(leader);
                recovered("SIGKILL of broker " + leader + " (leading the most partitions)", progress, at);
                cluster.start(leader);
                cluster.awaitFullyReplicated(STEP);

                for (int id : cluster.nodeIds()) {
                    awaitPhase(stack);
                    at = System.nanoTime();
                    cluster.stop(id);
                    recovered("rolling restart: broker " + id + " stopped (SIGTERM)", progress, at);
                    cluster.start(id);
                    cluster.awaitFullyReplicated(STEP);
                }

                awaitPhase(stack);
                at = System.nanoTime();
                enrich.get(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                recovered("SIGKILL of an enrich instance (3 → 2)", progress, at);
                awaitPhase(stack);
                at = System.nanoTime();
                enrich.set(0, startEnrich(stages, work, logs, 4));
                recovered("enrich instance added (2 → 3)", progress, at);

                awaitPhase(stack);
                awaitSinkMidBatch(stack);
                at = System.nanoTime();
                sink[0].destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                sink[0] = stages.sink(SINK_GROUP, logs.resolve("sink.log"), "256m");
                recovered("SIGKILL of the sink mid-batch, restarted", progress, at);
                allowed.set(ARTICLES);

                Deadline.await("all " + ARTICLES + " rows", Duration.ofMinutes(10), Duration.ofMillis(500),
                        () -> rowCount(stack) >= ARTICLES);
                allRowsSeconds = (System.nanoTime() - suiteStart) / 1e9;
                producer.join(60_000);
            } catch (IllegalStateException stalled) {
                reference.close();
                System.err.println(KafkaStateDump.of(stack.bootstrapServers(), List.of(ENRICH_ID, SINK_GROUP)));
                System.err.println("rows " + rowCount(stack) + ", published " + published.get() + "; logs in "
                        + logs);
                throw stalled;
            } finally {
                reporter.shutdownNow();
                enrich.forEach(ClusterFaultSuiteIT::stop);
                stop(sink[0]);
            }
            assertThat(producerError.get()).isNull();
            Map<String, String> single;
            try (reference) {
                single = reference.duplicateVerdicts();
            }
            verify(stack, articles, single);
            System.out.printf("cluster fault suite: %,d articles (%,d of them copies) on 3 brokers, enrich 3 → 2 → 3 "
                    + "instances on %d partitions: all rows after %.1f s; suite %.1f s; recovery (no progress → "
                    + "progress again):%n", ARTICLES, copies(), PARTITIONS, allRowsSeconds,
                    (System.nanoTime() - suiteStart) / 1e9);
            recoverySeconds.forEach((fault, s) -> System.out.printf("  %-58s %6.1f s%n", fault, s));
        }
    }

    /** Lets ingest publish one more phase, then waits until the table is half a phase short of it. */
    private void awaitPhase(LocalStack stack) {
        awaitRows(stack, allowed.addAndGet(PHASE) - PHASE / 2);
    }

    /** Times the recovery from a fault. */
    private void recovered(String fault, PipelineProgress progress, long faultAtNanos) {
        recoverySeconds.put(fault, progress.awaitRecovery(fault, faultAtNanos, STEP));
        System.out.printf("cluster fault suite: %s: moving again after %.1f s%n", fault,
                recoverySeconds.get(fault));
    }

    /** A line for whoever reads the build log: rows and articles published so far. */
    private void report(LocalStack stack) {
        System.out.printf("cluster fault suite: %,d rows, %,d published%n", rowCount(stack), published.get());
    }

    private void verify(LocalStack stack, List<RawArticle> articles, Map<String, String> single)
            throws Exception {
        PipelineOutcome.assertNothingLostOrDoubled(stack, articles, "%", ENRICHED, DLQ, "cluster-verifier");

        Map<String, String> verdicts = duplicateOf(stack);
        Map<String, String> clusterVerdicts = new HashMap<>();
        single.keySet().forEach(id -> clusterVerdicts.put(id, verdicts.get(id)));
        assertThat(clusterVerdicts).as("duplicate_of of each copy and original, against one enrich instance")
                .isEqualTo(single);
        assertThat(single.values().stream().filter(v -> !v.isEmpty()).count()).as("copies flagged")
                .isEqualTo(copies());
        assertThat(verdicts.entrySet().stream().filter(e -> !single.containsKey(e.getKey()))
                .filter(e -> !e.getValue().isEmpty()).toList()).as("articles with no copy flagged").isEmpty();
    }

    /** The copies and their originals, in publication order. */
    private static List<RawArticle> pairs(List<RawArticle> articles) {
        List<RawArticle> pairs = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            if (isCopy(i) || i + COPY_DISTANCE < articles.size() && isCopy(i + COPY_DISTANCE)) {
                pairs.add(articles.get(i));
            }
        }
        return pairs;
    }

    private static Map<String, String> duplicateOf(LocalStack stack) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection conn = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, coalesce(duplicate_of, '') FROM articles")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static Process startEnrich(StageProcesses stages, Path work, Path logs, int instance)
            throws Exception {
        return stages.enrich(ENRICH_ID, work.resolve("state-" + instance), fresh(logs.resolve("enrich-" + instance
                + ".log")), "384m", "--standby-replicas", "1", "--commit-interval-ms", "1000");
    }

    private static Path fresh(Path log) throws Exception {
        Files.deleteIfExists(log);
        return log;
    }

    /** Publishes the articles in order, as ingest does, as far as the current phase allows. */
    private void produce(LocalStack stack, List<RawArticle> articles, AtomicReference<Throwable> error) {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000), new StringSerializer(), serializer)) {
            for (RawArticle a : articles) {
                if (published.get() >= allowed.get()) {
                    producer.flush();
                    Deadline.await("the next phase", Duration.ofMinutes(30), Duration.ofMillis(100),
                            () -> published.get() < allowed.get());
                }
                producer.send(new ProducerRecord<>(RAW, null, a.getPublishedAt().toEpochMilli(), a.getId(), a),
                        (md, e) -> {
                            if (e != null) {
                                error.compareAndSet(null, e);
                            }
                        });
                published.incrementAndGet();
            }
            producer.flush();
        } catch (RuntimeException e) {
            error.compareAndSet(null, e);
        }
    }

    private static void awaitRows(LocalStack stack, int rows) {
        Deadline.await(rows + " rows", STEP, Duration.ofMillis(200), () -> rowCount(stack) >= rows);
    }

    /** Waits until the sink is inside a database transaction that writes articles: a batch under way. */
    private static void awaitSinkMidBatch(LocalStack stack) {
        Deadline.await("the sink in the middle of a batch", STEP, Duration.ofMillis(5), () -> {
            try (Connection conn = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(),
                    stack.jdbcPassword());
                 Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid <> "
                         + "pg_backend_pid() AND (state = 'idle in transaction' OR state = 'active' "
                         + "AND query ILIKE 'INSERT INTO articles%')")) {
                rs.next();
                return rs.getInt(1) > 0;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private static long rowCount(LocalStack stack) {
        try (Connection conn = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM articles")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // not migrated yet
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
