package io.newspipe.enrich.dedup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Owns buckets: reads the probes of one article that this partition owns ({@link ProbeBatch}, one record), answers
 * them with one {@link Verdict} keyed by the article's id (the earliest earlier article that matches it in any of
 * those buckets), then remembers the article in each of them. Each bucket entry is its own record of the store
 * {@link DuplicateDetector#BUCKET_STORE} ({@link BucketEntry}: keyed by bucket, timestamp and id), so a probe reads
 * its bucket with one prefix scan in (timestamp, id) order and writes only its own entry (a bucket is never
 * rewritten whole, which keeps the changelog small). A candidate is compared only if it is earlier than the probing
 * article and than the best match so far, and once per article: a copy shares several buckets with its original.
 * Entries older than the window (counted back from the article's timestamp) are deleted as the scan meets them, and
 * a bucket keeps at most {@link DedupSettings#maxBucketSize()} entries, the newest.
 */
final class SketchBuckets implements Processor<String, ProbeBatch, String, Verdict> {

    private static final BytesSerializer PREFIXES = new BytesSerializer();

    private final DedupSettings settings;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<Bytes, byte[]> buckets;

    SketchBuckets(DedupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        this.buckets = context.getStateStore(DuplicateDetector.BUCKET_STORE);
    }

    /** The best match found so far among the batch's buckets. */
    private record Best(String articleId, long timestamp, BucketEntry.Match match) {
    }

    @Override
    public void process(Record<String, ProbeBatch> record) {
        ProbeBatch batch = record.value();
        byte[] contentHash = batch.contentHash().getBytes(StandardCharsets.UTF_8);
        long horizon = batch.timestamp() - settings.window().toMillis();
        Set<String> compared = new HashSet<>();
        List<List<Bytes>> keptByBucket = new ArrayList<>();
        List<Bytes> ownKeys = new ArrayList<>();
        Best best = null;
        for (int index = 0; index < batch.count(); index++) {
            if ((batch.probes() & 1 << index) == 0) {
                continue;
            }
            byte[] bucket = batch.bucket(index);
            Bytes ownKey = BucketEntry.key(bucket, batch.timestamp(), batch.articleId());
            List<Bytes> kept = new ArrayList<>();
            List<Bytes> stale = new ArrayList<>();
            boolean present = false;
            try (KeyValueIterator<Bytes, byte[]> entries = buckets.prefixScan(Bytes.wrap(bucket), PREFIXES)) {
                while (entries.hasNext()) {
                    KeyValue<Bytes, byte[]> entry = entries.next();
                    byte[] key = entry.key.get();
                    long timestamp = BucketEntry.timestamp(key, bucket.length);
                    if (timestamp < horizon) {
                        stale.add(entry.key); // out of the window: forget it
                        continue;
                    }
                    kept.add(entry.key);
                    if (entry.key.equals(ownKey)) {
                        present = true;
                        continue;
                    }
                    String id = BucketEntry.articleId(key, bucket.length);
                    if (id.equals(batch.articleId())
                            || !DuplicateDetector.earlier(timestamp, id, batch.timestamp(), batch.articleId())
                            || best != null && !DuplicateDetector.earlier(timestamp, id, best.timestamp(),
                            best.articleId())
                            || !compared.add(id)) {
                        continue; // itself, not earlier than the probe or the best so far, or compared already
                    }
                    BucketEntry.Match match = BucketEntry.matches(entry.value, contentHash, batch.sketch(),
                            settings.minContainment());
                    if (match != null) {
                        best = new Best(id, timestamp, match);
                    }
                }
            }
            stale.forEach(buckets::delete);
            if (!present) {
                ownKeys.add(ownKey);
                kept.add(ownKey);
            }
            keptByBucket.add(kept);
        }
        if (!ownKeys.isEmpty()) {
            byte[] own = BucketEntry.value(batch.contentHash(),
                    best == null ? batch.articleId() : best.match().clusterId(), batch.sketch());
            ownKeys.forEach(key -> buckets.put(key, own));
        }
        for (List<Bytes> kept : keptByBucket) {
            if (kept.size() > settings.maxBucketSize()) {
                kept.sort(null); // oldest first: the keys sort by timestamp within a bucket
                kept.subList(0, kept.size() - settings.maxBucketSize()).forEach(buckets::delete);
            }
        }
        Verdict verdict = best == null ? Verdict.none(batch)
                : new Verdict(batch.articleId(), batch.probes(), batch.count(), best.articleId(),
                        best.match().clusterId(), best.timestamp(), best.match().exact());
        context.forward(record.withKey(batch.articleId()).withValue(verdict));
    }
}
