package io.newspipe.cli;

import io.newspipe.sink.EnrichedConsumer;
import io.newspipe.sink.FileSinkApp;
import io.newspipe.sink.SinkSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newspipe sink}: write enriched articles to PostgreSQL (or JSON Lines files) until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Consume enriched articles and upsert them into PostgreSQL (or append them to daily JSON "
                + "Lines files with --to files) until Ctrl-C.")
final class SinkCommand implements Callable<Integer> {

    enum Target { postgres, files }

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Option(names = "--to", defaultValue = "${env:NEWSPIPE_SINK_TARGET:-postgres}",
            description = "postgres or files (env NEWSPIPE_SINK_TARGET; default ${DEFAULT-VALUE}).")
    Target target;

    @Option(names = "--output-dir", defaultValue = "${env:NEWSPIPE_SINK_OUTPUT_DIR:-enriched}",
            description = "Folder for --to files: one enriched-<yyyy-MM-dd>.jsonl per day (env "
                    + "NEWSPIPE_SINK_OUTPUT_DIR; default ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--group-id", defaultValue = "${env:NEWSPIPE_SINK_GROUP_ID:-" + Stages.DEFAULT_SINK_GROUP + "}",
            description = "Consumer group (env NEWSPIPE_SINK_GROUP_ID; default ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--batch-size", defaultValue = "${env:NEWSPIPE_SINK_BATCH_SIZE:-500}",
            description = "Records per write (env NEWSPIPE_SINK_BATCH_SIZE; default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--full-text-index", negatable = true,
            defaultValue = "${env:NEWSPIPE_SINK_FULL_TEXT_INDEX:-true}", fallbackValue = "true",
            description = "Keep full-text search documents of title and body (built by a background indexer, "
                    + "GIN indexed); --no-full-text-index drops them and their queue, when searching happens "
                    + "elsewhere (env NEWSPIPE_SINK_FULL_TEXT_INDEX; default ${DEFAULT-VALUE}).")
    boolean fullTextIndex;

    @Override
    public Integer call() {
        MetricsServer server = metrics.start("sink");
        EnrichedConsumer sink = target == Target.files
                ? new FileSinkApp(new SinkSettings(connection.bootstrapServers, connection.schemaRegistryUrl,
                        connection.enrichedTopic, connection.dlqTopic, groupId + "-files", null, null, null,
                        batchSize, connection.extraClientConfig()), outputDir, Clock.systemUTC(), server.registry())
                : Stages.sinkApp(connection, database, groupId, batchSize, fullTextIndex,
                        server.registry());
        server.readyWhen(sink::isReady);
        StopSignal signal = StopSignal.install("newspipe-sink-stop", sink::close);
        try {
            sink.run();
        } finally {
            server.close();
            signal.finished();
        }
        return 0;
    }
}
