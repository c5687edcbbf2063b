package io.newspipe.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * How an article is remembered in a bucket of the store {@link DuplicateDetector#BUCKET_STORE}, in bytes. The key
 * is the bucket ({@link ProbeBatch#bucket}), the timestamp (8 bytes, sign bit flipped, so keys sort by time, the
 * negative first) and the article id (UTF-8): one prefix scan reads a bucket in (timestamp, id) order, and a
 * timestamp or id is read from the key without decoding the value. The value (format {@link DedupCodec#VERSION})
 * holds the content hash, the cluster the article joined and its sketch; {@link #matches} compares a candidate
 * with the probing article reading the content hash in place and decoding the sketch only when the hashes differ,
 * and the cluster is decoded only for a match.
 */
final class BucketEntry {

    private BucketEntry() {
    }

    /** The store key of an article's entry in {@code bucket}. */
    static Bytes key(byte[] bucket, long timestamp, String articleId) {
        byte[] id = articleId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(bucket.length + Long.BYTES + id.length).put(bucket)
                .putLong(timestamp ^ Long.MIN_VALUE).put(id).array());
    }

    /** The timestamp in the key of an entry of a bucket whose prefix is {@code bucketLength} bytes long. */
    static long timestamp(byte[] key, int bucketLength) {
        return ByteBuffer.wrap(key, bucketLength, Long.BYTES).getLong() ^ Long.MIN_VALUE;
    }

    /** The article id in the key of an entry of a bucket whose prefix is {@code bucketLength} bytes long. */
    static String articleId(byte[] key, int bucketLength) {
        int start = bucketLength + Long.BYTES;
        return new String(key, start, key.length - start, StandardCharsets.UTF_8);
    }

    /** The value of an entry: content hash, cluster, sketch. */
    static byte[] value(String contentHash, String clusterId, ArticleSketch sketch) {
        DedupCodec.Out out = new DedupCodec.Out();
        out.writeByte(DedupCodec.VERSION);
        out.writeString(contentHash);
        out.writeString(clusterId);
        DedupCodec.writeSketch(out, sketch);
        return out.toByteArray();
    }

    /**
     * Whether the entry's article is a duplicate of the probing one: the same content hash ({@code contentHash},
     * UTF-8), or, both having sketch keys, a near duplicate by containment and numbers (symmetric). Returns null if
     * not, else the entry's cluster and whether the match is exact.
     */
    static Match matches(byte[] value, byte[] contentHash, ArticleSketch sketch, double minContainment) {
        ByteBuffer in = ByteBuffer.wrap(value);
        if (in.get() != DedupCodec.VERSION) {
            throw new IllegalStateException("unknown dedup bucket entry format " + value[0] + " (this detector "
                    + "reads format " + DedupCodec.VERSION + ")");
        }
        int hashLength = in.getInt();
        int hashStart = in.position();
        boolean exact = Arrays.equals(value, hashStart, hashStart + hashLength, contentHash, 0, contentHash.length);
        in.position(hashStart + hashLength);
        int clusterStart = in.position();
        in.position(clusterStart + Integer.BYTES + in.getInt(clusterStart));
        if (!exact) {
            ArticleSketch other = DedupCodec.readSketch(in);
            if (sketch.keyCount() == 0 || other.keyCount() == 0 || !sketch.nearDuplicateOf(other, minContainment)) {
                return null;
            }
        }
        in.position(clusterStart);
        return new Match(DedupCodec.readString(in), exact);
    }

    /** A matching entry's cluster, and whether it has the probing article's content hash. */
    record Match(String clusterId, boolean exact) {
    }
}
