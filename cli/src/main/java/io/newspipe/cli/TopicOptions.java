package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.time.Duration;
import java.util.List;

/** {@code topics create} settings: partitions, replication and retention of the topics, and the wait for brokers. */
public final class TopicOptions extends SettingGroup {

    public static final Setting<Integer> PARTITIONS = Setting.number("--partitions", "NEWSPIPE_TOPICS_PARTITIONS", "3",
            "Partitions of each topic: the most instances of a stage that share the work")
            .withRule(Setting.atLeast(1), "must be at least 1");
    static final Setting<Integer> REPLICATION_FACTOR = Setting.number("--replication-factor",
            "NEWSPIPE_TOPICS_REPLICATION_FACTOR", "1", "Replicas of each partition; at most the number of brokers")
            .withRule(n -> n >= 1 && n <= Short.MAX_VALUE, "must be at least 1");
    static final Setting<Long> RAW_RETENTION_MS = Setting.longNumber("--raw-retention-ms",
            "NEWSPIPE_TOPICS_RAW_RETENTION_MS", "-1", "retention.ms of the raw topic, the replay source; -1 keeps "
                    + "records forever");
    static final Setting<Long> ENRICHED_RETENTION_MS = Setting.longNumber("--enriched-retention-ms",
            "NEWSPIPE_TOPICS_ENRICHED_RETENTION_MS", "604800000", "retention.ms of the enriched topic (7 days by "
                    + "default); it can be rebuilt from the raw topic");
    static final Setting<Long> DLQ_RETENTION_MS = Setting.longNumber("--dlq-retention-ms",
            "NEWSPIPE_TOPICS_DLQ_RETENTION_MS", "2592000000", "retention.ms of the dead letter topic (30 days by "
                    + "default)");
    static final Setting<Duration> WAIT = Setting.duration("--wait", "NEWSPIPE_TOPICS_WAIT", "PT2M",
            "How long to wait for the broker(s)");

    TopicOptions() {
        super(List.of(PARTITIONS, REPLICATION_FACTOR, RAW_RETENTION_MS, ENRICHED_RETENTION_MS, DLQ_RETENTION_MS,
                WAIT));
    }

    int partitions() {
        return value(PARTITIONS);
    }

    short replicationFactor() {
        return value(REPLICATION_FACTOR).shortValue();
    }
}
