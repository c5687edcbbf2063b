package io.newspipe.cli;

import io.newspipe.enrich.EnrichApp;
import io.newspipe.enrich.Enricher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe enrich}: run the enrich Streams app until stopped. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich Kafka Streams app (raw -> enriched, bad records -> dead letters) until Ctrl-C.")
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Mixin
    RulePackOptions rulePacks = new RulePackOptions();

    @Mixin
    EnrichOptions enrich = new EnrichOptions();

    @Override
    public Integer call() throws InterruptedException {
        Enricher enricher = rulePacks.enricherOrReport("newspipe enrich");
        if (enricher == null) {
            return 2;
        }
        enrich.applyTo(connection);
        StopSignal signal = StopSignal.install("newspipe-enrich-stop", () -> { });
        try (MetricsServer server = metrics.start("enrich");
             EnrichApp app = Stages.enrichApp(connection, enrich.stageSettings().withEnricher(enricher)
                     .withRegistry(server.registry()))) {
            server.readyWhen(app::isReady);
            app.start();
            signal.await();
        } finally {
            signal.finished();
        }
        return 0;
    }
}
