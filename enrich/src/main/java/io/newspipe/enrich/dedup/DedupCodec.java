package io.newspipe.enrich.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary encodings of the duplicate detector's internal records (probes, verdicts, bucket entries, pending
 * verdicts). They live only in this application's repartition topics and state stores, never in a public topic, so
 * they need no registry. The first byte is the format version: 2 is the sketch detector's; version 1 (the SimHash
 * band detector's) lived in other topics and stores and is refused here.
 */
final class DedupCodec {

    static final byte VERSION = 2;

    private DedupCodec() {
    }

    /**
     * An article remembered in a bucket: its id and timestamp (also in the store key, which orders the bucket),
     * content hash, the cluster it joined there, and its sketch (null in a content-hash bucket).
     */
    record Entry(String articleId, long timestamp, String contentHash, String clusterId, ArticleSketch sketch) {
    }

    /** Verdicts received so far for one article: a bit per probe index, how many there are, and the best match. */
    record Pending(int seen, int count, Verdict best) {

        boolean complete() {
            return count > 0 && seen == (1 << count) - 1;
        }
    }

    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        Serializer<T> ser = (topic, value) -> value == null ? null : encode(writer, value);
        Deserializer<T> de = (topic, bytes) -> bytes == null ? null : decode(reader, bytes);
        return Serdes.serdeFrom(ser, de);
    }

    static <T> byte[] encode(Writer<T> writer, T value) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(VERSION);
            writer.write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    static <T> T decode(Reader<T> reader, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte v = in.readByte();
            if (v != VERSION) {
                throw new IllegalStateException("unknown dedup record format " + v + " (this detector reads format "
                        + VERSION + ")");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sketch, or null, as a presence flag, its smallest hashes, its shingle count and its number hashes. */
    private static void writeSketch(DataOutputStream out, ArticleSketch sketch) throws IOException {
        out.writeBoolean(sketch != null);
        if (sketch == null) {
            return;
        }
        writeLongs(out, sketch.smallest());
        out.writeInt(sketch.shingleCount());
        writeLongs(out, sketch.numbers());
    }

    private static ArticleSketch readSketch(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long[] smallest = readLongs(in);
        int shingles = in.readInt();
        return new ArticleSketch(smallest, shingles, readLongs(in));
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / Long.BYTES) {
            throw new IllegalStateException("dedup record claims " + n + " hashes, more than it holds");
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    static final Serde<Probe> PROBE = serde((out, p) -> {
        out.writeUTF(p.articleId());
        out.writeLong(p.timestamp());
        out.writeUTF(p.contentHash());
        writeSketch(out, p.sketch());
        out.writeByte(p.index());
        out.writeByte(p.count());
    }, in -> new Probe(in.readUTF(), in.readLong(), in.readUTF(), readSketch(in), in.readByte(), in.readByte()));

    static final Serde<Verdict> VERDICT = serde((out, v) -> {
        out.writeUTF(v.articleId());
        out.writeByte(v.index());
        out.writeByte(v.count());
        out.writeBoolean(v.found());
        if (v.found()) {
            out.writeUTF(v.matchId());
            out.writeUTF(v.matchClusterId());
            out.writeLong(v.matchTimestamp());
            out.writeBoolean(v.exact());
        }
    }, in -> {
        String id = in.readUTF();
        int index = in.readByte();
        int count = in.readByte();
        if (!in.readBoolean()) {
            return new Verdict(id, index, count, null, null, 0L, false);
        }
        return new Verdict(id, index, count, in.readUTF(), in.readUTF(), in.readLong(), in.readBoolean());
    });

    static final Serde<Entry> ENTRY = serde((out, e) -> {
        out.writeUTF(e.articleId());
        out.writeLong(e.timestamp());
        out.writeUTF(e.contentHash());
        out.writeUTF(e.clusterId());
        writeSketch(out, e.sketch());
    }, in -> new Entry(in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(), readSketch(in)));

    static final Serde<Pending> PENDING = serde((out, p) -> {
        out.writeInt(p.seen());
        out.writeByte(p.count());
        out.writeBoolean(p.best() != null);
        if (p.best() != null) {
            byte[] v = VERDICT.serializer().serialize(null, p.best());
            out.writeInt(v.length);
            out.write(v);
        }
    }, in -> {
        int seen = in.readInt();
        int count = in.readByte();
        Verdict best = null;
        if (in.readBoolean()) {
            byte[] v = new byte[in.readInt()];
            in.readFully(v);
            best = VERDICT.deserializer().deserialize(null, v);
        }
        return new Pending(seen, count, best);
    });
}
