package io.newspipe.console;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The questions the overview asks Kafka, through the AdminClient (end offsets, newest timestamps, committed
 * offsets, group state) and one group-less consumer that reads the timestamp of a record at a given offset. Used
 * from one thread (the consumer is not thread-safe).
 */
final class KafkaProbe implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    KafkaProbe(Map<String, Object> kafka) {
        Map<String, Object> admin = new HashMap<>(kafka);
        admin.put("client.id", "newspipe-console-admin");
        this.admin = Admin.create(admin);
        Map<String, Object> c = new HashMap<>(kafka);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "newspipe-console-" + UUID.randomUUID());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1 << 20);
        this.reader = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The partitions of a topic (empty when it does not exist). */
    List<TopicPartition> partitions(String topic) throws Exception {
        try {
            var d = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return d.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw e;
        }
    }

    /** The end offset of each partition. */
    Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) throws Exception {
        return offsets(partitions, OffsetSpec.latest());
    }

    /** The largest record timestamp of each partition (-1 when empty). */
    Map<TopicPartition, Long> newestTimestamps(List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(p -> spec.put(p, OffsetSpec.maxTimestamp()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(spec).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((p, info) -> out.put(p, info.timestamp()));
        return out;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec what) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(p -> spec.put(p, what));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(spec).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((p, info) -> out.put(p, info.offset()));
        return out;
    }

    /** The offsets a consumer group committed (partitions it never committed are absent). */
    Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> r = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new HashMap<>();
        r.forEach((p, m) -> {
            if (m != null) {
                out.put(p, m.offset());
            }
        });
        return out;
    }

    /** The state and member count of a consumer group, e.g. {@code STABLE, 1}; null when it cannot be told. */
    GroupState group(String group) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new GroupState(String.valueOf(d.groupState()), d.members().size());
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A consumer group's state and member count. */
    record GroupState(String state, int members) {
    }

    /**
     * The timestamp of the first record at or after {@code offset} and before {@code end}, or -1 when there is none
     * (only transaction markers, which take offsets but are not records) or none could be read in time.
     */
    long timestampAt(TopicPartition partition, long offset, long end) {
        reader.assign(List.of(partition));
        reader.seek(partition, offset);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(100))) {
                return r.offset() < end ? r.timestamp() : -1;
            }
            if (reader.position(partition) >= end) {
                return -1;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        reader.close();
        admin.close(Duration.ofSeconds(2));
    }
}
