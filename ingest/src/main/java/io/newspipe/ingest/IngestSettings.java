package io.newspipe.ingest;

import java.util.Map;

/**
 * What the ingest stage needs: Kafka and registry endpoints, topics, the size limit, and any extra Kafka client
 * settings (SASL/SSL) passed through unchanged.
 */
public record IngestSettings(String bootstrapServers, String schemaRegistryUrl, String rawTopic, String dlqTopic,
                             long maxArticleBytes, Map<String, Object> extraClientConfig) {

    public static final long DEFAULT_MAX_ARTICLE_BYTES = 2L * 1024 * 1024;

    public IngestSettings {
        extraClientConfig = Map.copyOf(extraClientConfig);
    }
}
