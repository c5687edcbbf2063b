package io.newspipe.enrich.dedup;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary encodings of the duplicate detector's internal records (probes, verdicts, bucket entries, pending
 * verdicts). They live only in this application's repartition topics and state stores, never in a public topic, so
 * they need no registry. The first byte is the format version: 3 sends an article's probes for one partition as one
 * record and keeps bucket entries without the id and timestamp their store key holds; version 2 (one record per
 * probe, in the {@code dedup-sketch-*} topics and stores) and version 1 (the SimHash band detector's) lived in other
 * topics and stores and are refused here. Numbers are big-endian, strings UTF-8 after their length; records are
 * written and read through a {@link ByteBuffer} (a bucket owner reads many entries per probe, and data streams cost
 * several times as much).
 */
final class DedupCodec {

    static final byte VERSION = 3;

    private DedupCodec() {
    }

    /** Verdicts received so far for one article: the probe bits they cover, how many there are, the best match. */
    record Pending(int seen, int count, Verdict best) {

        boolean complete() {
            return count > 0 && seen == ProbeBatch.allProbes(count);
        }
    }

    interface Writer<T> {
        void write(Out out, T value);
    }

    /** A growing byte buffer to write one record into. */
    static final class Out {

        private ByteBuffer buffer = ByteBuffer.allocate(256);

        private ByteBuffer room(int bytes) {
            if (buffer.remaining() < bytes) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(2 * buffer.capacity(), buffer.position() + bytes));
                buffer.flip();
                buffer = larger.put(buffer);
            }
            return buffer;
        }

        void writeByte(int value) {
            room(1).put((byte) value);
        }

        void writeBoolean(boolean value) {
            writeByte(value ? 1 : 0);
        }

        void writeInt(int value) {
            room(Integer.BYTES).putInt(value);
        }

        void writeLong(long value) {
            room(Long.BYTES).putLong(value);
        }

        void writeLongs(long[] values) {
            writeInt(values.length);
            ByteBuffer b = room(values.length * Long.BYTES);
            b.asLongBuffer().put(values);
            b.position(b.position() + values.length * Long.BYTES);
        }

        void write(byte[] bytes) {
            room(bytes.length).put(bytes);
        }

        void writeString(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            room(utf8.length).put(utf8);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    interface Reader<T> {
        T read(ByteBuffer in);
    }

    static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        Serializer<T> ser = (topic, value) -> value == null ? null : encode(writer, value);
        Deserializer<T> de = (topic, bytes) -> bytes == null ? null : decode(reader, bytes);
        return Serdes.serdeFrom(ser, de);
    }

    static <T> byte[] encode(Writer<T> writer, T value) {
        Out out = new Out();
        out.writeByte(VERSION);
        writer.write(out, value);
        return out.toByteArray();
    }

    static <T> T decode(Reader<T> reader, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte v = in.get();
            if (v != VERSION) {
                throw new IllegalStateException("unknown dedup record format " + v + " (this detector reads format "
                        + VERSION + ")");
            }
            return reader.read(in);
        } catch (BufferUnderflowException e) {
            throw new IllegalStateException("dedup record of " + bytes.length + " bytes ends early", e);
        }
    }

    static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalStateException("dedup record claims a string of " + length + " bytes, more than it holds");
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /** A sketch as its smallest hashes, its shingle count and its number hashes. */
    static void writeSketch(Out out, ArticleSketch sketch) {
        out.writeLongs(sketch.smallest());
        out.writeInt(sketch.shingleCount());
        out.writeLongs(sketch.numbers());
    }

    static ArticleSketch readSketch(ByteBuffer in) {
        long[] smallest = readLongs(in);
        int shingles = in.getInt();
        return new ArticleSketch(smallest, shingles, readLongs(in));
    }

    private static long[] readLongs(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining() / Long.BYTES) {
            throw new IllegalStateException("dedup record claims " + n + " hashes, more than it holds");
        }
        long[] values = new long[n];
        in.asLongBuffer().get(values);
        in.position(in.position() + n * Long.BYTES);
        return values;
    }

    static final Serde<ProbeBatch> PROBES = serde((out, p) -> {
        out.writeString(p.articleId());
        out.writeLong(p.timestamp());
        out.writeString(p.contentHash());
        writeSketch(out, p.sketch());
        out.writeByte(p.count());
        out.writeInt(p.probes());
        out.writeInt(p.partition());
    }, in -> new ProbeBatch(readString(in), in.getLong(), readString(in), readSketch(in), in.get(), in.getInt(),
            in.getInt()));

    static final Serde<Verdict> VERDICT = serde((out, v) -> {
        out.writeString(v.articleId());
        out.writeInt(v.probes());
        out.writeByte(v.count());
        out.writeBoolean(v.found());
        if (v.found()) {
            out.writeString(v.matchId());
            out.writeString(v.matchClusterId());
            out.writeLong(v.matchTimestamp());
            out.writeBoolean(v.exact());
        }
    }, in -> {
        String id = readString(in);
        int probes = in.getInt();
        int count = in.get();
        if (in.get() == 0) {
            return new Verdict(id, probes, count, null, null, 0L, false);
        }
        return new Verdict(id, probes, count, readString(in), readString(in), in.getLong(), in.get() != 0);
    });

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
        int seen = in.getInt();
        int count = in.get();
        Verdict best = null;
        if (in.get() != 0) {
            byte[] v = new byte[in.getInt()];
            in.get(v);
            best = VERDICT.deserializer().deserialize(null, v);
        }
        return new Pending(seen, count, best);
    });
}
