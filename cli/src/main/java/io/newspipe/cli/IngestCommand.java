package io.newspipe.cli;

import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.ingest.DirectoryWatcher;
import io.newspipe.ingest.FeedPoller;
import io.newspipe.ingest.FeedSettings;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.IngestSummary;
import io.newspipe.ingest.Ingestor;
import io.newspipe.ingest.Progress;
import io.newspipe.ingest.ReplayPacer;
import io.newspipe.ingest.UrlLists;
import io.newspipe.ingest.page.PageFetcher;
import io.newspipe.ingest.replay.ReplayDryRun;
import io.newspipe.ingest.replay.ReplayOptions;
import io.newspipe.ingest.replay.Replayer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code newspipe ingest}: publish article files, JSON Lines, RSS/Atom feeds (files or URLs), folders and gzip of any
 * of these to the raw topic; keep watching folders and polling feeds with {@code --watch}; or replay archives in
 * publication order with {@code --replay}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read articles and publish them as RawArticle records: text files (optional RFC 822 header), "
                + "JSON Lines, RSS 2.0/Atom feeds (files or --feed URLs), folders recursively, gzip of any of these.",
            "With --watch: keep ingesting new files in the folders and poll the feeds every --poll-interval.",
            "With --replay: re-publish archives in publication-time order with their original timestamps, "
                + "paced by --speed and bounded by --from/--to."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Article files, archives, feed files or folders.")
    List<Path> paths = new ArrayList<>();

    @Mixin
    IngestOptions ingest = new IngestOptions();

    private List<URI> feeds = List.of();

    @Mixin
    ReplayWindowOptions window = ReplayWindowOptions.optional();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Mixin
    PageFetchOptions pages = new PageFetchOptions();

    private PageFetcher pageFetcher;

    @Override
    public Integer call() throws InterruptedException {
        feeds = parseFeeds();
        validate();
        IngestOptions.Mode mode = ingest.mode();
        if (mode.dryRun()) {
            ReplayDryRun.of(Ingestor.sourceFiles(ingest.maxArticleBytes()), paths, window.from(), window.to(),
                    ingest.value(IngestOptions.REPLAY_WORK_DIR).resolve("dry-run-" + ProcessHandle.current().pid()),
                    ingest.memoryBudgetBytes())
                    .print(System.out);
            return 0;
        }
        try (Ingestor ingestor = Stages.ingestor(connection, ingest.maxArticleBytes())) {
            Progress progress = Progress.create(System.console() != null, System.err, Duration.ofSeconds(10));
            IngestSummary summary;
            if (mode.replay()) {
                if (!feeds.isEmpty()) {
                    System.err.println("ingest --replay: replaying archive files only; the " + feeds.size()
                            + " feed URL(s) are not polled in a replay");
                }
                Replayer replayer = new Replayer(ingestor, ReplayPacer.of(ReplayPacer.parseSpeed(ingest.value(IngestOptions.SPEED))), progress,
                        new ReplayOptions(ingest.memoryBudgetBytes(), ingest.value(IngestOptions.REPLAY_WORK_DIR),
                                Duration.ofSeconds(5), mode.fresh()), connection.rawTopic());
                summary = replayer.replay(paths, window.from(), window.to());
                System.out.println("replay: " + summary + (replayer.skipped() > 0 ? ", skipped without a "
                        + "publication time " + replayer.skipped() : "") + (replayer.resumedPast() > 0
                        ? ", published before the restart " + replayer.resumedPast() : ""));
                return summary.deadLetters() > 0 ? 2 : 0;
            }
            if (!paths.isEmpty()) {
                ingestor.progress(progress);
            }
            List<DirectoryWatcher> watchers = new ArrayList<>();
            if (mode.watch()) {
                for (Path p : paths) {
                    DirectoryWatcher w = new DirectoryWatcher(p, ingestor, Duration.ofSeconds(1));
                    w.skipExisting(); // ingested just below; the watcher takes what arrives or changes afterwards
                    watchers.add(w);
                }
            }
            summary = ingestor.ingestPaths(paths);
            FeedPoller poller = feeds.isEmpty() ? null : new FeedPoller(feeds, ingestor,
                    FeedSettings.defaults(ingest.value(IngestOptions.STATE_DIR),
                    ingest.value(IngestOptions.POLL_INTERVAL)));
            if (poller != null && pages.enabled() || !urlLists().isEmpty()) {
                pageFetcher = new PageFetcher(pages.settings());
            }
            if (poller != null && pages.enabled()) {
                poller.fetchPages(pageFetcher);
            }
            for (Path list : urlLists()) {
                new UrlLists(ingestor, pageFetcher, ingest.value(IngestOptions.STATE_DIR)).ingest(list);
                summary = ingestor.summary();
            }
            if (!mode.watch()) {
                if (poller != null) {
                    poller.pollAll();
                    ingestor.flush();
                    summary = ingestor.summary();
                }
                System.out.println("ingest: " + summary);
                return summary.deadLetters() > 0 ? 2 : 0;
            }
            System.out.println("ingest: " + summary + "; watching " + paths.size() + " path(s) and " + feeds.size()
                    + " feed(s), Ctrl-C stops");
            try (MetricsServer server = metrics.start("ingest")) {
                bindMetrics(server, ingestor);
                server.readyWhen(() -> true); // watching: ready as long as the process runs
                runUntilStopped(watchers, poller);
            }
            summary = ingestor.summary();
            System.out.println("ingest: " + summary);
            return summary.deadLetters() > 0 ? 2 : 0;
        } finally {
            if (pageFetcher != null) {
                pageFetcher.close();
            }
        }
    }

    private static void bindMetrics(MetricsServer server, Ingestor ingestor) {
        var r = server.registry();
        io.micrometer.core.instrument.FunctionCounter.builder("newspipe.ingest.published", ingestor,
                i -> i.summary().published()).description("articles published to the raw topic").register(r);
        io.micrometer.core.instrument.FunctionCounter.builder("newspipe.ingest.duplicates", ingestor,
                i -> i.summary().duplicates()).description("inputs with an id already published in this run")
                .register(r);
        io.micrometer.core.instrument.FunctionCounter.builder("newspipe.dead.letters", ingestor,
                i -> i.summary().deadLetters()).description("records sent to the dead letter topic")
                .tag("stage", "ingest").tag("reason", "all").register(r);
    }

    private static void runUntilStopped(List<DirectoryWatcher> watchers, FeedPoller poller)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        watchers.forEach(w -> threads.add(new Thread(w, "newspipe-watch")));
        if (poller != null) {
            threads.add(new Thread(poller, "newspipe-feeds"));
        }
        threads.forEach(Thread::start);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            watchers.forEach(DirectoryWatcher::stop);
            if (poller != null) {
                poller.stop();
            }
            threads.forEach(Thread::interrupt);
            try {
                main.join(15_000); // let the ingestor flush and close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newspipe-ingest-stop"));
        for (Thread t : threads) {
            t.join();
        }
    }

    /** The URL lists given (an empty NEWSPIPE_INGEST_URL_LISTS means none). */
    private List<Path> urlLists() {
        return ingest.list(IngestOptions.URL_LISTS);
    }

    private List<URI> parseFeeds() {
        List<URI> out = new ArrayList<>();
        for (String f : ingest.list(IngestOptions.FEEDS)) { // an empty NEWSPIPE_INGEST_FEEDS means no feeds
            try {
                URI u = new URI(f.trim());
                if (u.getScheme() == null || !u.getScheme().matches("(?i)https?") || u.getHost() == null) {
                    throw new java.net.URISyntaxException(f, "not an http(s) URL");
                }
                out.add(u);
            } catch (java.net.URISyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--feed " + f.trim() + ": not an "
                        + "http(s) URL (" + e.getReason() + "); pass feed files as PATH instead");
            }
        }
        return out;
    }

    private void validate() {
        List<String> problems = new ArrayList<>(SettingGroup.problemsOf(spec));
        if (paths.isEmpty() && feeds.isEmpty() && urlLists().isEmpty()) {
            problems.add("give at least one PATH or --feed URL (or --url-list FILE, or set NEWSPIPE_INGEST_FEEDS)");
        }
        IngestOptions.Mode mode = ingest.mode();
        if ((mode.dryRun() || mode.fresh()) && !mode.replay()) {
            problems.add("--dry-run and --fresh belong to a replay: add --replay");
        }
        if (mode.replay() && paths.isEmpty()) {
            problems.add("--replay needs archive files or folders (PATH…)");
        }
        if (mode.replay() && mode.watch()) {
            problems.add("--replay and --watch do not go together: a replay ends when the archives are published");
        }
        if (!mode.replay() && (window.from() != null || window.to() != null)) {
            problems.add("--from/--to bound a replay: add --replay");
        }
        if (window.from() != null && window.to() != null && !window.from().isBefore(window.to())) {
            problems.add("--from " + window.from() + " is not before --to " + window.to());
        }
        if (pages.enabled() || !urlLists().isEmpty()) {
            try {
                pages.settings();
            } catch (IllegalArgumentException e) {
                problems.add("page fetching: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
        }
    }
}
