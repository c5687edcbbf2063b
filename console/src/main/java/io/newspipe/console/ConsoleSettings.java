package io.newspipe.console;

import java.time.Duration;
import java.util.Map;

/**
 * What the console reads and how it serves.
 *
 * @param host              address to bind; 127.0.0.1 unless told otherwise
 * @param port              port to bind, 0 for any free one
 * @param kafka             Kafka client settings ({@code bootstrap.servers} and any security settings)
 * @param schemaRegistryUrl the registry the dead letters' schema is read from
 * @param topics            the pipeline's topics
 * @param enrichGroup       enrich's application id (its consumer group on the raw topic)
 * @param sinkGroup         the sink's consumer group on the enriched topic
 * @param database          the sink's PostgreSQL
 * @param stageEndpoints    base URLs of stages serving {@code /metrics} and {@code /health/ready}, by stage name
 *                          ({@code ingest}, {@code enrich}, {@code sink}); may be empty
 * @param token             the token re-drive requests must carry
 * @param actionsEnabled    whether re-drive is offered at all (read-only when false)
 * @param sampleInterval    how often the overview is sampled and pushed to the browsers
 */
public record ConsoleSettings(String host, int port, Map<String, Object> kafka, String schemaRegistryUrl,
                              Topics topics, String enrichGroup, String sinkGroup, Database database,
                              Map<String, String> stageEndpoints, String token, boolean actionsEnabled,
                              Duration sampleInterval) {

    /** The address the console binds when none is given: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The pipeline's topic names. */
    public record Topics(String raw, String enriched, String dlq) {
    }

    /** Checks the settings. */
    public ConsoleSettings {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the console token must have at least 16 characters");
        }
        kafka = Map.copyOf(kafka);
        stageEndpoints = Map.copyOf(stageEndpoints);
    }
}
