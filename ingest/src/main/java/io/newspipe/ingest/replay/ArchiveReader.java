package io.newspipe.ingest.replay;

import io.newspipe.ingest.ArticleHandler;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.ingest.BadInputException;
import io.newspipe.ingest.Ingestor;
import io.newspipe.ingest.SourceFiles;
import io.newspipe.ingest.TextArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the articles of archive files (any kind ingest reads; folders recursively, in name order) that fall in a
 * publication-time window {@code [from, to)} and hands each on as a {@link ReplayEntry}. Articles without a
 * publication time cannot be placed in time and are counted and logged; articles outside the window are counted;
 * bad input goes to the given handler.
 */
public final class ArchiveReader {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveReader.class);

    private final SourceFiles sources;
    private final List<Path> files;
    private final Instant from;
    private final Instant to;
    private long withoutTime;
    private long outside;

    /** Reads {@code paths} (expanded now; a folder that cannot be listed is reported to {@code bad}). */
    public ArchiveReader(SourceFiles sources, List<Path> paths, Instant from, Instant to, ArticleHandler bad) {
        this.sources = sources;
        this.files = SourceFiles.expand(paths, bad);
        this.from = from;
        this.to = to;
    }

    /** The files to read, in reading order. */
    public List<Path> files() {
        return files;
    }

    /** Their total size in bytes, for progress. */
    public long totalBytes() {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // reported as unreadable when the file is read
            }
        }
        return total;
    }

    /**
     * A SHA-256 (hex) of what decides a replay's order and content: the raw topic, the window and each file's path,
     * size and modification time. A checkpoint is only resumed by a replay with the same fingerprint.
     */
    public String fingerprint(String rawTopic) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((rawTopic + "\n" + from + "\n" + to + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path file : files) {
                String size = "?";
                String modified = "?";
                try {
                    size = Long.toString(Files.size(file));
                    modified = Files.getLastModifiedTime(file).toString();
                } catch (IOException e) {
                    // an unreadable file still names its place in the fingerprint
                }
                digest.update((file.toAbsolutePath() + "\t" + size + "\t" + modified + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Reads every file, handing on the articles inside the window; bad input goes to {@code bad}. */
    public void read(Consumer<ReplayEntry> entries, ArticleHandler bad, LongConsumer bytesRead) {
        ArticleHandler handler = new ArticleHandler() {
            @Override
            public void article(TextArticle article) {
                if (article.publishedAt() == null) {
                    withoutTime++;
                    LOG.warn("{}: no publication time; a replay cannot place it in time, skipped", article.origin());
                } else if ((from == null || !article.publishedAt().isBefore(from))
                        && (to == null || article.publishedAt().isBefore(to))) {
                    entries.accept(ReplayEntry.of(article,
                            ArticleIds.of(article.url(), article.source(), article.title(), article.body())));
                } else {
                    outside++;
                }
            }

            @Override
            public void bad(BadInputException problem, byte[] input) {
                bad.bad(problem, input);
            }
        };
        for (Path file : files) {
            sources.read(file, Ingestor.sourceFromFile(file), bytesRead, handler);
        }
    }

    /** Articles skipped because they have no publication time. */
    public long withoutTime() {
        return withoutTime;
    }

    /** Articles outside the window. */
    public long outside() {
        return outside;
    }
}
