package io.newspipe.cli;

import io.newspipe.enrich.EnrichApp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--application-id", defaultValue = "${env:NEWSPIPE_ENRICH_APPLICATION_ID:-"
            + Stages.DEFAULT_APPLICATION_ID + "}",
            description = "Kafka Streams application id (env NEWSPIPE_ENRICH_APPLICATION_ID; default ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--processing-guarantee", defaultValue = "${env:NEWSPIPE_ENRICH_PROCESSING_GUARANTEE:-exactly_once_v2}",
            description = "exactly_once_v2 or at_least_once (env NEWSPIPE_ENRICH_PROCESSING_GUARANTEE; "
                    + "default ${DEFAULT-VALUE}).")
    String guarantee;

    @Option(names = "--commit-interval-ms", defaultValue = "${env:NEWSPIPE_ENRICH_COMMIT_INTERVAL_MS:-100}",
            description = "Commit interval (env NEWSPIPE_ENRICH_COMMIT_INTERVAL_MS; default ${DEFAULT-VALUE}).")
    long commitIntervalMs;

    @Option(names = "--threads", defaultValue = "${env:NEWSPIPE_ENRICH_THREADS:-1}",
            description = "Stream threads of this instance; enrichment is CPU-bound, so up to one per core (env "
                    + "NEWSPIPE_ENRICH_THREADS; default ${DEFAULT-VALUE}). Partitions are shared among all the "
                    + "threads of all instances.")
    int threads;

    @Option(names = "--standby-replicas", defaultValue = "${env:NEWSPIPE_ENRICH_STANDBY_REPLICAS:-0}",
            description = "Warm copies of each task's state (dedup stores) kept by other instances, so that the "
                    + "tasks of a lost instance resume elsewhere without first restoring their state from the "
                    + "changelog topics; 1 with several instances (env NEWSPIPE_ENRICH_STANDBY_REPLICAS; default "
                    + "${DEFAULT-VALUE}).")
    int standbyReplicas;

    @Option(names = "--state-dir", defaultValue = "${env:NEWSPIPE_ENRICH_STATE_DIR:-/tmp/newspipe-streams}",
            description = "Kafka Streams state directory (env NEWSPIPE_ENRICH_STATE_DIR; default ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--dedup", negatable = true, defaultValue = "${env:NEWSPIPE_ENRICH_DEDUP:-true}",
            fallbackValue = "true", description = "Flag exact and near duplicates (env NEWSPIPE_ENRICH_DEDUP; "
                    + "default ${DEFAULT-VALUE}).")
    boolean dedup;

    @Option(names = "--dedup-max-distance", defaultValue = "${env:NEWSPIPE_ENRICH_DEDUP_MAX_DISTANCE:-3}",
            description = "Largest SimHash Hamming distance that counts as a near duplicate, 0-3 (env "
                    + "NEWSPIPE_ENRICH_DEDUP_MAX_DISTANCE; default ${DEFAULT-VALUE}).")
    int dedupMaxDistance;

    @Option(names = "--dedup-window", defaultValue = "${env:NEWSPIPE_ENRICH_DEDUP_WINDOW:-P7D}",
            description = "How far back an earlier copy counts, ISO-8601 (env NEWSPIPE_ENRICH_DEDUP_WINDOW; "
                    + "default ${DEFAULT-VALUE}).")
    java.time.Duration dedupWindow;

    @Option(names = "--route-prefix", defaultValue = "${env:NEWSPIPE_ENRICH_ROUTE_PREFIX:-}",
            description = "Also write each article to <prefix><label> for each of its topic labels, e.g. "
                    + "news.topic. (env NEWSPIPE_ENRICH_ROUTE_PREFIX; default: off). The topics are created "
                    + "with the partition count of the raw topic.")
    String routePrefix;

    @Override
    public Integer call() throws InterruptedException {
        if (threads < 1) {
            System.err.println("newspipe enrich: --threads must be at least 1");
            return 2;
        }
        if (standbyReplicas < 0) {
            System.err.println("newspipe enrich: --standby-replicas must be 0 or more");
            return 2;
        }
        io.newspipe.enrich.Enricher enricher = rulePacks.enricherOrReport("newspipe enrich");
        if (enricher == null) {
            return 2;
        }
        connection.overrides.put(org.apache.kafka.streams.StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        connection.overrides.put(org.apache.kafka.streams.StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        StopSignal signal = StopSignal.install("newspipe-enrich-stop", () -> { });
        try (MetricsServer server = metrics.start("enrich");
             EnrichApp app = Stages.enrichApp(connection, applicationId, guarantee, commitIntervalMs, stateDir,
                     new io.newspipe.enrich.dedup.DedupSettings(dedup, dedupMaxDistance, dedupWindow,
                             io.newspipe.enrich.dedup.DedupSettings.DEFAULTS.maxBucketSize()), routePrefix,
                     server.registry(), null, enricher)) {
            server.readyWhen(app::isReady);
            app.start();
            signal.await();
        } finally {
            signal.finished();
        }
        return 0;
    }
}
