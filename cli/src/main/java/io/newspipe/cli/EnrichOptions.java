package io.newspipe.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.enrich.dedup.DedupSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.StreamsConfig;

/** The enrich stage's settings: its Kafka Streams application, threads and state, duplicate detection, routing. */
public final class EnrichOptions extends SettingGroup {

    public static final Setting<String> APPLICATION_ID = Setting.text("--application-id", "NEWSPIPE_ENRICH_APPLICATION_ID",
            "newspipe-enrich", "Kafka Streams application id of enrich (the console shows its lag)");
    public static final Setting<String> PROCESSING_GUARANTEE = Setting.text("--processing-guarantee",
            "NEWSPIPE_ENRICH_PROCESSING_GUARANTEE", StreamsConfig.EXACTLY_ONCE_V2, "exactly_once_v2 or at_least_once")
            .withRule(g -> g.equals(StreamsConfig.EXACTLY_ONCE_V2) || g.equals(StreamsConfig.AT_LEAST_ONCE),
                    "must be exactly_once_v2 or at_least_once");
    public static final Setting<Long> COMMIT_INTERVAL_MS = Setting.longNumber("--commit-interval-ms",
            "NEWSPIPE_ENRICH_COMMIT_INTERVAL_MS", "100", "Commit interval; under exactly-once each commit ends a "
                    + "transaction: lower means lower latency and fewer articles/s").withRule(Setting.atLeast(1),
            "must be at least 1");
    public static final Setting<Integer> THREADS = Setting.number("--threads", "NEWSPIPE_ENRICH_THREADS", "1",
            "Stream threads of one instance; enrichment is CPU-bound, so up to one per core. Partitions are shared "
                    + "among all the threads of all instances").withRule(Setting.atLeast(1), "must be at least 1");
    public static final Setting<Integer> STANDBY_REPLICAS = Setting.number("--standby-replicas",
            "NEWSPIPE_ENRICH_STANDBY_REPLICAS", "0", "Warm copies of each task's state (dedup stores) kept by other "
                    + "instances, so that the tasks of a lost instance resume elsewhere without first restoring their "
                    + "state from the changelog topics; 1 with several instances")
            .withRule(Setting.atLeast(0), "must be 0 or more");
    public static final Setting<Path> STATE_DIR = Setting.path("--state-dir", "NEWSPIPE_ENRICH_STATE_DIR",
            "/tmp/newspipe-streams", "Kafka Streams state directory");
    public static final Setting<Boolean> DEDUP = Setting.flag("--dedup", "NEWSPIPE_ENRICH_DEDUP", "true",
            "Flag exact and near duplicates");
    public static final Setting<Double> DEDUP_MIN_CONTAINMENT = Setting.decimal("--dedup-min-containment",
            "NEWSPIPE_ENRICH_DEDUP_MIN_CONTAINMENT", Double.toString(DedupSettings.DEFAULT_MIN_CONTAINMENT),
            "Least share of the smaller text's word 3-shingles found in the larger (estimated from their sketches) "
                    + "that, with the same numbers, makes a near duplicate; replaces --dedup-max-distance")
            .withRule(c -> c > 0 && c <= 1, "must be above 0 and at most 1 (0.5 is what the labelled duplicate pairs "
                    + "chose)");
    public static final Setting<Duration> DEDUP_WINDOW = Setting.duration("--dedup-window", "NEWSPIPE_ENRICH_DEDUP_WINDOW",
            "P7D", "How far back an earlier copy counts").withRule(w -> !w.isNegative() && !w.isZero(),
            "must be positive");
    public static final Setting<String> ROUTE_PREFIX = Setting.text("--route-prefix", "NEWSPIPE_ENRICH_ROUTE_PREFIX", "",
            "Also write each article to <prefix><label> for each of its topic labels, e.g. news.topic. makes "
                    + "news.topic.politics; off when empty. The topics are created with the partition count of the "
                    + "raw topic");

    EnrichOptions() {
        super(List.of(APPLICATION_ID, PROCESSING_GUARANTEE, COMMIT_INTERVAL_MS, THREADS, STANDBY_REPLICAS, STATE_DIR,
                DEDUP, DEDUP_MIN_CONTAINMENT, DEDUP_WINDOW, ROUTE_PREFIX));
    }

    /** The Kafka Streams settings these options set on top of the connection's client settings. */
    void applyTo(ConnectionOptions connection) {
        connection.override(StreamsConfig.NUM_STREAM_THREADS_CONFIG, value(THREADS));
        connection.override(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, value(STANDBY_REPLICAS));
    }

    /** How the enrich app runs, from these options. */
    EnrichStageSettings stageSettings() {
        DedupSettings dedup = new DedupSettings(value(DEDUP), value(DEDUP_MIN_CONTAINMENT), value(DEDUP_WINDOW),
                DedupSettings.DEFAULTS.maxBucketSize());
        return new EnrichStageSettings(value(APPLICATION_ID), value(PROCESSING_GUARANTEE), value(COMMIT_INTERVAL_MS),
                value(STATE_DIR), dedup, value(ROUTE_PREFIX), null, null, new SimpleMeterRegistry());
    }
}
