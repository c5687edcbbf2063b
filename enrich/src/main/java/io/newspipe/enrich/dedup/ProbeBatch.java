package io.newspipe.enrich.dedup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The probes of one article that one partition owns, sent to that partition as one record. An article probes the
 * bucket of each of its (up to {@value ArticleSketch#KEYS}) sketch keys; an article without any (a text of no
 * words) probes the bucket of its exact content hash instead, as its one probe. Probe {@code i} is sketch key
 * {@code i}, so the record carries the sketch once and a bit per probe it holds ({@code probes}); the owner answers
 * with one {@link Verdict} covering the same bits. An exact copy has the same sketch, so it shares all sketch keys
 * with its original and is found there: a content-hash probe besides them would find nothing they do not.
 *
 * @param articleId   the article
 * @param timestamp   its publication time when known (else ingest time): earlier articles are canonical
 * @param contentHash its exact content hash (hex)
 * @param sketch      its sketch (without keys for a text of no words)
 * @param count       how many probes the article sent in all: the join waits until verdicts cover them all
 * @param probes      a bit for each probe index this record holds
 * @param partition   the partition that owns those probes' buckets
 */
record ProbeBatch(String articleId, long timestamp, String contentHash, ArticleSketch sketch, int count, int probes,
                  int partition) {

    ProbeBatch {
        if (count < 1 || count > Integer.SIZE - 1 || probes == 0 || (probes & ~allProbes(count)) != 0) {
            throw new IllegalArgumentException("probes " + Integer.toBinaryString(probes) + " of " + count);
        }
    }

    /** The bits of all {@code count} probes of an article. */
    static int allProbes(int count) {
        return (1 << count) - 1;
    }

    /** How many probes an article with this sketch sends: one per sketch key, or its content hash alone. */
    static int probeCount(ArticleSketch sketch) {
        return Math.max(1, sketch.keyCount());
    }

    /** The store prefix of probe {@code index}'s bucket (see {@link #bucket(ArticleSketch, String, int)}). */
    byte[] bucket(int index) {
        return bucket(sketch, contentHash, index);
    }

    /**
     * The bucket of an article's probe {@code index}: {@code 's'} and the 8 bytes of sketch key {@code index}, or,
     * for an article without sketch keys, {@code 'h'} and its content hash (UTF-8). Both are of one length within
     * their kind, so no bucket is a prefix of another.
     */
    static byte[] bucket(ArticleSketch sketch, String contentHash, int index) {
        if (sketch.keyCount() == 0) {
            byte[] hash = contentHash.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + hash.length).put((byte) 'h').put(hash).array();
        }
        return ByteBuffer.allocate(1 + Long.BYTES).put((byte) 's').putLong(sketch.key(index)).array();
    }

    /** The partition that owns {@code bucket} among {@code partitions}: murmur2, as Kafka's default partitioner. */
    static int partitionOf(byte[] bucket, int partitions) {
        return Utils.toPositive(Utils.murmur2(bucket)) % partitions;
    }
}
