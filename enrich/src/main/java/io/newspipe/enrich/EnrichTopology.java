package io.newspipe.enrich;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.dedup.DuplicateDetector;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich topology: reads {@code news.raw} as bytes (so that a record it cannot read is caught here, with its
 * bytes, rather than in the consumer), deserialises each value as a {@link RawArticle}, runs the {@link Enricher},
 * and writes {@link EnrichedArticle}s to {@code news.enriched} keyed by article id. A record that cannot be read or
 * enriched goes to {@code news.dlq} as a {@link DeadLetter} with stage, error, topic/partition/offset and the
 * original key and value bytes; the app goes on. Every node has an explicit name. What happens to one record is
 * the {@link EnrichProcessor}'s; this class only wires the nodes.
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
    public static final String ROUTED_SINK = "label-topics-sink";
    public static final String ROUTED_TOMBSTONE_SINK = "label-topics-tombstone-sink";

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

    private EnrichTopology() {
    }

    /** The topology with {@link TopologyOptions#defaults()}. */
    public static Topology build(Topics topics, ArticleEnricher enricher, TopologySerdes serdes) {
        return build(topics, enricher, serdes, TopologyOptions.defaults());
    }

    /** Builds the topology over {@code topics}, enriching with {@code enricher}. */
    public static Topology build(Topics topics, ArticleEnricher enricher, TopologySerdes serdes,
                                 TopologyOptions options) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Outcome> outcomes = builder
                .stream(topics.raw(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE))
                .process(() -> new EnrichProcessor(enricher, serdes.raw(), options.metrics(),
                                options.dedup().enabled(), options.maxOutputBytes(), options.window()),
                        Named.as(PROCESSOR));
        var branches = outcomes.split(Named.as(SPLIT))
                .branch((k, v) -> v instanceof Outcome.Enriched, Branched.as(ENRICHED_BRANCH))
                .branch((k, v) -> v instanceof Outcome.Removed, Branched.as(REMOVED_BRANCH))
                .defaultBranch(Branched.as(DEAD_BRANCH));
        // a takedown: the tombstone goes straight to the enriched topic, where it deletes the article's copies
        // (compaction, the sink's row, the files); it needs no enrichment and no duplicate check
        KStream<String, Outcome> removed = branches.get(SPLIT + REMOVED_BRANCH);
        removed.mapValues(v -> (EnrichedArticle) null, Named.as("to-tombstone"))
                .to(topics.enriched(), Produced.with(Serdes.String(), serdes.enriched()).withName(TOMBSTONE_SINK));
        if (topics.routePrefix() != null && !enricher.labels().isEmpty()) {
            // and its per-label copies: which labels the article had is not kept, so every label topic gets the
            // tombstone (on a topic where the article never was, it deletes nothing)
            List<String> labels = List.copyOf(enricher.labels());
            removed.flatMap((id, v) -> labels.stream().map(l -> KeyValue.pair(id, new RoutedArticle(l, null)))
                            .toList(), Named.as("to-label-tombstones"))
                    .to((id, routed, ctx) -> topics.routePrefix() + routed.label(),
                            Produced.with(Serdes.String(), RoutedArticle.serde(serdes.enriched()))
                                    .withName(ROUTED_TOMBSTONE_SINK));
        }
        KStream<String, EnrichedArticle> enriched = branches.get(SPLIT + ENRICHED_BRANCH)
                .mapValues(v -> ((Outcome.Enriched) v).article(), Named.as("unwrap-enriched"));
        if (options.dedup().enabled()) {
            enriched = DuplicateDetector.attach(builder, enriched, serdes.enriched(), options.dedup(),
                    options.metrics()::recordDuplicate);
        }
        enriched = enriched.processValues(() -> new WriteTimeStamper<>(a -> a.getEnrichedAt().toEpochMilli()),
                Named.as("stamp-enriched-at"));
        enriched.to(topics.enriched(), Produced.with(Serdes.String(), serdes.enriched()).withName(ENRICHED_SINK));
        if (topics.routePrefix() != null) {
            // one copy per label, to <prefix><label>: consumers that want one subject read only that topic
            enriched.flatMap((id, a) -> a.getTopics().stream()
                            .map(t -> KeyValue.pair(id, new RoutedArticle(t.getLabel(), a))).toList(),
                            Named.as("route-by-label"))
                    .to((id, routed, ctx) -> topics.routePrefix() + routed.label(),
                            Produced.with(Serdes.String(), RoutedArticle.serde(serdes.enriched()))
                                    .withName(ROUTED_SINK));
        }
        branches.get(SPLIT + DEAD_BRANCH)
                .map((k, v) -> KeyValue.pair(((Outcome.Dead) v).key(), ((Outcome.Dead) v).letter()),
                        Named.as("unwrap-dead-letter"))
                .processValues(() -> new WriteTimeStamper<>(l -> l.getFailedAt().toEpochMilli()),
                        Named.as("stamp-failed-at"))
                .to(topics.dlq(), Produced.with(Serdes.ByteArray(), serdes.deadLetters()).withName(DLQ_SINK));
        return builder.build();
    }
}
