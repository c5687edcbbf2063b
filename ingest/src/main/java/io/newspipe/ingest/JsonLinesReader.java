package io.newspipe.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.avro.LineMarkup;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON Lines: one JSON object per line, UTF-8, blank lines ignored. Fields (all optional but one of body or
 * html): {@code id} (the source's own id, shown in messages; the article id is always derived from the URL or
 * from source + title + body, see {@link ArticleIds}), {@code url} (or {@code link}), {@code title}, {@code body}
 * (plain text, lines separated by {@code \n}; or {@code text}), {@code html} (turned into text by {@link HtmlText}
 * when there is no body), {@code source} (or {@code outlet}), {@code published_at} (or {@code published}; ISO-8601,
 * RFC 1123, yyyy-MM-dd or epoch seconds/milliseconds as a number), {@code language} (or {@code lang}). Other fields
 * are ignored. Each bad line (broken JSON, invalid UTF-8, over the size limit, no body, unreadable time) is handed
 * to the {@link ArticleHandler} with its origin {@code file:line}, and reading goes on with the next line.
 */
public final class JsonLinesReader {

    public static final String CONTENT_TYPE = "application/jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxLineBytes;

    public JsonLinesReader(long maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads every line of {@code in}; {@code origin} is the file name, {@code defaultSource} fills a missing source. */
    public void read(InputStream in, String origin, String defaultSource, ArticleHandler handler) throws IOException {
        byte[] buf = new byte[64 * 1024];
        byte[] line = new byte[8 * 1024];
        int lineLen = 0;
        boolean overflow = false;
        long lineNo = 1;
        int n;
        while ((n = in.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                int len = i - start;
                if (!overflow) {
                    if (lineLen + (long) len > maxLineBytes) {
                        overflow = true;
                    } else {
                        line = append(line, lineLen, buf, start, len);
                        lineLen += len;
                    }
                }
                handleLine(line, lineLen, overflow, origin, lineNo, defaultSource, handler);
                lineNo++;
                lineLen = 0;
                overflow = false;
                start = i + 1;
            }
            int rest = n - start;
            if (!overflow && rest > 0) {
                if (lineLen + (long) rest > maxLineBytes) {
                    overflow = true;
                } else {
                    line = append(line, lineLen, buf, start, rest);
                    lineLen += rest;
                }
            }
        }
        if (lineLen > 0 || overflow) {
            handleLine(line, lineLen, overflow, origin, lineNo, defaultSource, handler);
        }
    }

    private static byte[] append(byte[] line, int lineLen, byte[] src, int from, int len) {
        byte[] l = line;
        if (lineLen + len > l.length) {
            l = Arrays.copyOf(l, Math.max(l.length * 2, lineLen + len));
        }
        System.arraycopy(src, from, l, lineLen, len);
        return l;
    }

    private void handleLine(byte[] buf, int len, boolean overflow, String file, long lineNo, String defaultSource,
                            ArticleHandler handler) {
        String origin = file + ":" + lineNo;
        if (overflow) {
            handler.bad(new BadInputException("oversize", origin, "the line is over the limit of " + maxLineBytes
                    + " bytes (raise --max-article-bytes if this is intended)"), null);
            return;
        }
        int end = len;
        if (end > 0 && buf[end - 1] == '\r') {
            end--;
        }
        TextArticle a;
        try {
            a = parse(buf, end, origin, defaultSource);
        } catch (BadInputException e) {
            handler.bad(e, Arrays.copyOf(buf, end));
            return;
        }
        if (a != null) {
            handler.article(a);
        }
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("id", "guid", "url", "link", "title", "body",
            "text", "html", "content_html", "source", "outlet", "published_at", "published", "language", "lang");

    /** Parses one line; null for a blank line. Streams over the fields (no tree), as this is the hot path. */
    TextArticle parse(byte[] bytes, int len, String origin, String defaultSource) throws BadInputException {
        if (!isAscii(bytes, len)) {
            try {
                TextArticleReader.decodeUtf8(Arrays.copyOf(bytes, len), origin);
            } catch (BadInputException e) {
                throw new BadInputException("invalid-utf8", origin, "invalid UTF-8 in this line: convert the file to "
                        + "UTF-8", e.getCause());
            }
        }
        if (isBlank(bytes, len)) {
            return null;
        }
        Map<String, Object> f = new HashMap<>();
        try (JsonParser p = JSON.getFactory().createParser(bytes, 0, len)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new BadInputException("invalid-json", origin, "expected a JSON object on this line, found "
                        + describe(t));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else if (v != JsonToken.VALUE_NULL && KNOWN.contains(name)) {
                    f.put(name, v.isNumeric() && v != JsonToken.VALUE_NUMBER_FLOAT ? (Object) p.getLongValue()
                            : p.getText());
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new BadInputException("invalid-json", origin, "broken JSON: the object is not closed");
            }
            if (p.nextToken() != null) {
                throw new BadInputException("invalid-json", origin, "more than one JSON value on this line (each "
                        + "line must be one complete JSON object)");
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new BadInputException("invalid-json", origin, "broken JSON" + where + ": "
                    + e.getOriginalMessage() + " (each line must be one complete JSON object)", e);
        } catch (IOException e) {
            throw new BadInputException("invalid-json", origin, "broken JSON: " + e.getMessage(), e);
        }
        String body = text(f, "body", "text");
        List<LineMarkup> markup = null;
        if (body == null) {
            HtmlText.Lines lines = HtmlText.toLines(text(f, "html", "content_html"), text(f, "url", "link"));
            body = lines.body();
            markup = lines.markup();
        } else {
            if (body.indexOf('\r') >= 0) {
                body = body.replace("\r\n", "\n").replace('\r', '\n');
            }
            body = body.strip();
        }
        String id = text(f, "id", "guid");
        String where = id == null ? origin : origin + " (id " + id + ")";
        if (body.isBlank()) {
            throw new BadInputException("empty-body", origin, "the article has no body text: give \"body\" or "
                    + "\"html\"" + (id == null ? "" : " (id " + id + ")"));
        }
        Instant published = null;
        Object p = f.containsKey("published_at") ? f.get("published_at") : f.get("published");
        if (p instanceof Long v) {
            published = Math.abs(v) < 100_000_000_000L ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
        } else if (p instanceof String ps && !ps.isBlank()) {
            try {
                published = TextArticleReader.parseTime(ps.trim(), where);
            } catch (BadInputException e) {
                throw new BadInputException("invalid-timestamp", origin, "cannot read published_at \"" + ps
                        + "\": use " + Timestamps.FORMS + ", or epoch seconds or milliseconds as a number",
                        e.getCause());
            }
        }
        String source = text(f, "source", "outlet");
        return new TextArticle(text(f, "url", "link"), source == null ? defaultSource : source,
                text(f, "title"), body, published, text(f, "language", "lang"), CONTENT_TYPE, where, markup);
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static boolean isAscii(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            byte x = b[i];
            if (x != ' ' && x != '\t' && x != '\r' && x != '\n' && x != '\f') {
                return false;
            }
        }
        return true;
    }

    private static String text(Map<String, Object> f, String... names) {
        for (String n : names) {
            Object v = f.get(n);
            if (v != null) {
                String s = v.toString();
                if (!s.isBlank()) {
                    return s.trim();
                }
            }
        }
        return null;
    }
}
