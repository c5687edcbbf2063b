package io.newspipe.enrich.dedup;

import io.newspipe.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

/**
 * Flags exact and near duplicates across all partitions, scaling out with them. Each article's clean body is
 * sketched ({@link ArticleSketch}: the 64 smallest hashes of its word 3-shingles, and its numbers); the article
 * probes the bucket of each of its (up to 8) smallest shingle hashes, or of its exact content hash when it has none
 * (an exact copy has the same sketch, so its sketch keys find it). Its probes are grouped by the partition of the
 * repartition topic {@value #PROBES_TOPIC} that owns their buckets, and each group goes there as one record
 * ({@link ProbeBatch}); the owner ({@link SketchBuckets}, store {@value #BUCKET_STORE}) answers with one verdict:
 * the earliest earlier article in those buckets that has the same content hash, or whose estimated containment
 * reaches the threshold with the same numbers. The verdicts come back keyed by article id (repartition topic
 * {@value #VERDICTS_TOPIC}, co-partitioned with {@code news.raw}) and meet the article in {@value #PENDING_ARTICLES}
 * / {@value #PENDING_VERDICTS} ({@link DedupJoin}); each names the probes it covers and how many the article sent,
 * and once all are covered, the article leaves with {@code duplicate_of} and {@code cluster_id} set. With one
 * partition that is two records through exactly-once repartition topics per article; with more, one probe record
 * and one verdict per partition the article's buckets fall in. "Earlier" means smaller (timestamp, id), so the
 * outcome does not depend on which instance or partition ran first, and a replay gives the same answer. Duplicates
 * are flagged, never dropped.
 *
 * <p>The topics and stores are named {@code dedup-v3-*} after their record format ({@link DedupCodec#VERSION}):
 * the detector before it sent one record per probe through {@code dedup-sketch-*}, and the SimHash band detector
 * before that used {@code dedup-bands}, {@code dedup-band-store}, {@code dedup-verdicts} and {@code dedup-pending-*};
 * this one reads none of them.
 */
public final class DuplicateDetector {

    public static final String PROBES = "dedup-v3-probe";
    public static final String PROBES_TOPIC = "dedup-v3-probes";
    public static final String BUCKET_LOOKUP = "dedup-v3-lookup";
    public static final String BUCKET_STORE = "dedup-v3-buckets";
    public static final String VERDICTS_TOPIC = "dedup-v3-verdicts";
    public static final String JOIN = "dedup-v3-join";
    public static final String PENDING_ARTICLES = "dedup-v3-pending-articles";
    public static final String PENDING_VERDICTS = "dedup-v3-pending-verdicts";

    private DuplicateDetector() {
    }

    /** What the join node consumes: either the article or one probe's verdict on it. */
    sealed interface Input permits ArticleIn, VerdictIn {
    }

    record ArticleIn(EnrichedArticle article) implements Input {
    }

    record VerdictIn(Verdict verdict) implements Input {
    }

    /**
     * Adds duplicate detection to {@code articles} (keyed by article id, on the partition of that id) and returns
     * the flagged stream. {@code onDuplicate} is told "exact" or "near" for each duplicate (metrics).
     */
    public static KStream<String, EnrichedArticle> attach(StreamsBuilder builder,
                                                          KStream<String, EnrichedArticle> articles,
                                                          Serde<EnrichedArticle> articleSerde,
                                                          DedupSettings settings, Consumer<String> onDuplicate) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUCKET_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_ARTICLES),
                Serdes.String(), articleSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_VERDICTS),
                Serdes.String(), DedupCodec.PENDING));

        KStream<String, Input> verdicts = articles
                .flatMap((id, a) -> probes(a, settings.partitions()), Named.as(PROBES))
                .repartition(Repartitioned.with(Serdes.String(), DedupCodec.PROBES).withName(PROBES_TOPIC)
                        .withNumberOfPartitions(settings.partitions())
                        .withStreamPartitioner(new OwnerPartitioner(settings.partitions())))
                .process(() -> new SketchBuckets(settings), Named.as(BUCKET_LOOKUP), BUCKET_STORE)
                .repartition(Repartitioned.with(Serdes.String(), DedupCodec.VERDICT).withName(VERDICTS_TOPIC))
                .mapValues(v -> (Input) new VerdictIn(v), Named.as("dedup-v3-wrap-verdict"));
        return articles
                .mapValues(a -> (Input) new ArticleIn(a), Named.as("dedup-v3-wrap-article"))
                .merge(verdicts, Named.as("dedup-v3-merge"))
                .process(() -> new DedupJoin(onDuplicate), Named.as(JOIN), PENDING_ARTICLES, PENDING_VERDICTS);
    }

    /**
     * The article's probes, one record per partition (of {@code partitions}) that owns some of their buckets, keyed
     * by article id: one per sketch key, or one for the content hash of a text without sketch keys.
     */
    static List<KeyValue<String, ProbeBatch>> probes(EnrichedArticle a, int partitions) {
        ArticleSketch sketch = ArticleSketch.of(a.getBody());
        int count = ProbeBatch.probeCount(sketch);
        int[] probesByPartition = new int[partitions];
        for (int i = 0; i < count; i++) {
            probesByPartition[ProbeBatch.partitionOf(ProbeBatch.bucket(sketch, a.getContentHash(), i), partitions)]
                    |= 1 << i;
        }
        long timestamp = timestampOf(a);
        List<KeyValue<String, ProbeBatch>> batches = new ArrayList<>(Math.min(count, partitions));
        for (int partition = 0; partition < partitions; partition++) {
            if (probesByPartition[partition] != 0) {
                batches.add(KeyValue.pair(a.getId(), new ProbeBatch(a.getId(), timestamp, a.getContentHash(), sketch,
                        count, probesByPartition[partition], partition)));
            }
        }
        return batches;
    }

    /**
     * Sends each {@link ProbeBatch} to the partition that owns its buckets, which {@link #probes} chose for a topic
     * of {@code partitions} partitions; fails if the topic has another count, as the buckets would then be owned
     * by other partitions than the ones that hold them.
     */
    record OwnerPartitioner(int partitions) implements StreamPartitioner<String, ProbeBatch> {

        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, ProbeBatch batch, int topicPartitions) {
            if (topicPartitions != partitions) {
                throw new IllegalStateException(topic + " has " + topicPartitions + " partitions, but the duplicate "
                        + "detector was built for " + partitions + " (those of the raw topic when it started): "
                        + "restart enrich so it reads the count again");
            }
            return Optional.of(Set.of(batch.partition()));
        }
    }

    /** Publication time when known, else ingest time: the order that decides which copy is canonical. */
    static long timestampOf(EnrichedArticle a) {
        if (a.getPublishedAt() != null) {
            return a.getPublishedAt().toEpochMilli();
        }
        if (a.getIngestedAt() != null) {
            return a.getIngestedAt().toEpochMilli();
        }
        return 0L;
    }

    /** Whether (timestamp, id) comes before (otherTimestamp, otherId): earlier is canonical. */
    static boolean earlier(long timestamp, String id, long otherTimestamp, String otherId) {
        return timestamp < otherTimestamp || timestamp == otherTimestamp && id.compareTo(otherId) < 0;
    }
}
