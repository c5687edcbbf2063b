package io.newspipe.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records that become readable on a topic under read_committed (whole transactions only), from its
 * beginning, one poll at a time: how the benchmarks tell that a stage has written everything.
 */
final class CommittedCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private long seen;
    private long lastArrivalNanos = System.nanoTime();

    CommittedCounter(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-counter-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls once (up to 100 ms) and tells whether at least {@code n} records have been seen. */
    boolean reached(long n) {
        int got = consumer.poll(Duration.ofMillis(100)).count();
        if (got > 0) {
            seen += got;
            lastArrivalNanos = System.nanoTime();
        }
        return seen >= n;
    }

    /** {@link System#nanoTime()} when the last records arrived. */
    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
