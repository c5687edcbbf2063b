package io.newspipe.ingest.replay;

import io.newspipe.ingest.ArticleHandler;
import io.newspipe.ingest.BadInputException;
import io.newspipe.ingest.IngestSummary;
import io.newspipe.ingest.Ingestor;
import io.newspipe.ingest.Progress;
import io.newspipe.ingest.ReplayPacer;
import io.newspipe.ingest.TextArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays archive files to the raw topic in publication-time order, each record with its original publication time
 * as its timestamp, paced by a {@link ReplayPacer} and bounded by a window {@code [from, to)}, in bounded memory and
 * resumable.
 *
 * <ol>
 *   <li>Read: the articles of the window go into an {@link ExternalSorter}, which spills sorted runs to disk beyond
 *       the memory budget. Bad input is dead-lettered as in a normal ingest.</li>
 *   <li>Publish: the merged runs are published in {@link ReplayEntry#ORDER}. Copies of the same article at the same
 *       publication time (the same feed entry in several snapshots) are adjacent in that order and published
 *       once. Every {@link ReplayOptions#checkpointEvery()} the producer is flushed and a {@link ReplayCheckpoint}
 *       written.</li>
 * </ol>
 *
 * A replay killed at any point and started again with the same arguments reads the archives again and publishes
 * only what comes after its checkpoint; the raw topic may receive again what was sent after the last checkpoint
 * (at most one checkpoint interval), which the article ids make harmless downstream. Dead letters found while
 * reading are not sent again once a checkpoint says every input was read. A finished replay deletes its
 * checkpoint, so the same command later replays everything again.
 */
public final class Replayer {

    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final Ingestor ingestor;
    private final ReplayPacer pacer;
    private final Progress progress;
    private final ReplayOptions options;
    private final String rawTopic;
    private long withoutTime;
    private long duplicates;
    private long resumedPast;

    public Replayer(Ingestor ingestor, ReplayPacer pacer, Progress progress, ReplayOptions options, String rawTopic) {
        this.ingestor = ingestor;
        this.pacer = pacer;
        this.progress = progress;
        this.options = options;
        this.rawTopic = rawTopic;
    }

    /** Replays the archives; returns the ingestor's totals, with the copies this replay dropped as duplicates. */
    public IngestSummary replay(List<Path> paths, Instant from, Instant to) throws InterruptedException {
        ArchiveReader reader = new ArchiveReader(ingestor.sources(), paths, from, to, ingestor);
        String fingerprint = reader.fingerprint(rawTopic);
        Path home = options.workDir().resolve(fingerprint.substring(0, 16));
        Path checkpointFile = home.resolve("checkpoint.json");
        Optional<ReplayCheckpoint> resume = options.fresh() ? Optional.empty()
                : ReplayCheckpoint.read(checkpointFile, fingerprint);
        resume.ifPresent(checkpoint -> LOG.info("replay: resuming after {} article(s) already handled (checkpoint "
                + "{})", checkpoint.handled(), checkpointFile));
        Path runs = home.resolve("runs");
        deleteTree(runs);
        try (ExternalSorter sorter = new ExternalSorter(runs, options.memoryBudgetBytes())) {
            read(reader, sorter, resume);
            publish(sorter.sorted(), sorter.size(), fingerprint, checkpointFile, resume);
        }
        deleteTree(home);
        IngestSummary sent = ingestor.summary();
        return new IngestSummary(sent.published(), duplicates + sent.duplicates(), sent.deadLetters());
    }

    private void read(ArchiveReader reader, ExternalSorter sorter, Optional<ReplayCheckpoint> resume) {
        boolean lettersAlreadySent = resume.map(ReplayCheckpoint::readComplete).orElse(false);
        long[] lettersSkipped = {0};
        ArticleHandler bad = lettersAlreadySent ? new ArticleHandler() {
            @Override
            public void article(TextArticle a) {
                throw new IllegalStateException("not an article handler");
            }

            @Override
            public void bad(BadInputException problem, byte[] input) {
                lettersSkipped[0]++; // dead-lettered by the run that wrote the checkpoint
            }
        } : ingestor;
        progress.start(reader.totalBytes(), "bytes");
        reader.read(entry -> {
            if (resume.isEmpty() || resume.get().isBefore(entry)) {
                sorter.add(entry);
            } else {
                resumedPast++;
            }
        }, bad, progress::advance);
        progress.finish();
        ingestor.flush(); // the dead letters of the read are durable before a checkpoint can say so
        withoutTime = reader.withoutTime();
        LOG.info("replay: {} article(s) to publish in the window{}{}{}{} ({} sorted run(s) on disk)", sorter.size(),
                reader.outside() > 0 ? ", " + reader.outside() + " outside it" : "",
                withoutTime > 0 ? ", " + withoutTime + " without a publication time (skipped)" : "",
                resumedPast > 0 ? ", " + resumedPast + " handled before the restart" : "",
                lettersSkipped[0] > 0 ? ", " + lettersSkipped[0] + " bad input(s) dead-lettered before the restart"
                        : "",
                sorter.runCount());
    }

    private void publish(Iterator<ReplayEntry> entries, long count, String fingerprint, Path checkpointFile,
            Optional<ReplayCheckpoint> resume) throws InterruptedException {
        long handled = resume.map(ReplayCheckpoint::handled).orElse(0L);
        ReplayEntry previous = resume.map(ReplayCheckpoint::lastEntry).orElse(null);
        long checkpointNanos = options.checkpointEvery().toNanos();
        long lastCheckpoint = System.nanoTime();
        progress.start(count, "articles");
        while (entries.hasNext()) {
            ReplayEntry entry = entries.next();
            if (entry.sameArticleAs(previous)) {
                duplicates++;
                LOG.debug("{}: the same article as {} at the same time; published once", entry.origin(),
                        previous.id());
            } else {
                pacer.awaitTurn(entry.article().publishedAt());
                ingestor.send(entry.article(), entry.id());
            }
            handled++;
            previous = entry;
            progress.advance(1);
            if (System.nanoTime() - lastCheckpoint >= checkpointNanos) {
                ingestor.flush();
                ReplayCheckpoint.at(fingerprint, handled, entry, true).write(checkpointFile);
                lastCheckpoint = System.nanoTime();
            }
        }
        ingestor.flush();
        progress.finish();
    }

    /** Articles left out because they have no publication time. */
    public long skipped() {
        return withoutTime;
    }

    /** Articles a restarted replay did not publish again because its checkpoint covered them. */
    public long resumedPast() {
        return resumedPast;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the replay work folder " + dir, e);
        }
    }
}
