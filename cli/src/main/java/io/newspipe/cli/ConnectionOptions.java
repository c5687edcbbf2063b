package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.schemas.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka, Schema Registry and topic settings shared by the stage commands. Besides these, any other {@code
 * NEWSPIPE_KAFKA_<KEY>} variable passes through as the Kafka client setting {@code <key>} (e.g. {@code
 * NEWSPIPE_KAFKA_SECURITY_PROTOCOL=SASL_SSL}) and {@code NEWSPIPE_REGISTRY_<KEY>} as a registry client setting (e.g.
 * {@code NEWSPIPE_REGISTRY_BASIC_AUTH_USER_INFO}).
 */
public final class ConnectionOptions extends SettingGroup {

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.text("--bootstrap-servers",
            "NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092", "Kafka bootstrap servers").withLabel("HOST:PORT");
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.text("--schema-registry-url",
            "NEWSPIPE_SCHEMA_REGISTRY_URL", "http://localhost:8081", "Confluent-compatible Schema Registry URL")
            .withLabel("URL");
    public static final Setting<String> RAW_TOPIC = Setting.text("--raw-topic", "NEWSPIPE_TOPIC_RAW", Topics.RAW,
            "Raw articles topic");
    public static final Setting<String> ENRICHED_TOPIC = Setting.text("--enriched-topic", "NEWSPIPE_TOPIC_ENRICHED",
            Topics.ENRICHED, "Enriched articles topic");
    public static final Setting<String> DLQ_TOPIC = Setting.text("--dlq-topic", "NEWSPIPE_TOPIC_DLQ", Topics.DLQ,
            "Dead letter topic");
    public static final Setting<String> TAKEDOWN_TOPIC = Setting.text("--takedown-topic", "NEWSPIPE_TOPIC_TAKEDOWNS",
            Topics.TAKEDOWNS, "Takedowns topic: the audit record of every takedown, and the list of ids that ingest "
                    + "and replays never publish again");
    public static final Setting<Path> CLIENT_CONFIG = Setting.path("--client-config", "NEWSPIPE_CLIENT_CONFIG", null,
            "Properties file of extra Kafka and registry client settings (SASL, SSL, basic.auth.*), e.g. a "
                    + "Confluent client config").withLabel("FILE");

    /** Settings a command derives from its own options (e.g. enrich --threads); they win over the others. */
    final Map<String, Object> overrides = new HashMap<>();

    public ConnectionOptions() {
        super(List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, RAW_TOPIC, ENRICHED_TOPIC, DLQ_TOPIC, TAKEDOWN_TOPIC,
                CLIENT_CONFIG));
    }

    /**
     * Extra client settings: the file first, then NEWSPIPE_KAFKA_* / NEWSPIPE_REGISTRY_* variables, then the
     * command's {@link #overrides}.
     */
    Map<String, Object> extraClientConfig() {
        return extraClientConfig(System.getenv());
    }

    Map<String, Object> extraClientConfig(Map<String, String> env) {
        Map<String, Object> out = new HashMap<>();
        Path clientConfig = clientConfig();
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
            if (k.startsWith("NEWSPIPE_KAFKA_") && !k.equals(BOOTSTRAP_SERVERS.environmentVariable())) {
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
        return value(BOOTSTRAP_SERVERS);
    }

    public String schemaRegistryUrl() {
        return value(SCHEMA_REGISTRY_URL);
    }

    public String rawTopic() {
        return value(RAW_TOPIC);
    }

    public String enrichedTopic() {
        return value(ENRICHED_TOPIC);
    }

    public String dlqTopic() {
        return value(DLQ_TOPIC);
    }

    /** The takedowns topic; null when these options were not parsed from a command line (no takedown list). */
    public String takedownTopic() {
        return value(TAKEDOWN_TOPIC);
    }

    /** The client config file, or null. */
    public Path clientConfig() {
        return value(CLIENT_CONFIG);
    }

    /** Sets a client setting that wins over the file and the environment (see {@link #overrides}). */
    public void override(String key, Object value) {
        overrides.put(key, value);
    }

    /** Points these options at a running broker and registry (a local stack, a test's), with the given topics. */
    public void pointAt(String bootstrapServers, String schemaRegistryUrl, String raw, String enriched, String dlq) {
        set(BOOTSTRAP_SERVERS, bootstrapServers);
        set(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        set(RAW_TOPIC, raw);
        set(ENRICHED_TOPIC, enriched);
        set(DLQ_TOPIC, dlq);
    }

    /** A copy of these options (values, not the command's overrides) writing to {@code enrichedTopic} instead. */
    ConnectionOptions writingTo(String enrichedTopic) {
        ConnectionOptions copy = new ConnectionOptions();
        copyValuesTo(copy);
        copy.set(ENRICHED_TOPIC, enrichedTopic);
        return copy;
    }
}
