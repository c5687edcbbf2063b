package io.newspipe.ingest.replay;

import io.newspipe.ingest.TextArticle;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;

/**
 * One article of a replay with its place in the replay's order: publication time, then article id, then where it
 * was read. Ordering by id before origin puts every copy of the same article published at the same time side by
 * side, so copies can be dropped by looking at the previous entry only, in constant memory. Origins (file and
 * line, or feed entry) are unique, so the order is total and the same on every run over the same input: what
 * makes a checkpoint's position meaningful after a restart.
 */
public record ReplayEntry(long publishedAtMillis, String id, TextArticle article) {

    /** Publication time, then id, then origin. */
    public static final Comparator<ReplayEntry> ORDER = Comparator.comparingLong(ReplayEntry::publishedAtMillis)
            .thenComparing(ReplayEntry::id)
            .thenComparing(ReplayEntry::origin);

    /** Fixed cost of an entry in memory besides its text: the objects, references and array slots. */
    private static final int OVERHEAD_BYTES = 256;

    public static ReplayEntry of(TextArticle article, String id) {
        return new ReplayEntry(article.publishedAt().toEpochMilli(), id, article);
    }

    public String origin() {
        return article.origin();
    }

    /** Whether {@code other} is the same article at the same publication time (a copy to publish once). */
    public boolean sameArticleAs(ReplayEntry other) {
        return other != null && publishedAtMillis == other.publishedAtMillis && id.equals(other.id);
    }

    /** A generous estimate of the heap this entry holds (Java strings of Latin or UTF-16 text), for the budget. */
    public long estimatedBytes() {
        return OVERHEAD_BYTES + 2L * (length(article.url()) + length(article.source()) + length(article.title())
                + length(article.body()) + length(article.language()) + length(article.contentType())
                + length(article.origin()) + id.length());
    }

    /** Writes this entry to a run file. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeLong(publishedAtMillis);
        writeString(out, id);
        writeString(out, article.url());
        writeString(out, article.source());
        writeString(out, article.title());
        writeString(out, article.body());
        writeString(out, article.language());
        writeString(out, article.contentType());
        writeString(out, article.origin());
    }

    /** Reads the next entry of a run file; null at its end. */
    public static ReplayEntry readFrom(DataInputStream in) throws IOException {
        long publishedAt;
        try {
            publishedAt = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        String id = readString(in);
        TextArticle article = new TextArticle(readString(in), readString(in), readString(in), readString(in),
                Instant.ofEpochMilli(publishedAt), readString(in), readString(in), readString(in));
        return new ReplayEntry(publishedAt, id, article);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
