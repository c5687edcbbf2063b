package io.newspipe.cli;

import io.newspipe.enrich.EnrichApp;
import io.newspipe.enrich.EnrichSettings;
import io.newspipe.enrich.EnrichTopology;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.dedup.DedupSettings;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.sink.SinkApp;
import io.newspipe.sink.SinkSettings;
import java.nio.file.Path;

/** Builds each stage from the shared options, so every command wires the stages the same way. */
public final class Stages {

    public static final String DEFAULT_APPLICATION_ID = "newspipe-enrich";
    public static final String DEFAULT_SINK_GROUP = "newspipe-sink";

    private Stages() {
    }

    /** How long a stage waits to read the takedown list before refusing to start. */
    static final java.time.Duration TAKEDOWN_LIST_TIMEOUT = java.time.Duration.ofSeconds(30);

    /** An ingestor that honours the takedown list of {@code c} when it names a takedown topic. */
    public static Ingestor ingestor(ConnectionOptions c, long maxArticleBytes) {
        Ingestor ingestor = new Ingestor(new IngestSettings(c.bootstrapServers, c.schemaRegistryUrl, c.rawTopic,
                c.dlqTopic, maxArticleBytes, c.extraClientConfig()));
        try {
            ingestor.honour(takedowns(c));
        } catch (RuntimeException e) {
            ingestor.close();
            throw e;
        }
        return ingestor;
    }

    /** The takedown list of {@code c}, read to its end; empty when {@code c} names no takedown topic. */
    static io.newspipe.ingest.TakedownList takedowns(ConnectionOptions c) {
        if (c.takedownTopic == null || c.takedownTopic.isBlank()) {
            return io.newspipe.ingest.TakedownList.EMPTY;
        }
        return io.newspipe.ingest.TakedownList.read(c.bootstrapServers, c.extraClientConfig(), c.takedownTopic,
                TAKEDOWN_LIST_TIMEOUT);
    }

    public static EnrichApp enrichApp(ConnectionOptions c, String applicationId, String guarantee, long commitIntervalMs,
                               Path stateDir) {
        return enrichApp(c, applicationId, guarantee, commitIntervalMs, stateDir,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    public static EnrichApp enrichApp(ConnectionOptions c, String applicationId, String guarantee, long commitIntervalMs,
                               Path stateDir, io.micrometer.core.instrument.MeterRegistry registry) {
        return enrichApp(c, applicationId, guarantee, commitIntervalMs, stateDir, DedupSettings.DEFAULTS, registry);
    }

    public static EnrichApp enrichApp(ConnectionOptions c, String applicationId, String guarantee, long commitIntervalMs,
                               Path stateDir, DedupSettings dedup,
                               io.micrometer.core.instrument.MeterRegistry registry) {
        return enrichApp(c, applicationId, guarantee, commitIntervalMs, stateDir, dedup, null, registry);
    }

    public static EnrichApp enrichApp(ConnectionOptions c, String applicationId, String guarantee, long commitIntervalMs,
                               Path stateDir, DedupSettings dedup, String routePrefix,
                               io.micrometer.core.instrument.MeterRegistry registry) {
        return enrichApp(c, applicationId, guarantee, commitIntervalMs, stateDir, dedup, routePrefix, registry, null);
    }

    public static EnrichApp enrichApp(ConnectionOptions c, String applicationId, String guarantee, long commitIntervalMs,
                               Path stateDir, DedupSettings dedup, String routePrefix,
                               io.micrometer.core.instrument.MeterRegistry registry, EnrichTopology.Window window) {
        return enrichApp(c, applicationId, guarantee, commitIntervalMs, stateDir, dedup, routePrefix, registry, window,
                Enricher.defaults());
    }

    static EnrichApp enrichApp(ConnectionOptions c, String applicationId, String guarantee, long commitIntervalMs,
                               Path stateDir, DedupSettings dedup, String routePrefix,
                               io.micrometer.core.instrument.MeterRegistry registry, EnrichTopology.Window window,
                               Enricher enricher) {
        EnrichSettings s = new EnrichSettings(c.bootstrapServers, c.schemaRegistryUrl, applicationId,
                new EnrichTopology.Topics(c.rawTopic, c.enrichedTopic, c.dlqTopic,
                        routePrefix == null || routePrefix.isBlank() ? null : routePrefix), guarantee,
                commitIntervalMs,
                stateDir, dedup, window, c.extraClientConfig());
        return new EnrichApp(s, enricher, new io.newspipe.enrich.EnrichMetrics(registry));
    }

    public static SinkApp sinkApp(ConnectionOptions c, DatabaseOptions db, String groupId, int batchSize) {
        return sinkApp(c, db, groupId, batchSize, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    public static SinkApp sinkApp(ConnectionOptions c, DatabaseOptions db, String groupId, int batchSize,
                           io.micrometer.core.instrument.MeterRegistry registry) {
        return sinkApp(c, db, groupId, batchSize, true, registry);
    }

    public static SinkApp sinkApp(ConnectionOptions c, DatabaseOptions db, String groupId, int batchSize,
                           boolean fullTextIndex, io.micrometer.core.instrument.MeterRegistry registry) {
        return new SinkApp(new SinkSettings(c.bootstrapServers, c.schemaRegistryUrl, c.enrichedTopic, c.dlqTopic,
                groupId, db.jdbcUrl, db.jdbcUser, db.jdbcPassword == null ? "" : db.jdbcPassword, batchSize,
                fullTextIndex, c.extraClientConfig()), registry);
    }
}
