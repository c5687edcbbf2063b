package io.newspipe.ingest;

import java.util.Map;

/**
 * What the ingest stage needs: Kafka and registry endpoints, topics, the size limit, and any extra Kafka client
 * settings (SASL/SSL) passed through unchanged.
 */
public record IngestSettings(String bootstrapServers, String schemaRegistryUrl, String rawTopic, String dlqTopic,
                             long maxArticleBytes, Map<String, Object> extraClientConfig) {

    /**
     * 512 KiB: far above any real article, and low enough that the raw record and its enriched copy (the clean body
     * plus the removed spans, up to about twice the input) fit in what a broker takes in one record by default
     * ({@code message.max.bytes}, 1 MiB). Raising it past that needs the topics' {@code max.message.bytes} and the
     * producers' {@code max.request.size} raised too; otherwise the broker refuses the record ({@code
     * produce-failed} dead letter).
     */
    public static final long DEFAULT_MAX_ARTICLE_BYTES = 512L * 1024;

    public IngestSettings {
        extraClientConfig = Map.copyOf(extraClientConfig);
    }
}
