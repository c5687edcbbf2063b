package io.newspipe.cli;

import io.newspipe.enrich.EnrichApp;
import io.newspipe.enrich.EnrichMetrics;
import io.newspipe.enrich.EnrichSettings;
import io.newspipe.enrich.EnrichTopology;
import io.newspipe.enrich.Enricher;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.ingest.TakedownList;
import io.newspipe.sink.SinkApp;
import io.newspipe.sink.SinkSettings;
import java.time.Duration;

/** Builds each stage from the parsed settings, so every command wires the stages the same way. */
public final class Stages {

    /** How long a stage waits to read the takedown list before refusing to start. */
    static final Duration TAKEDOWN_LIST_TIMEOUT = Duration.ofSeconds(30);

    private Stages() {
    }

    /** An ingestor that honours the takedown list of {@code c} when it names a takedown topic. */
    public static Ingestor ingestor(ConnectionOptions c, long maxArticleBytes) {
        Ingestor ingestor = new Ingestor(new IngestSettings(c.bootstrapServers(), c.schemaRegistryUrl(), c.rawTopic(),
                c.dlqTopic(), maxArticleBytes, c.extraClientConfig()));
        try {
            ingestor.honour(takedowns(c));
        } catch (RuntimeException e) {
            ingestor.close();
            throw e;
        }
        return ingestor;
    }

    /** The takedown list of {@code c}, read to its end; empty when {@code c} names no takedown topic. */
    static TakedownList takedowns(ConnectionOptions c) {
        String topic = c.takedownTopic();
        if (topic == null || topic.isBlank()) {
            return TakedownList.EMPTY;
        }
        return TakedownList.read(c.bootstrapServers(), c.extraClientConfig(), topic, TAKEDOWN_LIST_TIMEOUT);
    }

    /** The enrich app over the connection {@code c}, run as {@code stage} says (not started). */
    public static EnrichApp enrichApp(ConnectionOptions c, EnrichStageSettings stage) {
        EnrichSettings s = new EnrichSettings(c.bootstrapServers(), c.schemaRegistryUrl(), stage.applicationId(),
                new EnrichTopology.Topics(c.rawTopic(), c.enrichedTopic(), c.dlqTopic(), stage.routePrefix()),
                stage.processingGuarantee(), stage.commitIntervalMs(), stage.stateDir(), stage.dedup(),
                stage.window(), c.extraClientConfig());
        Enricher enricher = stage.enricher() == null ? Enricher.defaults() : stage.enricher();
        return new EnrichApp(s, enricher, new EnrichMetrics(stage.registry()));
    }

    /** The PostgreSQL sink over the connections {@code c} and {@code db}, run as {@code stage} says. */
    public static SinkApp sinkApp(ConnectionOptions c, DatabaseOptions db, SinkStageSettings stage) {
        return new SinkApp(new SinkSettings(c.bootstrapServers(), c.schemaRegistryUrl(), c.enrichedTopic(),
                c.dlqTopic(), stage.groupId(), db.jdbcUrl(), db.jdbcUser(), db.jdbcPassword(), stage.batchSize(),
                stage.fullTextIndex(), c.extraClientConfig()), stage.registry());
    }
}
