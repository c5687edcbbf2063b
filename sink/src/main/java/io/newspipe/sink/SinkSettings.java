package io.newspipe.sink;

import java.util.Map;

/** What the sink needs: Kafka and registry endpoints, topics, group, database, batch size, extra client settings. */
public record SinkSettings(String bootstrapServers, String schemaRegistryUrl, String enrichedTopic, String dlqTopic,
                           String groupId, String jdbcUrl, String jdbcUser, String jdbcPassword, int batchSize,
                           boolean fullTextIndex, Map<String, Object> extraClientConfig) {

    public SinkSettings {
        extraClientConfig = Map.copyOf(extraClientConfig);
    }

    /** Settings with the full-text index. */
    public SinkSettings(String bootstrapServers, String schemaRegistryUrl, String enrichedTopic, String dlqTopic,
                        String groupId, String jdbcUrl, String jdbcUser, String jdbcPassword, int batchSize,
                        Map<String, Object> extraClientConfig) {
        this(bootstrapServers, schemaRegistryUrl, enrichedTopic, dlqTopic, groupId, jdbcUrl, jdbcUser, jdbcPassword,
                batchSize, true, extraClientConfig);
    }

    @Override
    public String toString() {
        return "SinkSettings{bootstrap=" + bootstrapServers + ", registry=" + schemaRegistryUrl + ", topic="
                + enrichedTopic + ", dlq=" + dlqTopic + ", group=" + groupId + ", jdbc=" + jdbcUrl + ", user="
                + jdbcUser + ", password=******, batch=" + batchSize + ", fullTextIndex=" + fullTextIndex + "}";
    }
}
