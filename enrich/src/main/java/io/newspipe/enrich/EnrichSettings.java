package io.newspipe.enrich;

import io.newspipe.enrich.dedup.DedupSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the enrich app needs: endpoints, application id, topics, processing guarantee, and extra Kafka settings
 * (SASL/SSL, tuning) passed through to Kafka Streams unchanged.
 */
public record EnrichSettings(String bootstrapServers, String schemaRegistryUrl, String applicationId,
                             EnrichTopology.Topics topics, String processingGuarantee, long commitIntervalMs,
                             Path stateDir, DedupSettings dedup, EnrichTopology.Window window,
                             Map<String, Object> extraConfig) {

    public EnrichSettings {
        extraConfig = Map.copyOf(extraConfig);
    }

    /** Settings for the live app: every record, no window. */
    public EnrichSettings(String bootstrapServers, String schemaRegistryUrl, String applicationId,
                          EnrichTopology.Topics topics, String processingGuarantee, long commitIntervalMs,
                          Path stateDir, DedupSettings dedup, Map<String, Object> extraConfig) {
        this(bootstrapServers, schemaRegistryUrl, applicationId, topics, processingGuarantee, commitIntervalMs,
                stateDir, dedup, null, extraConfig);
    }
}
