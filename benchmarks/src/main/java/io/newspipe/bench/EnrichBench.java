package io.newspipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.cli.ConnectionOptions;
import io.newspipe.cli.EnrichOptions;
import io.newspipe.cli.EnrichStageSettings;
import io.newspipe.cli.Stages;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.localstack.ArticleGenerator;
import io.newspipe.localstack.LocalStack;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerializer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe bench enrich}: on the local stack, in one run, the physical limit (a Kafka Streams {@code
 * exactly_once_v2} passthrough over the same records) and then the enrich app, records/s of both and their ratio;
 * then end-to-end latency (ingested_at to the enriched record being readable, read_committed) at a fixed offered
 * rate; and the process's peak heap. Besides records/s, the CPU time this process (the broker, the app measured and
 * the bench) used per record in each throughput run: other load on a shared machine moves it far less than it moves
 * the wall clock, and it counts what the broker does for the app's internal topics.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Benchmark enrich against an exactly-once passthrough on the local stack.")
final class EnrichBench extends BenchmarkCommand {

    /** enrich's own settings, from the command line only: a benchmark run is repeated by its arguments. */
    private static final Setting<Integer> THREADS = EnrichOptions.THREADS.withoutEnvironment()
            .withDoc("Stream threads of the passthrough and the enrich app alike");
    private static final Setting<Long> COMMIT_INTERVAL_MS = EnrichOptions.COMMIT_INTERVAL_MS.withoutEnvironment()
            .withDoc("commit.interval.ms of every app measured: under exactly-once each commit ends a transaction, "
                    + "so it trades throughput against latency");
    private static final Setting<Boolean> DEDUP = EnrichOptions.DEDUP.withoutEnvironment()
            .withDoc("Run enrich with duplicate detection");

    private static final Setting<Integer> RECORDS = BenchOptions.RECORDS.withDefault("20000")
            .withDoc("Articles for the throughput runs");
    private static final Setting<Integer> RATE = Setting.number("--rate", null, "1000",
            "Offered rate for the latency run, articles/s").withRule(Setting.atLeast(1), "must be at least 1");
    private static final Setting<Integer> LATENCY_SECONDS = Setting.number("--latency-seconds", null, "10",
            "Length of the latency run").withRule(Setting.atLeast(1), "must be at least 1");

    @Mixin
    SettingGroup enrichSettings = SettingGroup.of(RECORDS, BenchOptions.PARTITIONS.withDoc("Partitions of the input "
            + "topics"), THREADS, COMMIT_INTERVAL_MS, RATE, LATENCY_SECONDS, DEDUP);

    @Mixin
    BenchArticles articles = new BenchArticles();

    @Override
    public ObjectNode measure() throws Exception {
        int records = enrichSettings.value(RECORDS);
        int partitions = enrichSettings.value(BenchOptions.PARTITIONS);
        ObjectNode figures = new ObjectMapper().createObjectNode();
        try (LocalStack stack = LocalStack.startTemporary()) {
            ConnectionOptions c = new ConnectionOptions();
            c.pointAt(stack.bootstrapServers(), stack.schemaRegistryUrl(), "bench.raw", "bench.enriched",
                    "bench.dlq");
            c.override(StreamsConfig.NUM_STREAM_THREADS_CONFIG, enrichSettings.value(THREADS));
            stack.createTopics(partitions, c.rawTopic(), c.enrichedTopic(), c.dlqTopic(), "bench.passthrough",
                    "bench.latency.raw", "bench.latency.enriched");
            ArticleGenerator generator = articles.generator(42);
            long bytes = produce(stack, c.rawTopic(), generator, records, 0);
            progress("produced " + records + " articles (" + bytes / records + " bytes avg) to " + c.rawTopic());

            long self = ProcessHandle.current().pid();
            double cpuBefore = ProcessCpu.ownSeconds(self);
            double passthrough = EosPassthrough.recordsPerSecond(stack, c.rawTopic(), "bench.passthrough",
                    stack.workDir().resolve("bench-pass"), records, enrichSettings.value(COMMIT_INTERVAL_MS),
                    enrichSettings.value(THREADS));
            double passthroughCpu = ProcessCpu.ownSeconds(self) - cpuBefore;
            progress(String.format(Locale.ROOT, "passthrough (exactly_once_v2): %.0f records/s", passthrough));
            cpuBefore = ProcessCpu.ownSeconds(self);
            double enrich = enrichRun(stack, c, stack.workDir());
            double enrichCpu = ProcessCpu.ownSeconds(self) - cpuBefore;
            progress(String.format(Locale.ROOT, "enrich (exactly_once_v2%s): %.0f records/s",
                    enrichSettings.value(DEDUP) ? ", dedup on" : "", enrich));

            ConnectionOptions lc = new ConnectionOptions();
            lc.pointAt(stack.bootstrapServers(), stack.schemaRegistryUrl(), "bench.latency.raw",
                    "bench.latency.enriched", c.dlqTopic());
            lc.override(StreamsConfig.NUM_STREAM_THREADS_CONFIG, enrichSettings.value(THREADS));
            double[] latency = latency(stack, lc, generator, stack.workDir());

            figures.put("records", records);
            figures.put("avg_article_bytes", bytes / records);
            figures.put("passthrough_eos_records_per_s", Math.round(passthrough));
            figures.put("enrich_eos_records_per_s", Math.round(enrich));
            figures.put("enrich_vs_passthrough_ratio", Math.round(enrich / passthrough * 1000) / 1000.0);
            figures.put("passthrough_process_cpu_ms_per_record", Math.round(passthroughCpu * 1e6 / records) / 1000.0);
            figures.put("enrich_process_cpu_ms_per_article", Math.round(enrichCpu * 1e6 / records) / 1000.0);
            figures.put("dedup", enrichSettings.value(DEDUP));
            figures.put("commit_interval_ms", enrichSettings.value(COMMIT_INTERVAL_MS));
            figures.put("partitions", partitions);
            figures.put("stream_threads", enrichSettings.value(THREADS));
            figures.put("latency_offered_rate_per_s", enrichSettings.value(RATE));
            figures.put("latency_p50_ms", Math.round(latency[0]));
            figures.put("latency_p99_ms", Math.round(latency[1]));
            figures.put("latency_max_ms", Math.round(latency[2]));
            figures.put("peak_heap_mib_whole_process", peakHeapMiB());
            figures.put("cores", Runtime.getRuntime().availableProcessors());
        }
        return figures;
    }

    private static void progress(String line) {
        System.err.println("bench: " + line);
    }

    private long produce(LocalStack stack, String topic, ArticleGenerator generator, int n, long startIndex) {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        AtomicLong bytes = new AtomicLong();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), serializer)) {
            Instant t = Instant.parse("2025-01-01T00:00:00Z");
            for (int i = 0; i < n; i++) {
                RawArticle a = BenchArticles.raw(generator.next((int) (startIndex + i)), t.plusSeconds(i));
                bytes.addAndGet(a.getBody().length());
                producer.send(new ProducerRecord<>(topic, a.getId(), a));
            }
        }
        return bytes.get();
    }

    private double enrichRun(LocalStack stack, ConnectionOptions c, Path work) throws Exception {
        try (EnrichApp app = Stages.enrichApp(c, stage("bench-enrich", work))) {
            long t0 = System.nanoTime();
            app.start();
            int records = enrichSettings.value(RECORDS);
            long end = EosPassthrough.awaitCount(stack, c.enrichedTopic(), records, Duration.ofMinutes(10));
            return records / ((end - t0) / 1e9);
        }
    }

    /** How each enrich app of the benchmark runs: its own application id and state folder, the options' settings. */
    private EnrichStageSettings stage(String applicationId, Path work) throws java.io.IOException {
        return EnrichStageSettings.of(applicationId, Files.createDirectories(work.resolve(applicationId)))
                .withCommitIntervalMs(enrichSettings.value(COMMIT_INTERVAL_MS))
                .withDedup(enrichSettings.value(DEDUP));
    }

    /**
     * Offers {@code rate} articles/s for the configured time; returns p50, p99 and max latency in ms of the articles
     * offered after the first second.
     */
    private double[] latency(LocalStack stack, ConnectionOptions c, ArticleGenerator generator, Path work)
            throws Exception {
        int rate = enrichSettings.value(RATE);
        int latencySeconds = enrichSettings.value(LATENCY_SECONDS);
        int total = rate * latencySeconds;
        List<Long> latencies = new ArrayList<>(total);
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        AvroDeserializer<EnrichedArticle> deserializer = new AvroDeserializer<>(EnrichedArticle.class);
        deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (EnrichApp app = Stages.enrichApp(c, stage("bench-latency", work)).start();
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                     ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), serializer);
             var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-latency-reader",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(c.enrichedTopic()));
            Deadline.await("the latency app to run", Duration.ofSeconds(60), Duration.ofMillis(50),
                    () -> app.state() == KafkaStreams.State.RUNNING);
            // the reader joins its group before the clock starts, or the join would be counted as latency
            Deadline.await("the latency reader's partitions", Duration.ofSeconds(60), Duration.ofMillis(10), () -> {
                consumer.poll(Duration.ofMillis(50));
                return !consumer.assignment().isEmpty();
            });
            long start = System.nanoTime();
            // the first second warms the app up (JIT, first transactions) and is left out of the figures
            long warmUntil = System.currentTimeMillis() + 1_000;
            int[] received = {0};
            long intervalNanos = 1_000_000_000L / rate;
            int sent = 0;
            Instant t = Instant.parse("2025-02-01T00:00:00Z");
            long deadline = start + Duration.ofSeconds(latencySeconds + 60).toNanos();
            while (received[0] < total && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                while (sent < total && now - start >= sent * intervalNanos) {
                    RawArticle a = BenchArticles.raw(generator.next(enrichSettings.value(RECORDS) + sent), t.plusSeconds(sent));
                    a.setIngestedAt(Instant.now());
                    producer.send(new ProducerRecord<>(c.rawTopic(), a.getId(), a));
                    sent++;
                }
                producer.flush();
                consumer.poll(Duration.ofMillis(5)).forEach(r -> {
                    EnrichedArticle e = deserializer.deserialize(r.topic(), r.value());
                    received[0]++;
                    if (e.getIngestedAt().toEpochMilli() >= warmUntil) {
                        latencies.add(System.currentTimeMillis() - e.getIngestedAt().toEpochMilli());
                    }
                });
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1]};
    }

    static double percentile(long[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static String summary(double[] values) {
        return Arrays.toString(values);
    }
}
