package io.newspipe.cli;

import io.newspipe.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Kafka, Schema Registry and topic options shared by the stage commands. Every option has an environment variable
 * ({@code NEWSPIPE_…}); any other {@code NEWSPIPE_KAFKA_<KEY>} variable passes through as the Kafka client setting
 * {@code <key>} (e.g. {@code NEWSPIPE_KAFKA_SECURITY_PROTOCOL=SASL_SSL}) and {@code NEWSPIPE_REGISTRY_<KEY>} as a
 * registry client setting (e.g. {@code NEWSPIPE_REGISTRY_BASIC_AUTH_USER_INFO}).
 */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
            defaultValue = "${env:NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            defaultValue = "${env:NEWSPIPE_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Confluent-compatible Schema Registry URL (env NEWSPIPE_SCHEMA_REGISTRY_URL; "
                    + "default ${DEFAULT-VALUE}).")
    String schemaRegistryUrl;

    @Option(names = "--raw-topic", defaultValue = "${env:NEWSPIPE_TOPIC_RAW:-" + Topics.RAW + "}",
            description = "Raw articles topic (env NEWSPIPE_TOPIC_RAW; default ${DEFAULT-VALUE}).")
    String rawTopic;

    @Option(names = "--enriched-topic", defaultValue = "${env:NEWSPIPE_TOPIC_ENRICHED:-" + Topics.ENRICHED + "}",
            description = "Enriched articles topic (env NEWSPIPE_TOPIC_ENRICHED; default ${DEFAULT-VALUE}).")
    String enrichedTopic;

    @Option(names = "--dlq-topic", defaultValue = "${env:NEWSPIPE_TOPIC_DLQ:-" + Topics.DLQ + "}",
            description = "Dead letter topic (env NEWSPIPE_TOPIC_DLQ; default ${DEFAULT-VALUE}).")
    String dlqTopic;

    @Option(names = "--takedown-topic", defaultValue = "${env:NEWSPIPE_TOPIC_TAKEDOWNS:-" + Topics.TAKEDOWNS + "}",
            description = "Takedowns topic: the audit record of every takedown, and the list of ids that ingest and "
                    + "replays never publish again (env NEWSPIPE_TOPIC_TAKEDOWNS; default ${DEFAULT-VALUE}).")
    String takedownTopic;

    @Option(names = "--client-config", paramLabel = "FILE",
            defaultValue = "${env:NEWSPIPE_CLIENT_CONFIG}",
            description = "Properties file of extra Kafka and registry client settings (SASL, SSL, "
                    + "basic.auth.*), e.g. a Confluent client config (env NEWSPIPE_CLIENT_CONFIG).")
    Path clientConfig;

    /** Settings a command derives from its own options (e.g. enrich --threads); they win over the others. */
    final Map<String, Object> overrides = new HashMap<>();

    /**
     * Extra client settings: the file first, then NEWSPIPE_KAFKA_* / NEWSPIPE_REGISTRY_* variables, then the
     * command's {@link #overrides}.
     */
    Map<String, Object> extraClientConfig() {
        return extraClientConfig(System.getenv());
    }

    Map<String, Object> extraClientConfig(Map<String, String> env) {
        Map<String, Object> out = new HashMap<>();
        if (clientConfig != null) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(clientConfig)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --client-config " + clientConfig, e);
            }
            p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("NEWSPIPE_KAFKA_") && !k.equals("NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS")) {
                out.put(key(k.substring("NEWSPIPE_KAFKA_".length())), v);
            } else if (k.startsWith("NEWSPIPE_REGISTRY_")) {
                out.put(key(k.substring("NEWSPIPE_REGISTRY_".length())), v);
            }
        });
        out.putAll(overrides);
        return out;
    }

    private static String key(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String schemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public String rawTopic() {
        return rawTopic;
    }

    public String enrichedTopic() {
        return enrichedTopic;
    }

    public String dlqTopic() {
        return dlqTopic;
    }

    /** The takedowns topic; null when these options were not parsed from a command line (no takedown list). */
    public String takedownTopic() {
        return takedownTopic;
    }

    /** Sets a client setting that wins over the file and the environment (see {@link #overrides}). */
    public void override(String key, Object value) {
        overrides.put(key, value);
    }

    /** Points these options at a running broker and registry (a local stack, a test's), with the given topics. */
    public void pointAt(String bootstrapServers, String schemaRegistryUrl, String raw, String enriched, String dlq) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        rawTopic = raw;
        enrichedTopic = enriched;
        dlqTopic = dlq;
    }
}
