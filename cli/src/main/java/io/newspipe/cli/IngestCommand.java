package io.newspipe.cli;

import io.newspipe.ingest.DirectoryWatcher;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.IngestSummary;
import io.newspipe.ingest.Ingestor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newspipe ingest}: publish article files (or folders) to the raw topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read article files or folders (recursively) and publish them as RawArticle records.")
final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files or folders.")
    List<Path> paths;

    @Option(names = "--watch", description = "Keep running and ingest new files that appear in the folders.")
    boolean watch;

    @Option(names = "--max-article-bytes", defaultValue = "${env:NEWSPIPE_INGEST_MAX_ARTICLE_BYTES:-"
            + IngestSettings.DEFAULT_MAX_ARTICLE_BYTES + "}",
            description = "Articles larger than this go to the dead letter topic (env "
                    + "NEWSPIPE_INGEST_MAX_ARTICLE_BYTES; default ${DEFAULT-VALUE}).")
    long maxArticleBytes;

    @Override
    public Integer call() throws InterruptedException {
        try (Ingestor ingestor = Stages.ingestor(connection, maxArticleBytes)) {
            IngestSummary summary = ingestor.ingestPaths(paths);
            System.out.println("ingest: " + summary);
            if (watch) {
                List<DirectoryWatcher> watchers = paths.stream()
                        .map(p -> new DirectoryWatcher(p, ingestor, Duration.ofSeconds(1))).toList();
                List<Thread> threads = watchers.stream().map(w -> start(new Thread(w, "watch")))
                        .toList();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> watchers.forEach(DirectoryWatcher::stop)));
                for (Thread t : threads) {
                    t.join();
                }
            }
            return summary.deadLetters() > 0 ? 2 : 0;
        }
    }

    private static Thread start(Thread t) {
        t.start();
        return t;
    }
}
