package io.newspipe.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain-text article file: UTF-8, optionally opened by an RFC 822-style header ({@code Title:}, {@code
 * URL:}, {@code Source:}, {@code Published:}, {@code Language:}) and a blank line; without one the whole file is
 * the body. Refuses oversize input, binary data (a NUL byte: an image, an archive, UTF-16), invalid UTF-8 (naming
 * the line) and an empty body.
 */
public final class TextArticleReader {

    static final Set<String> HEADER_KEYS = Set.of("title", "url", "source", "published", "language");

    private final long maxBytes;

    public TextArticleReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public TextArticle read(byte[] bytes, String origin) throws BadInputException {
        if (bytes.length > maxBytes) {
            throw new BadInputException("oversize", origin, "article is " + bytes.length + " bytes, over the limit of "
                    + maxBytes + " bytes (raise ingest.max.article.bytes if this is intended)");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) { // text files have none, and PostgreSQL text cannot hold one
                throw new BadInputException("binary", origin, "binary data, not a text article (a NUL byte at offset "
                        + i + "): an image, an archive or a UTF-16 file? article files must be UTF-8 text");
            }
        }
        String text = decodeUtf8(bytes, origin);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> header = new LinkedHashMap<>();
        String body = text;
        int headerEnd = headerEnd(text, header);
        if (headerEnd >= 0) {
            body = text.substring(headerEnd);
        }
        body = stripBlankEdges(body);
        if (body.isBlank()) {
            throw new BadInputException("empty-body", origin, "the article has no body text");
        }
        Instant published = null;
        String p = header.get("published");
        if (p != null && !p.isBlank()) {
            published = parseTime(p.trim(), origin);
        }
        return new TextArticle(header.get("url"), header.get("source"), header.get("title"), body, published,
                header.get("language"), "text/plain", origin);
    }

    /** If the text opens with a header block followed by a blank line, fills {@code header} and returns the body offset. */
    private static int headerEnd(String text, Map<String, String> header) {
        int pos = 0;
        Map<String, String> found = new LinkedHashMap<>();
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            if (line.isBlank()) {
                if (found.isEmpty()) {
                    return -1;
                }
                header.putAll(found);
                return nl < 0 ? text.length() : nl + 1;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || colon > 20) {
                return -1;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (!HEADER_KEYS.contains(key)) {
                return -1;
            }
            found.put(key, line.substring(colon + 1).trim());
            if (nl < 0) {
                return -1;
            }
            pos = nl + 1;
        }
        return -1;
    }

    private static String stripBlankEdges(String s) {
        int start = 0;
        while (start < s.length() && (s.charAt(start) == '\n' || Character.isWhitespace(s.charAt(start)))) {
            start++;
        }
        int end = s.length();
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String decodeUtf8(byte[] bytes, String origin) throws BadInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer out = decoder.decode(in);
            return out.toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            for (int i = 0; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadInputException("invalid-utf8", origin + ":" + line, "invalid UTF-8 at byte offset " + bad
                    + " (line " + line + "): convert the file to UTF-8", e);
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        return d.decode(in, out, true).isError() ? in.position() : bytes.length;
    }

    /** Reads a {@code Published:} header (or a JSON line's {@code published_at}) with {@link Timestamps}. */
    static Instant parseTime(String s, String origin) throws BadInputException {
        try {
            return Timestamps.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadInputException("invalid-timestamp", origin, "cannot read the Published: header \"" + s
                    + "\": use " + Timestamps.FORMS, e);
        }
    }
}
