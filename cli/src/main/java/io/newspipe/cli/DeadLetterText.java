package io.newspipe.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.DeadLetter;
import io.newspipe.schemas.AvroJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code newspipe dlq} shows dead letters and names the files it writes: pure functions of one {@link
 * DeadLetter}, so they are tested without a broker.
 */
final class DeadLetterText {

    /** The context key {@link io.newspipe.schemas.DeadLetters} sets when it cut the original bytes. */
    static final String TRUNCATED_FROM = "value.truncated.from";

    /** Longest error message a {@code dlq list} line shows. */
    static final int MAX_MESSAGE_CHARS = 160;

    /** {@code file:line} of JSON Lines, {@code feed#entryN} of a feed entry. */
    private static final Pattern PLACE_SUFFIX = Pattern.compile("^(.*?)(?::(\\d+)|#entry(\\d+))$");
    private static final Pattern INGEST_EXTENSION =
            Pattern.compile("(?i)^(.*?)(\\.(?:jsonl|ndjson|json|xml|rss|atom|rdf|txt|text))(?:\\.gz|\\.gzip)?$");

    private DeadLetterText() {
    }

    /** Where the record came from: the file:line or URL for ingest, else {@code topic-partition@offset}. */
    static String where(DeadLetter l) {
        if (l.getOrigin() != null) {
            return l.getOrigin();
        }
        if (l.getTopic() == null) {
            return "-";
        }
        return l.getTopic() + "-" + l.getPartition() + "@" + l.getOffset();
    }

    /** The key as text when it is printable UTF-8, else {@code 0x} and (the start of) its hex; {@code -} for none. */
    static String key(DeadLetter l) {
        byte[] k = bytes(l.getKey());
        if (k == null) {
            return "-";
        }
        String text = utf8(k);
        if (text != null && text.codePoints().noneMatch(Character::isISOControl)) {
            return text;
        }
        return "0x" + HexFormat.of().formatHex(k, 0, Math.min(k.length, 16)) + (k.length > 16 ? "…" : "");
    }

    /** Error class (simple name) and message on one line, cut to {@link #MAX_MESSAGE_CHARS}. */
    static String shortError(DeadLetter l) {
        String cls = l.getErrorClass() == null ? "" : l.getErrorClass().substring(l.getErrorClass().lastIndexOf('.') + 1);
        String msg = l.getErrorMessage() == null ? "" : l.getErrorMessage().strip().replaceAll("\\s+", " ");
        String s = cls.isEmpty() ? msg : msg.isEmpty() ? cls : cls + ": " + msg;
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }

    /** The size of the original bytes before a cut, or -1 when they are complete. */
    static long truncatedFrom(DeadLetter l) {
        String from = l.getContext().get(TRUNCATED_FROM);
        if (from == null) {
            return -1;
        }
        try {
            return Long.parseLong(from.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // cut, size unknown
        }
    }

    /** One line of {@code dlq list}: failed_at, stage, reason, where, key, [truncated,] error. */
    static String line(DeadLetter l) {
        long cut = truncatedFrom(l);
        return l.getFailedAt() + "  " + l.getStage() + "  " + l.getReason() + "  " + where(l) + "  key=" + key(l)
                + "  " + (cut >= 0 ? "[value truncated] " : "") + shortError(l);
    }

    /**
     * One JSON object of {@code dlq list --json}: the dead letter's fields (bytes as base64, as everywhere), without
     * the value bytes but with their size, the key also as text when it is UTF-8, and where the letter itself lies.
     */
    static String json(DeadLetter l, int dlqPartition, long dlqOffset) {
        ObjectNode o = (ObjectNode) AvroJson.toNode(l);
        byte[] v = bytes(l.getValue());
        o.remove("value");
        o.put("value_size", v == null ? null : v.length);
        byte[] k = bytes(l.getKey());
        o.put("key_utf8", k == null ? null : utf8(k));
        o.put("truncated", truncatedFrom(l) >= 0);
        o.put("dlq_partition", dlqPartition);
        o.put("dlq_offset", dlqOffset);
        return o.toString();
    }

    /**
     * The file name for the bytes of an ingest dead letter: the origin's file name (or last URL segment),
     * sanitized, with the line if it has one and the dead letter's own partition and offset (unique within the dlq
     * topic), ending in the extension {@code newspipe ingest} reads the format from (none when the origin has none:
     * ingest then sniffs the format from the first character; {@code .txt} for a feed entry, whose bytes are its
     * content). Never hidden (ingest skips dot files).
     */
    static String fileName(DeadLetter l, int dlqPartition, long dlqOffset) {
        String origin = l.getOrigin() == null ? "ingest" : l.getOrigin();
        String place = "";
        boolean entry = false;
        Matcher m = PLACE_SUFFIX.matcher(origin);
        if (m.matches()) {
            origin = m.group(1);
            entry = m.group(3) != null;
            place = entry ? "-entry" + m.group(3) : "-line" + m.group(2);
        }
        String name = origin.replaceAll("[/\\\\]+$", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String ext = "";
        Matcher e = INGEST_EXTENSION.matcher(name);
        if (e.matches()) {
            name = e.group(1);
            ext = e.group(2).toLowerCase(java.util.Locale.ROOT);
        }
        String stem = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+", "");
        if (stem.length() > 80) {
            stem = stem.substring(0, 80);
        }
        if (stem.isEmpty()) {
            stem = "ingest";
        }
        if (entry) {
            ext = ".txt"; // a feed entry's bytes are its content, not a feed: ingest reads them as a text article
        }
        return stem + place + "-dlq" + dlqPartition + "-" + dlqOffset + ext;
    }

    static byte[] bytes(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
