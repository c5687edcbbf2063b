package io.newspipe.enrich.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary encodings of the duplicate detector's internal records (probes, verdicts, band buckets). They
 * live only in this application's repartition topics and state stores, never in a public topic, so they need no
 * registry; the first byte is a format version so a redeploy can change them.
 */
final class DedupCodec {

    private static final byte VERSION = 1;

    private DedupCodec() {
    }

    /** An article remembered in a band bucket. */
    record Entry(String articleId, long simhash, String contentHash, long timestamp, String clusterId) {
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
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
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
                throw new IllegalStateException("unknown dedup record format " + v);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Serde<Probe> PROBE = serde((out, p) -> {
        out.writeUTF(p.articleId());
        out.writeLong(p.simhash());
        out.writeUTF(p.contentHash());
        out.writeLong(p.timestamp());
        out.writeByte(p.band());
    }, in -> new Probe(in.readUTF(), in.readLong(), in.readUTF(), in.readLong(), in.readByte()));

    static final Serde<Verdict> VERDICT = serde((out, v) -> {
        out.writeUTF(v.articleId());
        out.writeByte(v.band());
        out.writeBoolean(v.found());
        if (v.found()) {
            out.writeUTF(v.matchId());
            out.writeUTF(v.matchClusterId());
            out.writeLong(v.matchTimestamp());
            out.writeBoolean(v.exact());
        }
    }, in -> {
        String id = in.readUTF();
        int band = in.readByte();
        if (!in.readBoolean()) {
            return new Verdict(id, band, null, null, 0L, false);
        }
        return new Verdict(id, band, in.readUTF(), in.readUTF(), in.readLong(), in.readBoolean());
    });

    static final Serde<List<Entry>> BUCKET = serde((out, list) -> {
        out.writeInt(list.size());
        for (Entry e : list) {
            out.writeUTF(e.articleId());
            out.writeLong(e.simhash());
            out.writeUTF(e.contentHash());
            out.writeLong(e.timestamp());
            out.writeUTF(e.clusterId());
        }
    }, in -> {
        int n = in.readInt();
        List<Entry> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new Entry(in.readUTF(), in.readLong(), in.readUTF(), in.readLong(), in.readUTF()));
        }
        return list;
    });

    /** Verdicts received so far for one article: a bit per band, and the best match. */
    record Pending(int bandsSeen, Verdict best) {
    }

    static final Serde<Pending> PENDING = serde((out, p) -> {
        out.writeInt(p.bandsSeen());
        out.writeBoolean(p.best() != null);
        if (p.best() != null) {
            byte[] v = VERDICT.serializer().serialize(null, p.best());
            out.writeInt(v.length);
            out.write(v);
        }
    }, in -> {
        int seen = in.readInt();
        Verdict best = null;
        if (in.readBoolean()) {
            byte[] v = new byte[in.readInt()];
            in.readFully(v);
            best = VERDICT.deserializer().deserialize(null, v);
        }
        return new Pending(seen, best);
    });
}
