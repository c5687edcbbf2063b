package io.newspipe.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays archive files (any kind ingest reads, folders recursively) to the raw topic in publication-time order,
 * each record with its original publication time as its timestamp, paced by a {@link ReplayPacer} and bounded by
 * an optional window {@code [from, to)}. Bad input is dead-lettered as in a normal ingest; articles without a
 * publication time cannot be placed in time and are skipped (logged and counted, see {@link #skipped()}). The
 * articles of the window are held in memory to sort them: split very large archives by period.
 */
public final class Replayer {

    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);

    private final Ingestor ingestor;
    private final ReplayPacer pacer;
    private final Progress progress;
    private long skipped;

    public Replayer(Ingestor ingestor, ReplayPacer pacer, Progress progress) {
        this.ingestor = ingestor;
        this.pacer = pacer;
        this.progress = progress;
    }

    /** The articles of the archives inside the window, in publication order (bad input dead-lettered). */
    public List<TextArticle> collect(List<Path> paths, Instant from, Instant to) {
        List<TextArticle> articles = new ArrayList<>();
        long[] noTime = {0};
        long[] outside = {0};
        ArticleHandler collector = new ArticleHandler() {
            @Override
            public void article(TextArticle a) {
                if (a.publishedAt() == null) {
                    noTime[0]++;
                    LOG.warn("{}: no publication time; a replay cannot place it in time, skipped", a.origin());
                } else if ((from == null || !a.publishedAt().isBefore(from))
                        && (to == null || a.publishedAt().isBefore(to))) {
                    articles.add(a);
                } else {
                    outside[0]++;
                }
            }

            @Override
            public void bad(BadInputException e, byte[] input) {
                ingestor.deadLetter(e, input);
            }
        };
        for (Path f : SourceFiles.expand(paths, collector)) {
            ingestor.sources().read(f, Ingestor.sourceFromFile(f), n -> { }, collector);
        }
        skipped += noTime[0];
        articles.sort(Comparator.comparing(TextArticle::publishedAt).thenComparing(TextArticle::origin));
        LOG.info("replay: {} article(s) in the window{}{}", articles.size(),
                outside[0] > 0 ? ", " + outside[0] + " outside it" : "",
                noTime[0] > 0 ? ", " + noTime[0] + " without a publication time (skipped)" : "");
        return articles;
    }

    /** Collects, then publishes in order at the pacer's speed. Returns the ingestor's totals. */
    public IngestSummary replay(List<Path> paths, Instant from, Instant to) throws InterruptedException {
        List<TextArticle> articles = collect(paths, from, to);
        if (!articles.isEmpty()) {
            LOG.info("replay: {} .. {} at speed {}", articles.get(0).publishedAt(),
                    articles.get(articles.size() - 1).publishedAt(),
                    Double.isInfinite(pacer.speed()) ? "max" : pacer.speed());
        }
        progress.start(articles.size(), "articles");
        for (TextArticle a : articles) {
            pacer.awaitTurn(a.publishedAt());
            ingestor.publish(a);
            progress.advance(1);
        }
        ingestor.flush();
        progress.finish();
        return ingestor.summary();
    }

    /** Articles left out because they have no publication time. */
    public long skipped() {
        return skipped;
    }
}
