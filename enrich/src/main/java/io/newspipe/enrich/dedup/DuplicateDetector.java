package io.newspipe.enrich.dedup;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.schemas.SimHashHex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Flags exact and near duplicates across all partitions, scaling out with them. Each article's 64-bit SimHash is
 * cut into four 16-bit bands; the article is sent (repartition topic {@value #BANDS_TOPIC}) to the owner of each
 * band value, which keeps the recent articles of that bucket in the state store {@value #BAND_STORE} and answers
 * with the earliest earlier article within the Hamming distance (or the same content hash). The four verdicts come
 * back keyed by article id (repartition topic {@value #VERDICTS_TOPIC}, co-partitioned with {@code news.raw}) and
 * meet the article in {@value #PENDING_ARTICLES} / {@value #PENDING_VERDICTS}; when all four are in, the article
 * leaves with {@code duplicate_of} and {@code cluster_id} set. "Earlier" means smaller (timestamp, id), so the
 * outcome does not depend on which instance or partition ran first, and a replay gives the same answer.
 * Duplicates are flagged, never dropped.
 */
public final class DuplicateDetector {

    public static final String PROBES = "dedup-probes";
    public static final String BANDS_TOPIC = "dedup-bands";
    public static final String BAND_LOOKUP = "dedup-band-lookup";
    public static final String BAND_STORE = "dedup-band-store";
    public static final String VERDICTS_TOPIC = "dedup-verdicts";
    public static final String JOIN = "dedup-join";
    public static final String PENDING_ARTICLES = "dedup-pending-articles";
    public static final String PENDING_VERDICTS = "dedup-pending-verdicts";

    private static final int ALL_BANDS = (1 << Bands.BANDS) - 1;

    private DuplicateDetector() {
    }

    /** What the join node consumes: either the article or one band's verdict on it. */
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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BAND_STORE),
                Serdes.String(), DedupCodec.BUCKET));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_ARTICLES),
                Serdes.String(), articleSerde));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_VERDICTS),
                Serdes.String(), DedupCodec.PENDING));

        KStream<String, Input> verdicts = articles
                .flatMap((id, a) -> {
                    List<KeyValue<String, Probe>> probes = new ArrayList<>(Bands.BANDS);
                    long ts = timestampOf(a);
                    long simHash = SimHashHex.parse(a.getSimhashHex());
                    for (int b = 0; b < Bands.BANDS; b++) {
                        probes.add(KeyValue.pair(Bands.key(simHash, b),
                                new Probe(a.getId(), simHash, a.getContentHash(), ts, b)));
                    }
                    return probes;
                }, Named.as(PROBES))
                .repartition(Repartitioned.with(Serdes.String(), DedupCodec.PROBE).withName(BANDS_TOPIC))
                .process(() -> new BandLookup(settings), Named.as(BAND_LOOKUP), BAND_STORE)
                .repartition(Repartitioned.with(Serdes.String(), DedupCodec.VERDICT).withName(VERDICTS_TOPIC))
                .mapValues(v -> (Input) new VerdictIn(v), Named.as("dedup-wrap-verdict"));
        return articles
                .mapValues(a -> (Input) new ArticleIn(a), Named.as("dedup-wrap-article"))
                .merge(verdicts, Named.as("dedup-merge"))
                .process(() -> new Join(onDuplicate), Named.as(JOIN), PENDING_ARTICLES, PENDING_VERDICTS);
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

    private static boolean earlier(long ts, String id, long otherTs, String otherId) {
        return ts < otherTs || ts == otherTs && id.compareTo(otherId) < 0;
    }

    /** Owns band buckets: answers each probe with the earliest earlier match, then remembers the article. */
    static final class BandLookup implements Processor<String, Probe, String, Verdict> {

        private final DedupSettings settings;
        private ProcessorContext<String, Verdict> context;
        private KeyValueStore<String, List<DedupCodec.Entry>> buckets;

        BandLookup(DedupSettings settings) {
            this.settings = settings;
        }

        @Override
        public void init(ProcessorContext<String, Verdict> context) {
            this.context = context;
            this.buckets = context.getStateStore(BAND_STORE);
        }

        @Override
        public void process(Record<String, Probe> record) {
            Probe p = record.value();
            List<DedupCodec.Entry> bucket = buckets.get(record.key());
            List<DedupCodec.Entry> kept = new ArrayList<>(bucket == null ? 1 : bucket.size() + 1);
            long horizon = p.timestamp() - settings.window().toMillis();
            DedupCodec.Entry best = null;
            boolean present = false;
            if (bucket != null) {
                for (DedupCodec.Entry e : bucket) {
                    if (e.timestamp() < horizon) {
                        continue; // out of the window: forget it
                    }
                    kept.add(e);
                    if (e.articleId().equals(p.articleId())) {
                        present = true;
                        continue;
                    }
                    boolean close = e.contentHash().equals(p.contentHash())
                            || Long.bitCount(e.simhash() ^ p.simhash()) <= settings.maxDistance();
                    if (close && earlier(e.timestamp(), e.articleId(), p.timestamp(), p.articleId())
                            && (best == null || earlier(e.timestamp(), e.articleId(), best.timestamp(),
                            best.articleId()))) {
                        best = e;
                    }
                }
            }
            if (!present) {
                kept.add(new DedupCodec.Entry(p.articleId(), p.simhash(), p.contentHash(), p.timestamp(),
                        best == null ? p.articleId() : best.clusterId()));
            }
            if (kept.size() > settings.maxBucketSize()) {
                kept.sort(Comparator.comparingLong(DedupCodec.Entry::timestamp).reversed());
                kept = new ArrayList<>(kept.subList(0, settings.maxBucketSize()));
            }
            buckets.put(record.key(), kept);
            Verdict v = best == null ? new Verdict(p.articleId(), p.band(), null, null, 0L, false)
                    : new Verdict(p.articleId(), p.band(), best.articleId(), best.clusterId(), best.timestamp(),
                            best.contentHash().equals(p.contentHash()));
            context.forward(record.withKey(p.articleId()).withValue(v));
        }
    }

    /** Holds each article until its four verdicts are in, then flags and releases it. */
    static final class Join implements Processor<String, Input, String, EnrichedArticle> {

        private final Consumer<String> onDuplicate;
        private ProcessorContext<String, EnrichedArticle> context;
        private KeyValueStore<String, EnrichedArticle> articles;
        private KeyValueStore<String, DedupCodec.Pending> verdicts;

        Join(Consumer<String> onDuplicate) {
            this.onDuplicate = onDuplicate;
        }

        @Override
        public void init(ProcessorContext<String, EnrichedArticle> context) {
            this.context = context;
            this.articles = context.getStateStore(PENDING_ARTICLES);
            this.verdicts = context.getStateStore(PENDING_VERDICTS);
        }

        @Override
        public void process(Record<String, Input> record) {
            String id = record.key();
            EnrichedArticle article;
            DedupCodec.Pending pending = verdicts.get(id);
            if (record.value() instanceof ArticleIn in) {
                article = in.article();
                if (pending == null || pending.bandsSeen() != ALL_BANDS) {
                    articles.put(id, article);
                    return;
                }
            } else {
                Verdict v = ((VerdictIn) record.value()).verdict();
                int seen = (pending == null ? 0 : pending.bandsSeen()) | 1 << v.band();
                Verdict best = pending == null ? null : pending.best();
                if (v.betterThan(best)) {
                    best = v;
                }
                pending = new DedupCodec.Pending(seen, best);
                article = articles.get(id);
                if (article == null || seen != ALL_BANDS) {
                    verdicts.put(id, pending);
                    return;
                }
            }
            articles.delete(id);
            verdicts.delete(id);
            Verdict best = pending.best();
            EnrichedArticle flagged = EnrichedArticle.newBuilder(article)
                    .setDuplicateOf(best == null ? null : best.matchId())
                    .setClusterId(best == null ? article.getId() : best.matchClusterId())
                    .build();
            if (best != null) {
                onDuplicate.accept(best.exact() ? "exact" : "near");
            }
            context.forward(record.withValue(flagged));
        }
    }
}
