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

    public static Ingestor ingestor(ConnectionOptions c, long maxArticleBytes) {
        return new Ingestor(new IngestSettings(c.bootstrapServers, c.schemaRegistryUrl, c.rawTopic, c.dlqTopic,
                maxArticleBytes, c.extraClientConfig()));
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
