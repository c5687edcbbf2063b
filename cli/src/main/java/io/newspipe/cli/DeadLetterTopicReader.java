package io.newspipe.cli;

import io.newspipe.avro.DeadLetter;
import io.newspipe.common.Deadline;
import io.newspipe.schemas.serde.AvroDeserializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dead letter topic for {@code dlq list} and {@code dlq redrive}: from its beginning to the end offsets it
 * had at the start (read_committed), by assigning its partitions, so nothing is committed and a read can be repeated.
 */
final class DeadLetterTopicReader {

    private DeadLetterTopicReader() {
    }

    /** Gets each dead letter that matched, with its own place in the dlq topic. */
    @FunctionalInterface
    interface Visitor {
        void letter(DeadLetter letter, int dlqPartition, long dlqOffset) throws IOException;
    }

    /** What one read of the topic saw. */
    record ReadCounts(long read, long matched, long unreadable) {
    }

    /** The counts while reading (the poll loop runs in a lambda). */
    private static final class Tally {
        long read;
        long matched;
        long unreadable;
    }

    /**
     * Reads the dead letter topic from the beginning to its end offsets (last stable offsets) taken at the start,
     * handing the letters {@code selection} matches to {@code visitor}; a record that is not a readable
     * {@code DeadLetter} is reported on {@code err} and counted.
     */
    static ReadCounts read(ConnectionOptions connection, DlqCommand.Selection selection, PrintWriter err,
                           String command, Visitor visitor) throws IOException {
        Map<String, Object> c = new HashMap<>(connection.extraClientConfig());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "newspipe-dlq-" + UUID.randomUUID());
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Object> serde = new HashMap<>(connection.extraClientConfig());
        serde.put("schema.registry.url", connection.schemaRegistryUrl());
        AvroDeserializer<DeadLetter> deserializer = new AvroDeserializer<>(DeadLetter.class);
        deserializer.configure(serde, false);
        Tally tally = new Tally();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(connection.dlqTopic(), selection.timeout());
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no topic " + connection.dlqTopic() + " (check --dlq-topic, env "
                        + "NEWSPIPE_TOPIC_DLQ)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, selection.timeout());
            IOException[] failed = {null};
            Deadline.await("the end of " + connection.dlqTopic(), selection.timeout(), Duration.ZERO, () -> {
                if (atEnd(consumer, end)) {
                    return true;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (failed[0] != null) {
                        break;
                    }
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue; // written after we started
                    }
                    tally.read++;
                    DeadLetter l;
                    try {
                        l = deserializer.deserialize(r.topic(), r.value());
                    } catch (RuntimeException e) {
                        l = null;
                        err.println("newspipe dlq " + command + ": skipping unreadable record " + r.topic() + "-"
                                + r.partition() + "@" + r.offset() + ": " + e.getMessage());
                    }
                    if (l == null) {
                        tally.unreadable++;
                    } else if (selection.matches(l)) {
                        tally.matched++;
                        try {
                            visitor.letter(l, r.partition(), r.offset());
                        } catch (IOException e) {
                            failed[0] = e;
                        }
                    }
                }
                return failed[0] != null;
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return new ReadCounts(tally.read, tally.matched, tally.unreadable);
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
