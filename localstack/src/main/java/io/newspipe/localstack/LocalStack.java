package io.newspipe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack on one machine with no Docker: a real Kafka broker in this JVM (or a cluster of brokers,
 * each in its own process: {@link KafkaCluster}), a real Apicurio Registry process (Confluent-compatible API) and a
 * real PostgreSQL, all on free loopback ports. Used by the integration tests (through {@link LocalStackExtension})
 * and by {@code newspipe demo} / {@code up}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static LocalStack shared;

    private final Path workDir;
    private final boolean deleteOnClose;
    private final EmbeddedKafka kafka;
    private final KafkaCluster cluster;
    private final ApicurioRegistry registry;
    private final EmbeddedPostgresServer postgres;
    private long startupMillis;
    private final Thread shutdownHook = new Thread(this::stopAll, "newspipe-localstack-shutdown");

    private LocalStack(Path workDir, boolean deleteOnClose, int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("the local stack needs at least one broker, not " + brokers);
        }
        this.workDir = workDir;
        this.deleteOnClose = deleteOnClose;
        this.kafka = brokers == 1 ? new EmbeddedKafka(workDir.resolve("kafka")) : null;
        this.cluster = brokers == 1 ? null : new KafkaCluster(workDir, brokers);
        this.registry = new ApicurioRegistry(workDir);
        this.postgres = new EmbeddedPostgresServer(workDir.resolve("postgres"));
    }

    /** Starts a stack in a fresh temporary directory that is deleted on {@link #close()}. */
    public static LocalStack startTemporary() {
        return startTemporary(1);
    }

    /**
     * Starts a stack with {@code brokers} Kafka brokers in a fresh temporary directory that is deleted on
     * {@link #close()}: one runs in this JVM; more run as a {@link KafkaCluster}, each in its own process, with
     * replication factor 3 (or the number of brokers, if fewer) and one in-sync replica fewer as the minimum.
     */
    public static LocalStack startTemporary(int brokers) {
        try {
            return new LocalStack(Files.createTempDirectory("newspipe-stack-"), true, brokers).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a stack whose data lives in {@code workDir} and survives {@link #close()}. */
    public static LocalStack startIn(Path workDir) {
        return startIn(workDir, 1);
    }

    /** Starts a stack with {@code brokers} Kafka brokers whose data lives in {@code workDir} and survives it. */
    public static LocalStack startIn(Path workDir, int brokers) {
        return new LocalStack(workDir, false, brokers).start();
    }

    /** One stack per JVM, started on first use and stopped when the JVM exits (integration tests share it). */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            shared = startTemporary();
        }
        return shared;
    }

    private LocalStack start() {
        // stop everything when the JVM exits however it ends (Ctrl-C, SIGTERM), so no registry process outlives it
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        long t0 = System.nanoTime();
        registry.startAsync(); // the slowest part (≈10 s): let it boot while the others start
        try {
            CompletableFuture<Void> pg = CompletableFuture.runAsync(postgres::start);
            if (kafka != null) {
                kafka.start();
            } else {
                cluster.start();
            }
            pg.get();
            registry.awaitReady(Duration.ofSeconds(120));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        } catch (ExecutionException | RuntimeException e) {
            close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the local stack failed to start: " + cause.getMessage(), cause);
        }
        startupMillis = (System.nanoTime() - t0) / 1_000_000;
        LOG.info("local stack up in {} ms: kafka {} registry {} postgres {}", startupMillis, bootstrapServers(),
                schemaRegistryUrl(), jdbcUrl());
        return this;
    }

    public String bootstrapServers() {
        return kafka != null ? kafka.bootstrapServers() : cluster.bootstrapServers();
    }

    /** How many Kafka brokers this stack runs. */
    public int brokers() {
        return kafka != null ? 1 : cluster.nodeIds().size();
    }

    /** The replication factor of the topics this stack creates: 1 on one broker, 3 on a cluster of three or more. */
    public short replicationFactor() {
        return (short) (kafka != null ? 1 : cluster.replicationFactor());
    }

    public String schemaRegistryUrl() {
        return registry.confluentUrl();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String jdbcUser() {
        return postgres.user();
    }

    public String jdbcPassword() {
        return postgres.password();
    }

    /** The broker in this JVM; a stack of several brokers has {@link #cluster()} instead. */
    public EmbeddedKafka kafka() {
        if (kafka == null) {
            throw new IllegalStateException("this stack runs " + brokers() + " brokers: use cluster()");
        }
        return kafka;
    }

    /** The brokers in their own processes, on a stack started with more than one broker. */
    public KafkaCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("this stack runs one broker in this JVM: use kafka()");
        }
        return cluster;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public long startupMillis() {
        return startupMillis;
    }

    public Path workDir() {
        return workDir;
    }

    /** The endpoints under the keys other programs use: bootstrap.servers, schema.registry.url, jdbc.url. */
    public Properties endpoints() {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers());
        p.setProperty("schema.registry.url", schemaRegistryUrl());
        p.setProperty("jdbc.url", jdbcUrl());
        p.setProperty("jdbc.user", jdbcUser());
        return p;
    }

    /**
     * Creates topics (idempotent: existing ones are left as they are) that keep their records for good: tests and
     * benchmarks write articles with historical publication times as record timestamps, which the broker's default
     * time retention would delete at its next check, minutes into a run.
     */
    public void createTopics(int partitions, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String t : topics) {
                newTopics.add(new NewTopic(t, partitions, replicationFactor())
                        .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
            }
            for (var f : admin.createTopics(newTopics).values().values()) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic: " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrGone) {
            // the JVM is exiting and runs the hook itself, or it was removed before
        }
        stopAll();
    }

    private synchronized void stopAll() {
        for (AutoCloseable c : List.<AutoCloseable>of(registry, kafka != null ? kafka : cluster, postgres)) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
            }
        }
        if (deleteOnClose) {
            deleteRecursively(workDir);
        }
    }

    /** Deletes a folder and everything in it, best effort. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
