package io.newspipe.enrich.dedup;

import io.newspipe.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Flags exact and near duplicates across all partitions, scaling out with them. Each article's clean body is
 * sketched ({@link ArticleSketch}: the 64 smallest hashes of its word 3-shingles, and its numbers); the article
 * sends one probe for each of its (up to 8) smallest shingle hashes and one for its exact content hash, through the
 * repartition topic {@value #PROBES_TOPIC}, to the task that owns that bucket ({@link SketchBuckets}, store
 * {@value #BUCKET_STORE}). The owner answers with the earliest earlier article of the bucket that has the same
 * content hash, or whose estimated containment reaches the threshold with the same numbers. The verdicts come back
 * keyed by article id (repartition topic {@value #VERDICTS_TOPIC}, co-partitioned with {@code news.raw}) and meet
 * the article in {@value #PENDING_ARTICLES} / {@value #PENDING_VERDICTS} ({@link DedupJoin}); each carries the
 * article's probe count, and once that many are in, the article leaves with {@code duplicate_of} and
 * {@code cluster_id} set. "Earlier" means smaller (timestamp, id), so the outcome does not depend on which
 * instance or partition ran first, and a replay gives the same answer. Duplicates are flagged, never dropped.
 *
 * <p>The topics and stores are named {@code dedup-sketch-*}: the SimHash band detector before it used
 * {@code dedup-bands}, {@code dedup-band-store}, {@code dedup-verdicts} and {@code dedup-pending-*} with another
 * record format, which this one never reads.
 */
public final class DuplicateDetector {

    public static final String PROBES = "dedup-sketch-probe";
    public static final String PROBES_TOPIC = "dedup-sketch-probes";
    public static final String BUCKET_LOOKUP = "dedup-sketch-lookup";
    public static final String BUCKET_STORE = "dedup-sketch-buckets";
    public static final String VERDICTS_TOPIC = "dedup-sketch-verdicts";
    public static final String JOIN = "dedup-sketch-join";
    public static final String PENDING_ARTICLES = "dedup-sketch-pending-articles";
    public static final String PENDING_VERDICTS = "dedup-sketch-pending-verdicts";

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
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_ARTICLES),
                Serdes.String(), articleSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_VERDICTS),
                Serdes.String(), DedupCodec.PENDING));

        KStream<String, Input> verdicts = articles
                .flatMap((id, a) -> probes(a), Named.as(PROBES))
                .repartition(Repartitioned.with(Serdes.String(), DedupCodec.PROBE).withName(PROBES_TOPIC))
                .process(() -> new SketchBuckets(settings), Named.as(BUCKET_LOOKUP), BUCKET_STORE)
                .repartition(Repartitioned.with(Serdes.String(), DedupCodec.VERDICT).withName(VERDICTS_TOPIC))
                .mapValues(v -> (Input) new VerdictIn(v), Named.as("dedup-sketch-wrap-verdict"));
        return articles
                .mapValues(a -> (Input) new ArticleIn(a), Named.as("dedup-sketch-wrap-article"))
                .merge(verdicts, Named.as("dedup-sketch-merge"))
                .process(() -> new DedupJoin(onDuplicate), Named.as(JOIN), PENDING_ARTICLES, PENDING_VERDICTS);
    }

    /** One probe per sketch key of the article's clean body, then one for its content hash, keyed by bucket. */
    static List<KeyValue<String, Probe>> probes(EnrichedArticle a) {
        ArticleSketch sketch = ArticleSketch.of(a.getBody());
        long[] keys = sketch.keys();
        int count = keys.length + 1;
        long timestamp = timestampOf(a);
        List<KeyValue<String, Probe>> probes = new ArrayList<>(count);
        for (int i = 0; i < keys.length; i++) {
            probes.add(KeyValue.pair(SketchBuckets.sketchBucket(keys[i]),
                    new Probe(a.getId(), timestamp, a.getContentHash(), sketch, i, count)));
        }
        probes.add(KeyValue.pair(SketchBuckets.contentBucket(a.getContentHash()),
                new Probe(a.getId(), timestamp, a.getContentHash(), null, keys.length, count)));
        return probes;
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
