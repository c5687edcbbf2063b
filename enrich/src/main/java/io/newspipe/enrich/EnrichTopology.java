package io.newspipe.enrich;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.dedup.DedupSettings;
import io.newspipe.enrich.dedup.DuplicateDetector;
import io.newspipe.schemas.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich topology: reads {@code news.raw} as bytes (so that a record it cannot read is caught here, with its
 * bytes, rather than in the consumer), deserialises each value as a {@link RawArticle}, runs the {@link Enricher},
 * and writes {@link EnrichedArticle}s to {@code news.enriched} keyed by article id. A record that cannot be read or
 * enriched goes to {@code news.dlq} as a {@link DeadLetter} with stage, error, topic/partition/offset and the
 * original key and value bytes; the app goes on. Every node has an explicit name.
 */
public final class EnrichTopology {

    public static final String SOURCE = "raw-source";
    public static final String PROCESSOR = "enrich-processor";
    public static final String SPLIT = "route-";
    public static final String ENRICHED_BRANCH = "enriched";
    public static final String DEAD_BRANCH = "dead-letter";
    public static final String REMOVED_BRANCH = "removed";
    public static final String TOMBSTONE_SINK = "enriched-tombstone-sink";
    public static final String ENRICHED_SINK = "enriched-sink";
    public static final String DLQ_SINK = "dead-letter-sink";

    private static final Logger LOG = LoggerFactory.getLogger(EnrichTopology.class);

    public static final String ROUTED_SINK = "label-topics-sink";

    /**
     * The topic names the topology reads and writes; {@code routePrefix} (e.g. {@code news.topic.}) turns on
     * per-label routing, null leaves it off.
     */
    public record Topics(String raw, String enriched, String dlq, String routePrefix) {

        public Topics(String raw, String enriched, String dlq) {
            this(raw, enriched, dlq, null);
        }
    }

    /**
     * A time window [from, to) on record timestamps; records outside it are skipped (replays of a window), and so
     * are the articles whose ids were taken down ({@code takenDown}), which a replay must not bring back.
     */
    public record Window(java.time.Instant from, java.time.Instant to, java.util.Set<String> takenDown) {

        public Window {
            takenDown = java.util.Set.copyOf(takenDown);
        }

        public Window(java.time.Instant from, java.time.Instant to) {
            this(from, to, java.util.Set.of());
        }

        boolean contains(long timestamp) {
            return timestamp >= from.toEpochMilli() && timestamp < to.toEpochMilli();
        }
    }

    /** An article on its way to one label's topic. */
    record Routed(String label, EnrichedArticle article) {

        static Serde<Routed> serde(Serde<EnrichedArticle> articles) {
            return Serdes.serdeFrom((topic, r) -> r == null ? null : articles.serializer().serialize(topic,
                    r.article()), (topic, bytes) -> {
                        throw new UnsupportedOperationException("routed records are only written");
                    });
        }
    }

    /** Either an enriched article or a dead letter; what the processor hands to the router. */
    sealed interface Outcome permits Enriched, Dead, Removed {
    }

    record Enriched(EnrichedArticle article) implements Outcome {
    }

    record Dead(byte[] key, DeadLetter letter) implements Outcome {
    }

    /** A tombstone on the raw topic: the article was taken down, and its enriched copies must go too. */
    record Removed(String id) implements Outcome {
    }

    private EnrichTopology() {
    }

    /**
     * Builds the topology. The serdes are passed in so that tests can hand it {@code mock://} ones; {@code
     * rawDeserializer} must be configured for values.
     */
    public static Topology build(Topics topics, ArticleEnricher enricher, Deserializer<RawArticle> rawDeserializer,
                                 Serde<EnrichedArticle> enrichedSerde, Serde<DeadLetter> deadLetterSerde) {
        return build(topics, enricher, rawDeserializer, enrichedSerde, deadLetterSerde, DedupSettings.DEFAULTS,
                EnrichMetrics.noop());
    }

    /** As below, with no output size limit. */
    public static Topology build(Topics topics, ArticleEnricher enricher, Deserializer<RawArticle> rawDeserializer,
                                 Serde<EnrichedArticle> enrichedSerde, Serde<DeadLetter> deadLetterSerde,
                                 DedupSettings dedup, EnrichMetrics metrics) {
        return build(topics, enricher, rawDeserializer, enrichedSerde, deadLetterSerde, dedup, metrics,
                Long.MAX_VALUE, null);
    }

    /**
     * As {@link #build(Topics, ArticleEnricher, Deserializer, Serde, Serde)}, with the given duplicate detection (see
     * {@link DuplicateDetector}) and meters.
     */
    public static Topology build(Topics topics, ArticleEnricher enricher, Deserializer<RawArticle> rawDeserializer,
                                 Serde<EnrichedArticle> enrichedSerde, Serde<DeadLetter> deadLetterSerde,
                                 DedupSettings dedup, EnrichMetrics metrics, long maxOutputBytes,
                                 Window window) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Outcome> outcomes = builder
                .stream(topics.raw(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new EnrichProcessor(enricher, rawDeserializer, metrics, dedup.enabled(), maxOutputBytes,
                        window),
                        Named.as(PROCESSOR));
        var branches = outcomes.split(Named.as(SPLIT))
                .branch((k, v) -> v instanceof Enriched, Branched.as(ENRICHED_BRANCH))
                .branch((k, v) -> v instanceof Removed, Branched.as(REMOVED_BRANCH))
                .defaultBranch(Branched.as(DEAD_BRANCH));
        // a takedown: the tombstone goes straight to the enriched topic, where it deletes the article's copies
        // (compaction, the sink's row, the files); it needs no enrichment and no duplicate check
        branches.get(SPLIT + REMOVED_BRANCH)
                .mapValues(v -> (EnrichedArticle) null, Named.as("to-tombstone"))
                .to(topics.enriched(), Produced.with(Serdes.String(), enrichedSerde).withName(TOMBSTONE_SINK));
        KStream<String, EnrichedArticle> enriched = branches.get(SPLIT + ENRICHED_BRANCH)
                .mapValues(v -> ((Enriched) v).article(), Named.as("unwrap-enriched"));
        if (dedup.enabled()) {
            enriched = DuplicateDetector.attach(builder, enriched, enrichedSerde, dedup, metrics::recordDuplicate);
        }
        enriched = enriched.processValues(() -> new WriteTime<>(a -> a.getEnrichedAt().toEpochMilli()),
                Named.as("stamp-enriched-at"));
        enriched.to(topics.enriched(), Produced.with(Serdes.String(), enrichedSerde).withName(ENRICHED_SINK));
        if (topics.routePrefix() != null) {
            // one copy per label, to <prefix><label>: consumers that want one subject read only that topic
            enriched.flatMap((id, a) -> a.getTopics().stream()
                            .map(t -> KeyValue.pair(id, new Routed(t.getLabel(), a))).toList(),
                            Named.as("route-by-label"))
                    .to((id, routed, ctx) -> topics.routePrefix() + routed.label(),
                            Produced.with(Serdes.String(), Routed.serde(enrichedSerde)).withName(ROUTED_SINK));
        }
        branches.get(SPLIT + DEAD_BRANCH)
                .map((k, v) -> KeyValue.pair(((Dead) v).key(), ((Dead) v).letter()), Named.as("unwrap-dead-letter"))
                .processValues(() -> new WriteTime<>(l -> l.getFailedAt().toEpochMilli()), Named.as("stamp-failed-at"))
                .to(topics.dlq(), Produced.with(Serdes.ByteArray(), deadLetterSerde).withName(DLQ_SINK));
        return builder.build();
    }

    /**
     * Gives each output record the time it was written ({@code enriched_at}, {@code failed_at}) as its timestamp,
     * where it would otherwise inherit the raw record's (the publication time). Time retention on the enriched and
     * dead letter topics then counts from when a record was written: an archive replayed with 2019 publication
     * times is not deleted by the next retention check, minutes after it was enriched.
     */
    static final class WriteTime<K, V> implements FixedKeyProcessor<K, V, V> {

        private final ToLongFunction<V> time;
        private FixedKeyProcessorContext<K, V> context;

        WriteTime(ToLongFunction<V> time) {
            this.time = time;
        }

        @Override
        public void init(FixedKeyProcessorContext<K, V> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<K, V> record) {
            context.forward(record.withTimestamp(time.applyAsLong(record.value())));
        }
    }

    /** An upper estimate of the serialised size: UTF-8 bytes of every text, plus a little per field. */
    static long estimatedSize(EnrichedArticle a) {
        long n = 512 + utf8(a.getBody()) + utf8(a.getTitle()) + utf8(a.getUrl()) + utf8(a.getSource());
        for (var r : a.getRemoved()) {
            n += 16 + utf8(r.getText()) + utf8(r.getRule()) + utf8(r.getKind());
        }
        for (String h : a.getRelatedHeadlines()) {
            n += 8 + utf8(h);
        }
        for (var t : a.getTopics()) {
            n += 32 + t.getEvidence().stream().mapToLong(e -> 4 + utf8(e)).sum();
        }
        if (a.getCredits() != null) {
            n += 64 + a.getCredits().getLines().stream().mapToLong(l -> 4 + utf8(l)).sum();
        }
        if (a.getSyndication() != null) {
            n += 64 + utf8(a.getSyndication().getText());
        }
        if (a.getDateline() != null) {
            n += 32 + utf8(a.getDateline().getText());
        }
        return n;
    }

    private static long utf8(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** Deserialises and enriches; never throws for a bad record (it becomes a dead letter instead). */
    static final class EnrichProcessor implements Processor<byte[], byte[], String, Outcome> {

        private final ArticleEnricher enricher;
        private final Deserializer<RawArticle> deserializer;
        private final EnrichMetrics metrics;
        private final boolean requireIdKeys;
        private final long maxOutputBytes;
        private final Window window;
        private ProcessorContext<String, Outcome> context;

        EnrichProcessor(ArticleEnricher enricher, Deserializer<RawArticle> deserializer, EnrichMetrics metrics,
                        boolean requireIdKeys, long maxOutputBytes, Window window) {
            this.window = window;
            this.enricher = enricher;
            this.deserializer = deserializer;
            this.metrics = metrics;
            this.requireIdKeys = requireIdKeys;
            this.maxOutputBytes = maxOutputBytes;
        }

        @Override
        public void init(ProcessorContext<String, Outcome> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            if (window != null && !window.contains(record.timestamp())) {
                return; // a replay of a window: not this record
            }
            metrics.recordIn();
            String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
            if (record.value() == null) {
                if (record.key() == null) {
                    dead(record, "deserialization", new IllegalArgumentException("null value (tombstone) without "
                            + "a key on the raw topic: it names no article to take down"));
                    return;
                }
                String id = new String(record.key(), StandardCharsets.UTF_8);
                LOG.info("tombstone for article {} on the raw topic: removing it from the enriched topic", id);
                context.forward(new Record<>(id, new Removed(id), record.timestamp()));
                return;
            }
            RawArticle raw;
            try {
                raw = deserializer.deserialize(topic, record.value());
            } catch (RuntimeException e) {
                dead(record, "deserialization", e);
                return;
            }
            if (window != null && window.takenDown().contains(raw.getId())) {
                LOG.info("article {} was taken down: not enriched again", raw.getId());
                return;
            }
            if (requireIdKeys && (record.key() == null
                    || !raw.getId().equals(new String(record.key(), StandardCharsets.UTF_8)))) {
                // duplicate detection meets each article with its verdicts on the partition of its id
                dead(record, "key-mismatch", new IllegalArgumentException("news.raw records must be keyed by "
                        + "their article id (key was " + (record.key() == null ? "null" : "\""
                        + new String(record.key(), StandardCharsets.UTF_8) + "\"") + ", id is " + raw.getId()
                        + "): publish with newspipe ingest, or key by RawArticle.id"));
                return;
            }
            EnrichedArticle enriched;
            long t0 = System.nanoTime();
            try {
                enriched = enricher.enrich(raw);
            } catch (RuntimeException e) {
                dead(record, "processing", e);
                return;
            }
            long size = estimatedSize(enriched);
            if (size > maxOutputBytes) {
                // caught here, not in the producer: under exactly-once a record the broker refuses would abort
                // the transaction and stop the app instead of letting it go on
                dead(record, "oversize-output", new IllegalArgumentException("the enriched article is about "
                        + size + " bytes, over the " + maxOutputBytes + " bytes the producer may send "
                        + "(max.request.size); raise it, or lower ingest.max.article.bytes"));
                return;
            }
            metrics.recordEnriched(enriched, System.nanoTime() - t0);
            context.forward(new Record<>(enriched.getId(), new Enriched(enriched), record.timestamp()));
        }

        private void dead(Record<byte[], byte[]> record, String reason, RuntimeException e) {
            metrics.recordDeadLetter(reason);
            var md = context.recordMetadata();
            String topic = md.map(RecordMetadata::topic).orElse(null);
            int partition = md.map(RecordMetadata::partition).orElse(-1);
            long offset = md.map(RecordMetadata::offset).orElse(-1L);
            LOG.warn("dead letter ({}) for {}-{}@{} key={}: {}", reason, topic, partition, offset,
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), e.toString());
            DeadLetter letter = DeadLetters.fromRecord("enrich", reason, e, topic, partition, offset, record.key(),
                    record.value(), Map.of("application.id", context.applicationId(),
                            "task.id", context.taskId().toString()));
            context.forward(new Record<>(null, new Dead(record.key(), letter), record.timestamp()));
        }
    }
}
