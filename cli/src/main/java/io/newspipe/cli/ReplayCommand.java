package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe replay --from T1 --to T2}: runs the enrich topology over the {@code news.raw} records whose
 * timestamps fall in [T1, T2), under its own application id (so the live app's committed offsets and state are
 * untouched), writing to {@code news.enriched} (the sink's upsert makes that idempotent) or to {@code
 * --to-topic}; it finds the start offsets by timestamp, and stops by itself when every partition has passed the
 * end of the window.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Reprocess the raw records of a time window through enrich, under its own application id, "
                + "then stop.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    RulePackOptions rulePacks = new RulePackOptions();

    @Mixin
    ReplayWindowOptions window = ReplayWindowOptions.required();

    static final Setting<String> TO_TOPIC = Setting.text("--to-topic", null, null,
            "Write here instead of the enriched topic (a side topic; it must exist)");
    static final Setting<String> APPLICATION_ID = EnrichOptions.APPLICATION_ID.withoutEnvironment().withDefault(null)
            .withDoc("Streams application id (default: newspipe-replay-<from>-<to>, so a repeated replay of the same "
                    + "window starts afresh only if you pick a new id)");
    static final Setting<Duration> TIMEOUT = Setting.duration("--timeout", null, "PT1H", "Give up after this long");

    @Mixin
    SettingGroup run = SettingGroup.of(TO_TOPIC, APPLICATION_ID, TIMEOUT);

    @Mixin
    SettingGroup state = SettingGroup.of(EnrichOptions.STATE_DIR);

    @Override
    public Integer call() throws Exception {
        Instant from = window.from();
        Instant to = window.to();
        if (!from.isBefore(to)) {
            System.err.println("newspipe replay: --from must be before --to");
            return 2;
        }
        io.newspipe.enrich.Enricher enricher = rulePacks.enricherOrReport("newspipe replay");
        if (enricher == null) {
            return 2;
        }
        String toTopic = run.value(TO_TOPIC);
        String applicationId = run.value(APPLICATION_ID);
        Duration timeout = run.value(TIMEOUT);
        String appId = applicationId != null ? applicationId
                : "newspipe-replay-" + from.toEpochMilli() + "-" + to.toEpochMilli();
        Map<String, Object> admin = io.newspipe.schemas.registry.RegistryConfig.kafkaClientConfig(
                connection.bootstrapServers(), connection.extraClientConfig());
        Map<TopicPartition, Long> start;
        Map<TopicPartition, Long> end;
        try (Admin a = Admin.create(admin)) {
            List<TopicPartition> partitions = a.describeTopics(List.of(connection.rawTopic())).allTopicNames().get()
                    .get(connection.rawTopic()).partitions().stream()
                    .map(p -> new TopicPartition(connection.rawTopic(), p.partition())).toList();
            start = offsetsFor(a, partitions, OffsetSpec.forTimestamp(from.toEpochMilli()));
            // to the log end as it is now: records are not always in timestamp order, the window filter decides
            end = offsetsFor(a, partitions, OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            start.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
            // a fresh group: position it at the window's start before Streams joins it
            a.alterConsumerGroupOffsets(appId, commit).all().get();
        }
        long records = 0;
        for (TopicPartition tp : start.keySet()) {
            records += Math.max(0, end.get(tp) - start.get(tp));
        }
        end.keySet().removeIf(tp -> end.get(tp) <= start.get(tp)); // nothing to read there
        System.err.printf("newspipe replay: reading %d raw record(s) from the first at or after %s; enriching those "
                + "before %s; application id %s%n", records, from, to, appId);
        ConnectionOptions out = connection.writingTo(toTopic != null ? toTopic : connection.enrichedTopic());
        java.util.Set<String> takenDown;
        try (io.newspipe.ingest.TakedownList list = Stages.takedowns(connection)) {
            takenDown = list.ids(); // never enriched again: the replay must not bring a taken-down article back
        }
        if (!takenDown.isEmpty()) {
            System.err.printf("newspipe replay: skipping %d taken-down article(s)%n", takenDown.size());
        }
        Path stateDir = Files.createDirectories(state.value(EnrichOptions.STATE_DIR).resolve(appId));
        try (EnrichApp app = Stages.enrichApp(out, EnrichStageSettings.of(appId, stateDir).withEnricher(enricher)
                .withWindow(new io.newspipe.enrich.EnrichTopology.Window(from, to, takenDown)))) {
            app.start();
            try (Admin a = Admin.create(admin)) {
                Deadline.await("the replay to pass the end of the window", timeout, Duration.ofMillis(500),
                        () -> passed(a, appId, end));
                // the last articles still travel through the dedup repartition topics: wait until the app has
                // read every one of its input partitions to the end, twice in a row
                int[] drainedInARow = {0};
                Deadline.await("the replay's internal topics to drain", timeout, Duration.ofMillis(500), () -> {
                    drainedInARow[0] = drained(a, appId) ? drainedInARow[0] + 1 : 0;
                    return drainedInARow[0] >= 2;
                });
            }
        }
        System.err.println("newspipe replay: done");
        return 0;
    }

    private static Map<TopicPartition, Long> offsetsFor(Admin a, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, spec));
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = a.listOffsets(query).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = a.listOffsets(latest).all().get();
        Map<TopicPartition, Long> out = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long o = found.get(tp).offset();
            out.put(tp, o < 0 ? ends.get(tp).offset() : o); // no record at or after the time: the log end
        }
        return out;
    }

    /** Every partition the group reads is committed up to its last stable offset. */
    private static boolean drained(Admin a, String group) {
        return committedUpTo(a, group, committed -> {
            Map<TopicPartition, OffsetSpec> query = new HashMap<>();
            committed.keySet().forEach(tp -> query.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            a.listOffsets(query, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                    org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        });
    }

    /** The group has committed at least {@code end} in every partition of it. */
    private static boolean passed(Admin a, String group, Map<TopicPartition, Long> end) {
        return committedUpTo(a, group, committed -> end);
    }

    /** Targets per partition, worked out from the group's committed offsets. */
    @FunctionalInterface
    private interface Targets {
        Map<TopicPartition, Long> of(Map<TopicPartition, OffsetAndMetadata> committed)
                throws InterruptedException, ExecutionException;
    }

    /** Whether the group's committed offset reaches the target in every partition that has one. */
    private static boolean committedUpTo(Admin a, String group, Targets targets) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, Long> e : targets.of(committed).entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                if (c == null || c.offset() < e.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
