package io.newspipe.ingest.replay;

import io.newspipe.ingest.ArticleHandler;
import io.newspipe.ingest.BadInputException;
import io.newspipe.ingest.SourceFiles;
import io.newspipe.ingest.TextArticle;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a replay would publish, without publishing anything or touching Kafka: articles per day (UTC) and per outlet
 * in the window, those without a publication time, those outside the window, and bad input by reason. Copies of an
 * article at the same publication time are counted once, as the replay publishes them. Memory grows with the number
 * of days and outlets, not with the archive.
 */
public final class ReplayDryRun {

    private final Map<LocalDate, Long> perDay = new TreeMap<>();
    private final Map<String, Long> perOutlet = new TreeMap<>();
    private final Map<String, Long> badByReason = new TreeMap<>();
    private long articles;
    private long copies;
    private long withoutTime;
    private long outside;

    /** Reads the archives in a memory budget (sorting is needed to count copies once) and counts. */
    public static ReplayDryRun of(SourceFiles sources, List<Path> paths, Instant from, Instant to, Path workDir,
            long memoryBudgetBytes) {
        ReplayDryRun run = new ReplayDryRun();
        ArticleHandler bad = new ArticleHandler() {
            @Override
            public void article(TextArticle article) {
                throw new IllegalStateException("not an article handler");
            }

            @Override
            public void bad(BadInputException problem, byte[] input) {
                run.badByReason.merge(problem.reason(), 1L, Long::sum);
            }
        };
        ArchiveReader reader = new ArchiveReader(sources, paths, from, to, bad);
        try (ExternalSorter sorter = new ExternalSorter(workDir, memoryBudgetBytes)) {
            reader.read(sorter::add, bad, bytes -> { });
            ReplayEntry previous = null;
            for (var entries = sorter.sorted(); entries.hasNext(); ) {
                ReplayEntry entry = entries.next();
                if (entry.sameArticleAs(previous)) {
                    run.copies++;
                } else {
                    run.count(entry);
                }
                previous = entry;
            }
        }
        run.withoutTime = reader.withoutTime();
        run.outside = reader.outside();
        return run;
    }

    private void count(ReplayEntry entry) {
        articles++;
        perDay.merge(Instant.ofEpochMilli(entry.publishedAtMillis()).atZone(ZoneOffset.UTC).toLocalDate(), 1L,
                Long::sum);
        String outlet = entry.article().source() == null ? "(unknown)" : entry.article().source();
        perOutlet.merge(outlet, 1L, Long::sum);
    }

    public long articles() {
        return articles;
    }

    public long copies() {
        return copies;
    }

    public long withoutTime() {
        return withoutTime;
    }

    public long outside() {
        return outside;
    }

    public Map<LocalDate, Long> perDay() {
        return perDay;
    }

    public Map<String, Long> perOutlet() {
        return perOutlet;
    }

    public Map<String, Long> badByReason() {
        return badByReason;
    }

    /** The report as a person reads it. */
    public void print(PrintStream out) {
        out.println("replay --dry-run: would publish " + articles + " article(s)"
                + (copies > 0 ? " (" + copies + " copies at the same time published once)" : ""));
        out.println("  without a publication time (skipped): " + withoutTime);
        out.println("  outside --from/--to: " + outside);
        out.println("  bad input (would be dead-lettered): "
                + (badByReason.isEmpty() ? "0" : badByReason.toString().replaceAll("[{}]", "")));
        out.println("per day (UTC):");
        perDay.forEach((day, count) -> out.printf("  %s %8d%n", day, count));
        out.println("per outlet:");
        perOutlet.forEach((outlet, count) -> out.printf("  %-40s %8d%n", outlet, count));
    }
}
