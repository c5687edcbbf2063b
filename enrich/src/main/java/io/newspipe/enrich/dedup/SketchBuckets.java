package io.newspipe.enrich.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Owns buckets: reads probes keyed by bucket (a sketch key {@code s:<hash>} or a content hash {@code h:<sha256>}),
 * answers each with the earliest earlier article of the bucket that matches it, keyed by the probing article's id,
 * then remembers the article in the bucket. Each bucket entry is its own record of the store
 * {@link DuplicateDetector#BUCKET_STORE}, keyed {@code <bucket>/<timestamp>/<article id>} with the timestamp as 16
 * sortable hex digits, so a probe reads its bucket with one prefix scan in (timestamp, id) order and writes only
 * its own entry (a bucket is never rewritten whole, which keeps the changelog small). Only entries earlier than the
 * probe are decoded. Entries older than the window (counted back from the probe's timestamp) are deleted as the
 * scan meets them, and a bucket keeps at most {@link DedupSettings#maxBucketSize()} entries, the newest.
 */
final class SketchBuckets implements Processor<String, Probe, String, Verdict> {

    private static final Serializer<String> KEYS = new StringSerializer();
    private static final HexFormat HEX = HexFormat.of();
    private static final int TIMESTAMP_DIGITS = 16;

    private final DedupSettings settings;
    private ProcessorContext<String, Verdict> context;
    private KeyValueStore<String, byte[]> buckets;

    SketchBuckets(DedupSettings settings) {
        this.settings = settings;
    }

    /** The bucket of one sketch key. */
    static String sketchBucket(long key) {
        return "s:" + HEX.toHexDigits(key);
    }

    /** The bucket of one content hash. */
    static String contentBucket(String contentHash) {
        return "h:" + contentHash;
    }

    /** The store key of an entry: sorts by bucket, then timestamp (sign flipped, so negative ones sort first). */
    static String entryKey(String bucket, long timestamp, String articleId) {
        return bucket + '/' + HEX.toHexDigits(timestamp ^ Long.MIN_VALUE) + '/' + articleId;
    }

    @Override
    public void init(ProcessorContext<String, Verdict> context) {
        this.context = context;
        this.buckets = context.getStateStore(DuplicateDetector.BUCKET_STORE);
    }

    @Override
    public void process(Record<String, Probe> record) {
        Probe probe = record.value();
        String prefix = record.key() + '/';
        String ownKey = entryKey(record.key(), probe.timestamp(), probe.articleId());
        long horizon = probe.timestamp() - settings.window().toMillis();
        List<String> stale = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        DedupCodec.Entry best = null;
        boolean present = false;
        try (KeyValueIterator<String, byte[]> bucket = buckets.prefixScan(prefix, KEYS)) {
            while (bucket.hasNext()) {
                KeyValue<String, byte[]> entry = bucket.next();
                long timestamp = HexFormat.fromHexDigitsToLong(entry.key, prefix.length(),
                        prefix.length() + TIMESTAMP_DIGITS) ^ Long.MIN_VALUE;
                String id = entry.key.substring(prefix.length() + TIMESTAMP_DIGITS + 1);
                if (timestamp < horizon) {
                    stale.add(entry.key); // out of the window: forget it
                    continue;
                }
                kept.add(entry.key);
                if (id.equals(probe.articleId())) {
                    present |= entry.key.equals(ownKey);
                    continue;
                }
                if (!DuplicateDetector.earlier(timestamp, id, probe.timestamp(), probe.articleId())
                        || best != null && !DuplicateDetector.earlier(timestamp, id, best.timestamp(),
                        best.articleId())) {
                    continue; // not earlier than the probe, or than the match found so far: no need to decode it
                }
                DedupCodec.Entry candidate = DedupCodec.ENTRY.deserializer().deserialize(null, entry.value);
                if (matches(candidate, probe)) {
                    best = candidate;
                }
            }
        }
        stale.forEach(buckets::delete);
        if (!present) {
            DedupCodec.Entry own = new DedupCodec.Entry(probe.articleId(), probe.timestamp(), probe.contentHash(),
                    best == null ? probe.articleId() : best.clusterId(), probe.sketch());
            buckets.put(ownKey, DedupCodec.ENTRY.serializer().serialize(null, own));
            kept.add(ownKey);
        }
        if (kept.size() > settings.maxBucketSize()) {
            Collections.sort(kept); // oldest first
            kept.subList(0, kept.size() - settings.maxBucketSize()).forEach(buckets::delete);
        }
        Verdict verdict = best == null ? Verdict.none(probe)
                : new Verdict(probe.articleId(), probe.index(), probe.count(), best.articleId(), best.clusterId(),
                        best.timestamp(), best.contentHash().equals(probe.contentHash()));
        context.forward(record.withKey(probe.articleId()).withValue(verdict));
    }

    /** The same content, or (in a sketch bucket) a near duplicate by containment and numbers; symmetric. */
    private boolean matches(DedupCodec.Entry entry, Probe probe) {
        if (entry.contentHash().equals(probe.contentHash())) {
            return true;
        }
        return probe.sketch() != null && entry.sketch() != null
                && probe.sketch().nearDuplicateOf(entry.sketch(), settings.minContainment());
    }
}
