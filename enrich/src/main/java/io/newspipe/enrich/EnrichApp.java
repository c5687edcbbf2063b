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
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.CloseOptions;
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
    private final EnrichSettings settings;
    private final java.util.List<String> labels;
    private final Topology topology;
    private final KafkaStreamsMetrics streamsMetrics;

    public EnrichApp(EnrichSettings settings, Enricher enricher) {
        this(settings, enricher, EnrichMetrics.noop());
    }

    public EnrichApp(EnrichSettings settings, Enricher enricher, EnrichMetrics metrics) {
        this.settings = settings;
        this.labels = enricher.labels();
        Map<String, Object> serdeConfig = new HashMap<>(settings.extraConfig());
        serdeConfig.put("schema.registry.url", settings.schemaRegistryUrl());
        AvroDeserializer<RawArticle> raw = new AvroDeserializer<>(RawArticle.class);
        raw.configure(serdeConfig, false);
        this.topology = EnrichTopology.build(settings.topics(), enricher, new TopologySerdes(raw,
                        AvroSerde.specific(EnrichedArticle.class).configured(serdeConfig, false),
                        AvroSerde.specific(DeadLetter.class).configured(serdeConfig, false)),
                new TopologyOptions(dedup(settings), metrics, maxOutputBytes(settings), settings.window()));
        this.streams = new KafkaStreams(topology, streamsConfig(settings));
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("enrich stopped by an error it cannot recover from: {} — fix the cause (topic missing, "
                    + "access denied, broker unreachable) and start it again", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    static final int DEFAULT_MAX_REQUEST_SIZE = 16 * 1024 * 1024;

    /** What one enriched record may weigh: the producer's max.request.size less room for headers and framing. */
    static long maxOutputBytes(EnrichSettings s) {
        Object configured = s.extraConfig().get(StreamsConfig.producerPrefix("max.request.size"));
        if (configured == null) {
            configured = s.extraConfig().get("max.request.size");
        }
        long max = configured == null ? DEFAULT_MAX_REQUEST_SIZE : Long.parseLong(configured.toString().trim());
        return Math.max(1024, max - 1024);
    }

    static Properties streamsConfig(EnrichSettings s) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, s.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, s.processingGuarantee());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, s.commitIntervalMs());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // The dedup join takes the article and its verdicts in either order, so a task never needs to wait for
        // all of its inputs to line up by time; waiting was seen to stall a task after an unclean restart.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        p.put(StreamsConfig.STATE_DIR_CONFIG, s.stateDir().toString());
        // Internal topics (repartition, changelogs) take the broker's default.replication.factor and
        // min.insync.replicas: one replica on a single broker, three needing two in sync on a production cluster.
        // Exactly-once makes the producer idempotent with acks=all, so a committed write survives one broker.
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        p.put(DeadLetterProductionHandler.DLQ_TOPIC_CONFIG, s.topics().dlq());
        p.put("schema.registry.url", s.schemaRegistryUrl());
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        p.put(StreamsConfig.producerPrefix("linger.ms"), 20);
        p.put(StreamsConfig.producerPrefix("max.request.size"), DEFAULT_MAX_REQUEST_SIZE);
        p.putAll(s.extraConfig()); // registry settings too: the production handler serialises dead letters
        return p;
    }

    public Topology topology() {
        return topology;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Ready means processing: RUNNING, or REBALANCING between two runs of it. */
    public boolean isReady() {
        KafkaStreams.State st = streams.state();
        return st == KafkaStreams.State.RUNNING || st == KafkaStreams.State.REBALANCING;
    }

    public EnrichApp start() {
        if (settings.topics().routePrefix() != null) {
            createLabelTopics();
        }
        LOG.info("enrich starting: {}", topology.describe());
        streams.start();
        return this;
    }

    /**
     * The duplicate detector's settings with the partition count of the raw topic: the detector sends an article's
     * probes to the partitions that own their buckets, so it needs the count of its probes topic (that of the raw
     * topic) before the topology is built.
     */
    private static io.newspipe.enrich.dedup.DedupSettings dedup(EnrichSettings settings) {
        return settings.dedup().enabled() ? settings.dedup().withPartitions(rawPartitions(settings))
                : settings.dedup();
    }

    /** How many partitions the raw topic has, read from the broker. */
    private static int rawPartitions(EnrichSettings settings) {
        Map<String, Object> admin = io.newspipe.schemas.registry.RegistryConfig.kafkaClientConfig(
                settings.bootstrapServers(), settings.extraConfig());
        try (org.apache.kafka.clients.admin.Admin a = org.apache.kafka.clients.admin.Admin.create(admin)) {
            return a.describeTopics(java.util.List.of(settings.topics().raw())).allTopicNames().get()
                    .get(settings.topics().raw()).partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot read topic " + settings.topics().raw() + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Per-label topics are created here (like the raw topic's partition count) since their names come from data. */
    private void createLabelTopics() {
        int partitions = rawPartitions(settings);
        Map<String, Object> admin = io.newspipe.schemas.registry.RegistryConfig.kafkaClientConfig(
                settings.bootstrapServers(), settings.extraConfig());
        try (org.apache.kafka.clients.admin.Admin a = org.apache.kafka.clients.admin.Admin.create(admin)) {
            java.util.List<org.apache.kafka.clients.admin.NewTopic> wanted = new java.util.ArrayList<>();
            for (String label : labels) {
                wanted.add(new org.apache.kafka.clients.admin.NewTopic(settings.topics().routePrefix() + label,
                        java.util.Optional.of(partitions), java.util.Optional.empty()));
            }
            for (var f : a.createTopics(wanted).values().values()) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                        throw new IllegalStateException("cannot create the per-label topics under "
                                + settings.topics().routePrefix() + ": " + e.getCause().getMessage()
                                + " — create them yourself or grant CREATE on them", e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the app and leaves the consumer group: without leaving, a restarted instance (no static membership
     * here) waits for the old member's session to expire, 45 s with no progress, before it gets its tasks back.
     */
    @Override
    public void close() {
        streamsMetrics.close();
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
