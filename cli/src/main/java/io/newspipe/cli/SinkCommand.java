package io.newspipe.cli;

import io.newspipe.sink.SinkApp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newspipe sink}: upsert enriched articles into PostgreSQL until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Consume enriched articles and upsert them into PostgreSQL until Ctrl-C.")
final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--group-id", defaultValue = "${env:NEWSPIPE_SINK_GROUP_ID:-" + Stages.DEFAULT_SINK_GROUP + "}",
            description = "Consumer group (env NEWSPIPE_SINK_GROUP_ID; default ${DEFAULT-VALUE}).")
    String groupId;

    @Option(names = "--batch-size", defaultValue = "${env:NEWSPIPE_SINK_BATCH_SIZE:-500}",
            description = "Rows per database transaction (env NEWSPIPE_SINK_BATCH_SIZE; default ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws InterruptedException {
        SinkApp sink = Stages.sinkApp(connection, database, groupId, batchSize);
        Thread runner = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sink.close();
            try {
                runner.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        sink.run();
        return 0;
    }
}
