package io.newspipe.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Opens input files of every kind ingest reads and hands their articles to an {@link ArticleHandler}: gzip is
 * recognised by its magic bytes (not the name) and decompressed transparently; the format is taken from the name
 * ({@code .jsonl}/{@code .ndjson}/{@code .json} JSON Lines, {@code .xml}/{@code .rss}/{@code .atom}/{@code .rdf}
 * feeds, {@code .txt} text, a trailing {@code .gz} ignored), else sniffed from the first character ({@code {} JSON
 * Lines, {@code <} a feed, anything else a text article). Decompressed sizes are bounded, so a gzip bomb is
 * reported as oversize, never inflated into memory. An article whose publication time a Kafka record timestamp
 * cannot carry (before 1970, or further ahead than a broker accepts) is reported as {@code invalid-timestamp}, one
 * whose text holds a NUL character as {@code invalid-text}.
 */
public final class SourceFiles {

    /** What a file holds. */
    public enum Format { TEXT, JSON_LINES, FEED }

    /**
     * How far ahead of now a publication time may be: brokers refuse records further in the future
     * ({@code log.message.timestamp.after.max.ms}, one hour by default), and with them the rest of their batch.
     */
    static final Duration MAX_AHEAD = Duration.ofHours(1);

    private final long maxArticleBytes;
    private final long maxFeedBytes;
    private final TextArticleReader textReader;
    private final JsonLinesReader jsonLines;
    private final FeedParser feeds;

    public SourceFiles(long maxArticleBytes, long maxFeedBytes) {
        this.maxArticleBytes = maxArticleBytes;
        this.maxFeedBytes = maxFeedBytes;
        this.textReader = new TextArticleReader(maxArticleBytes);
        this.jsonLines = new JsonLinesReader(maxArticleBytes);
        this.feeds = new FeedParser(maxArticleBytes);
    }

    /** Regular, non-hidden files under each path (a folder recursively, in name order; a file as it is). */
    public static List<Path> expand(List<Path> paths, ArticleHandler handler) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    handler.bad(new BadInputException("unreadable", p.toString(), "cannot list folder: " + e, e), null);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** The format by name (after a {@code .gz} suffix), or null when the name does not say. */
    static Format formatByName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        } else if (n.endsWith(".gzip")) {
            n = n.substring(0, n.length() - 5);
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return Format.JSON_LINES;
        }
        if (n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom") || n.endsWith(".rdf")) {
            return Format.FEED;
        }
        if (n.endsWith(".txt") || n.endsWith(".text")) {
            return Format.TEXT;
        }
        return null;
    }

    /** Opens the file, decompressing gzip by magic bytes; {@code bytesRead} sees the bytes read from disk. */
    static InputStream open(Path file, LongConsumer bytesRead) throws IOException {
        InputStream raw = new CountingInputStream(Files.newInputStream(file), bytesRead);
        return decompressIfGzip(new BufferedInputStream(raw, 64 * 1024));
    }

    /** Wraps {@code in} in a gzip decoder when it starts with the gzip magic bytes 1f 8b. */
    static InputStream decompressIfGzip(InputStream in) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(2);
        int b0 = b.read();
        int b1 = b.read();
        b.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(b, 64 * 1024), 64 * 1024);
        }
        return b;
    }

    /** Reads at most {@code max} bytes; returns null when there are more. */
    static byte[] readBounded(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return bytes.length > max ? null : bytes;
    }

    /** Parses already-fetched bytes (a feed fetched over HTTP, possibly gzip-compressed). */
    public void readBytes(byte[] bytes, Format format, String origin, String defaultSource, ArticleHandler to) {
        ArticleHandler handler = checkingTimesAndText(to);
        try (InputStream in = decompressIfGzip(new java.io.ByteArrayInputStream(bytes))) {
            byte[] content = readBounded(in, format == Format.FEED ? maxFeedBytes : maxArticleBytes);
            if (content == null) {
                handler.bad(new BadInputException("oversize", origin, "the decompressed document is over the limit"
                        + " of " + (format == Format.FEED ? maxFeedBytes : maxArticleBytes) + " bytes"), null);
                return;
            }
            dispatch(content, format, origin, defaultSource, handler);
        } catch (IOException e) {
            handler.bad(new BadInputException("unreadable", origin, "cannot decompress: " + e.getMessage(), e), bytes);
        }
    }

    /** Reads one file of any supported kind. */
    public void read(Path file, String defaultSource, LongConsumer bytesRead, ArticleHandler to) {
        ArticleHandler handler = checkingTimesAndText(to);
        String origin = file.toString();
        Format format = formatByName(file.getFileName().toString());
        try (InputStream in = open(file, bytesRead)) {
            if (format == null) {
                format = sniff(in);
            }
            if (format == Format.JSON_LINES) {
                try {
                    jsonLines.read(in, origin, defaultSource, handler);
                } catch (IOException e) {
                    handler.bad(new BadInputException("unreadable", origin, "cannot read the rest of the file: " + e
                            + " (a truncated or corrupt gzip file?)", e), null);
                }
                return;
            }
            long limit = format == Format.FEED ? maxFeedBytes : maxArticleBytes;
            byte[] content = readBounded(in, limit);
            if (content == null) {
                handler.bad(new BadInputException("oversize", origin, (format == Format.FEED ? "the feed" : "the article")
                        + " is over the limit of " + limit + " bytes"
                        + (format == Format.FEED ? "" : " (raise --max-article-bytes if this is intended)")), null);
                return;
            }
            dispatch(content, format, origin, defaultSource, handler);
        } catch (IOException e) {
            handler.bad(new BadInputException("unreadable", origin, "cannot read file: " + e, e), null);
        }
    }

    private void dispatch(byte[] content, Format format, String origin, String defaultSource, ArticleHandler handler) {
        switch (format) {
            case FEED -> feeds.parse(content, origin, defaultSource, handler);
            case JSON_LINES -> {
                try {
                    jsonLines.read(new java.io.ByteArrayInputStream(content), origin, defaultSource, handler);
                } catch (IOException e) {
                    handler.bad(new BadInputException("unreadable", origin, e.toString(), e), null);
                }
            }
            default -> {
                try {
                    TextArticle a = textReader.read(content, origin);
                    if (a.source() == null) {
                        a = new TextArticle(a.url(), defaultSource, a.title(), a.body(), a.publishedAt(),
                                a.language(), a.contentType(), a.origin());
                    }
                    handler.article(a);
                } catch (BadInputException e) {
                    handler.bad(e, content);
                }
            }
        }
    }

    /**
     * Hands on the articles a Kafka record can carry by their publication time and a text column can store; the
     * others as bad input.
     */
    private static ArticleHandler checkingTimesAndText(ArticleHandler handler) {
        return new ArticleHandler() {
            @Override
            public void article(TextArticle a) {
                String problem = timeProblem(a.publishedAt(), Instant.now());
                String reason = "invalid-timestamp";
                if (problem == null) {
                    problem = textProblem(a);
                    reason = "invalid-text";
                }
                if (problem == null) {
                    handler.article(a);
                } else {
                    handler.bad(new BadInputException(reason, a.origin(), problem),
                            a.body().getBytes(StandardCharsets.UTF_8));
                }
            }

            @Override
            public void bad(BadInputException problem, byte[] input) {
                handler.bad(problem, input);
            }
        };
    }

    /**
     * Why the article's text cannot be stored, or null: a NUL character (U+0000; valid JSON as {@code \u0000} and
     * valid UTF-8) that no PostgreSQL text column holds and few consumers expect. Caught here, the article is
     * dead-lettered with its origin instead of failing at the sink two stages later.
     */
    static String textProblem(TextArticle a) {
        String[][] fields = {{"body", a.body()}, {"title", a.title()}, {"url", a.url()}, {"source", a.source()}};
        for (String[] f : fields) {
            int at = f[1] == null ? -1 : f[1].indexOf('\0');
            if (at >= 0) {
                return "the " + f[0] + " contains a NUL character (U+0000) at offset " + at
                        + ", which a database text column cannot store: fix the source";
            }
        }
        return null;
    }

    /** Why {@code published} cannot be a record timestamp, or null when it can (or is unknown). */
    static String timeProblem(Instant published, Instant now) {
        if (published == null) {
            return null;
        }
        if (published.isBefore(Instant.EPOCH)) {
            return "the publication time " + published + " is before 1970-01-01, which a Kafka record timestamp "
                    + "cannot carry: check the source's date";
        }
        if (published.isAfter(now.plus(MAX_AHEAD))) {
            return "the publication time " + published + " is in the future (more than " + MAX_AHEAD.toMinutes()
                    + " minutes after " + now + "; the broker would refuse the record): check the source's date "
                    + "and time zone";
        }
        return null;
    }

    /** Looks at the first non-blank character (after a BOM) without consuming it. */
    private static Format sniff(InputStream in) throws IOException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && head[i] == '{') {
            return Format.JSON_LINES;
        }
        if (i < head.length && head[i] == '<') {
            return Format.FEED;
        }
        return Format.TEXT;
    }

    /** Counts bytes as they are read (for progress). */
    private static final class CountingInputStream extends FilterInputStream {
        private final LongConsumer counter;

        CountingInputStream(InputStream in, LongConsumer counter) {
            super(in);
            this.counter = counter;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counter.accept(n);
            }
            return n;
        }
    }
}
