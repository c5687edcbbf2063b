package io.newspipe.cli;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.schemas.AvroJson;
import io.newspipe.schemas.serde.AvroDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe tail}: print enriched articles as JSON lines. A corrected or updated article comes again with a
 * higher {@code revision}; a taken-down one (a tombstone) as {@code {"id": …, "taken_down": true}}.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print records of the enriched topic as JSON lines (read_committed). An article whose text "
                + "changed comes again with \"revision\": 2, 3, …; a taken-down article prints as "
                + "{\"id\": …, \"taken_down\": true}. Without --follow it stops at the end of the topic.")
final class TailCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    static final Setting<String> LABEL = Setting.text("--label", null, null,
            "Only articles tagged with this topic label (e.g. politics)");
    static final Setting<Boolean> FROM_BEGINNING = Setting.toggle("--from-beginning",
            "Start at the oldest record instead of the newest");
    static final Setting<Boolean> FOLLOW = Setting.toggle("--follow", "Keep waiting for new records until Ctrl-C");
    static final Setting<Long> MAX = Setting.longNumber("--max", null, "-1",
            "Stop after this many records; -1 for no limit");

    @Mixin
    SettingGroup reading = SettingGroup.of(LABEL, FROM_BEGINNING, FOLLOW, MAX);

    PrintStream out = System.out;

    private static final com.fasterxml.jackson.databind.ObjectMapper TAKEN_DOWN =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    public Integer call() {
        String label = reading.value(LABEL);
        long max = reading.value(MAX);
        Map<String, Object> c = new HashMap<>(connection.extraClientConfig());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "newspipe-tail-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reading.isOn(FROM_BEGINNING) ? "earliest" : "latest");
        Map<String, Object> serde = new HashMap<>(connection.extraClientConfig());
        serde.put("schema.registry.url", connection.schemaRegistryUrl());
        AvroDeserializer<EnrichedArticle> deserializer = new AvroDeserializer<>(EnrichedArticle.class);
        deserializer.configure(serde, false);
        AtomicBoolean stopping = new AtomicBoolean();
        long printed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                stopping.set(true);
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            consumer.subscribe(List.of(connection.enrichedTopic()));
            try {
                while (max < 0 || printed < max) {
                    var records = consumer.poll(Duration.ofMillis(500));
                    for (ConsumerRecord<String, byte[]> r : records) {
                        EnrichedArticle a;
                        try {
                            a = deserializer.deserialize(r.topic(), r.value());
                        } catch (RuntimeException e) {
                            System.err.println("newspipe tail: skipping unreadable record " + r.topic() + "-"
                                    + r.partition() + "@" + r.offset() + ": " + e.getMessage());
                            continue;
                        }
                        if (a == null && r.key() != null && label == null) {
                            // a tombstone: the article was taken down, and consumers should delete their copy
                            out.println(TAKEN_DOWN.createObjectNode().put("id", r.key()).put("taken_down", true));
                            continue;
                        }
                        if (a == null || label != null && a.getTopics().stream()
                                .noneMatch(t -> t.getLabel().equals(label))) {
                            continue;
                        }
                        out.println(AvroJson.compact(a));
                        if (max >= 0 && ++printed >= max) {
                            break;
                        }
                    }
                    if (!reading.isOn(FOLLOW) && records.isEmpty() && atEnd(consumer)) {
                        break;
                    }
                }
            } catch (WakeupException e) {
                if (!stopping.get()) {
                    throw e;
                }
            }
            if (!stopping.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return 0;
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer) {
        var assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment);
        for (TopicPartition tp : assignment) {
            if (consumer.position(tp) < ends.get(tp)) {
                return false;
            }
        }
        return true;
    }
}
