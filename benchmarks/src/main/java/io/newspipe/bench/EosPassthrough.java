package io.newspipe.bench;

import io.newspipe.common.Deadline;
import io.newspipe.localstack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The physical limit a stage is compared with: a Kafka Streams app that only copies the records of one topic to
 * another under {@code exactly_once_v2}, with the producer settings enrich uses. Its records/s is what Kafka itself
 * costs on this machine for the same bytes under the same guarantee and commit interval.
 */
final class EosPassthrough {

    private EosPassthrough() {
    }

    /** Copies the first {@code records} of {@code in} to {@code out}; returns records/s until the last is readable. */
    static double recordsPerSecond(LocalStack stack, String in, String out, Path stateDir, int records,
                                   long commitIntervalMs, int threads) throws Exception {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(in, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-source"))
                .to(out, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-sink"));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough-" + in);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        p.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        p.put(StreamsConfig.producerPrefix("linger.ms"), 20);
        p.put(StreamsConfig.producerPrefix("max.request.size"), 16 * 1024 * 1024);
        try (KafkaStreams streams = new KafkaStreams(b.build(), p)) {
            long t0 = System.nanoTime();
            streams.start();
            long end = awaitCount(stack, out, records, Duration.ofMinutes(30));
            return records / ((end - t0) / 1e9);
        }
    }

    /** Waits until {@code n} committed records are readable in {@code topic}; returns when the last arrived. */
    static long awaitCount(LocalStack stack, String topic, long n, Duration timeout) {
        try (CommittedCounter counter = new CommittedCounter(stack.bootstrapServers(), topic)) {
            Deadline.await(n + " records in " + topic, timeout, Duration.ofMillis(1), () -> counter.reached(n));
            return counter.lastArrivalNanos();
        }
    }
}
