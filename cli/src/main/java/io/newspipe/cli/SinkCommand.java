package io.newspipe.cli;

import io.newspipe.sink.EnrichedConsumer;
import io.newspipe.sink.FileSinkApp;
import io.newspipe.sink.SinkSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe sink}: write enriched articles to PostgreSQL (or JSON Lines files) until stopped. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Consume enriched articles and upsert them into PostgreSQL (or append them to daily JSON "
                + "Lines files with --to files) until Ctrl-C.")
final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Mixin
    SinkOptions sink = new SinkOptions();

    @Override
    public Integer call() {
        MetricsServer server = metrics.start("sink");
        SinkStageSettings stage = sink.stageSettings().withRegistry(server.registry());
        EnrichedConsumer consumer = sink.value(SinkOptions.TARGET) == SinkOptions.Target.files
                ? new FileSinkApp(new SinkSettings(connection.bootstrapServers(), connection.schemaRegistryUrl(),
                        connection.enrichedTopic(), connection.dlqTopic(), stage.groupId() + "-files", null, null,
                        null, stage.batchSize(), connection.extraClientConfig()),
                        sink.value(SinkOptions.OUTPUT_DIR), Clock.systemUTC(), server.registry())
                : Stages.sinkApp(connection, database, stage);
        server.readyWhen(consumer::isReady);
        StopSignal signal = StopSignal.install("newspipe-sink-stop", consumer::close);
        try {
            consumer.run();
        } finally {
            server.close();
            signal.finished();
        }
        return 0;
    }
}
