package io.newspipe.enrich;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link EnrichTopology} as a Kafka Streams application: {@code exactly_once_v2} by default, every
 * internal resource explicitly named. Reads {@code news.raw}, writes {@code news.enriched} and {@code news.dlq}.
 */
public final class EnrichApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichApp.class);

    private final KafkaStreams streams;
    private final Topology topology;

    public EnrichApp(EnrichSettings settings, Enricher enricher) {
        Map<String, Object> serdeConfig = new HashMap<>(settings.extraConfig());
        serdeConfig.put("schema.registry.url", settings.schemaRegistryUrl());
        AvroDeserializer<RawArticle> raw = new AvroDeserializer<>(RawArticle.class);
        raw.configure(serdeConfig, false);
        this.topology = EnrichTopology.build(settings.topics(), enricher, raw,
                AvroSerde.specific(EnrichedArticle.class).configured(serdeConfig, false),
                AvroSerde.specific(DeadLetter.class).configured(serdeConfig, false));
        this.streams = new KafkaStreams(topology, streamsConfig(settings));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("enrich stopped by an error it cannot recover from: {} — fix the cause (topic missing, "
                    + "access denied, broker unreachable) and start it again", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    static Properties streamsConfig(EnrichSettings s) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, s.processingGuarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.commitIntervalMs());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toString());
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        p.put(StreamsConfig.producerPrefix("linger.ms"), 20);
        p.put(StreamsConfig.producerPrefix("max.request.size"), 16 * 1024 * 1024);
        s.extraConfig().forEach((k, v) -> {
            if (!k.startsWith("schema.registry.") && !k.startsWith("basic.auth.")) {
                p.put(k, v);
            }
        });
        return p;
    }

    public Topology topology() {
        return topology;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public EnrichApp start() {
        LOG.info("enrich starting: {}", topology.describe());
        streams.start();
        return this;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
