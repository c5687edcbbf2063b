package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.IngestSummary;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe bench ingest}: on a fresh local stack, publishes a generated JSON Lines file twice per round, once
 * with a plain {@link KafkaProducer} (the file's lines as they are, same producer settings as ingest: idempotent,
 * {@code acks=all}, lz4, linger 20 ms, 256 KiB batches) and once through the {@link Ingestor} (parse, stable id,
 * Avro through the Schema Registry), each to its own topic, and prints records/s of both and their ratio.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest from a large generated JSON Lines file vs a plain KafkaProducer with the same "
                + "settings, in the same run on the local stack; prints records/s of both and the ratio "
                + "(target >= 0.9).")
final class IngestBenchCommand extends BenchmarkCommand {

    private static final String[] WORDS = ("pemerintah presiden menteri rakyat daerah ekonomi harga beras pasar "
            + "banjir hujan warga polisi sidang hakim jaksa sekolah guru siswa rumah sakit dokter pasien jalan tol "
            + "kereta bandara pesawat timnas pertandingan gol pemain pelatih musim laga investasi saham rupiah bank "
            + "inflasi ekspor impor petani nelayan desa kota provinsi gubernur bupati wali anggaran program bantuan "
            + "sosial masyarakat kebijakan undang-undang parlemen partai pemilu kampanye suara hasil survei").split(" ");

    private static final Setting<Integer> RECORDS = BenchOptions.RECORDS.withDefault("200000")
            .withDoc("Records per measured run");
    private static final Setting<Integer> BODY_BYTES = Setting.number("--body-bytes", null, "2500",
            "Approximate body size").withRule(Setting.atLeast(1), "must be at least 1");
    private static final Setting<Integer> ROUNDS = Setting.number("--rounds", null, "4",
            "Measured rounds, plain and ingest alternating; the best of each counts")
            .withRule(Setting.atLeast(1), "must be at least 1");

    @Mixin
    SettingGroup options = SettingGroup.of(RECORDS, BODY_BYTES, BenchOptions.PARTITIONS.withDoc("Partitions per topic"),
            ROUNDS);

    @Override
    void table(ObjectNode figures) {
        System.out.printf(Locale.ROOT, "best:     plain %,10d rec/s   ingest %,10d rec/s   ratio %.2f%n",
                figures.get("plain_producer_records_per_s").asLong(), figures.get("ingest_records_per_s").asLong(),
                figures.get("ingest_vs_plain_ratio_best").asDouble());
        double median = figures.get("ingest_vs_plain_ratio_median").asDouble();
        System.out.printf(Locale.ROOT, "median of the round ratios: %.2f (target >= 0.90: %s)%n", median,
                median >= 0.9 ? "met" : "NOT met");
    }

    /** Runs the rounds (each one's figures go to stderr as progress) and returns the best and median figures. */
    @Override
    public ObjectNode measure() throws Exception {
        int records = options.value(RECORDS);
        int bodyBytes = options.value(BODY_BYTES);
        int partitions = options.value(BenchOptions.PARTITIONS);
        int rounds = options.value(ROUNDS);
        PrintStream progress = System.err;
        progress.println("Starting the local stack ...");
        try (LocalStack stack = LocalStack.startTemporary()) {
            Path file = stack.workDir().resolve("bench-articles.jsonl");
            generate(file, records, bodyBytes);
            Path warm = stack.workDir().resolve("bench-warmup.jsonl");
            generate(warm, Math.max(1000, records / 10), bodyBytes);
            progress.printf(Locale.ROOT, "%,d records, body ~%,d B, file %,d MiB, %d partition(s); acks=all, "
                    + "idempotent, lz4, linger.ms=20, batch.size=262144%n", records, bodyBytes,
                    Files.size(file) >> 20, partitions);
            // topics created once, before anything is measured: producing right after a topic is created can hit
            // NOT_LEADER_OR_FOLLOWER while leadership settles, which would be measured as producer time
            stack.createTopics(partitions, "bench.plain", "bench.raw", "bench.dlq");
            List<Double> ratios = new ArrayList<>();
            double bestPlain = 0;
            double bestIngest = 0;
            for (int round = 0; round <= rounds; round++) {
                boolean warmup = round == 0;
                Path input = warmup ? warm : file;
                // alternate which goes first, so neither always runs on a broker still busy with the other's data
                double plain;
                double ingest;
                if (round % 2 == 0) {
                    plain = plain(stack, input, "bench.plain");
                    ingest = ingest(stack, input, "bench.raw", "bench.dlq");
                } else {
                    ingest = ingest(stack, input, "bench.raw", "bench.dlq");
                    plain = plain(stack, input, "bench.plain");
                }
                if (warmup) {
                    progress.printf(Locale.ROOT, "warm-up:  plain %,10.0f rec/s   ingest %,10.0f rec/s%n", plain,
                            ingest);
                    continue;
                }
                progress.printf(Locale.ROOT, "round %d:  plain %,10.0f rec/s   ingest %,10.0f rec/s   ratio %.2f%n",
                        round, plain, ingest, ingest / plain);
                ratios.add(ingest / plain);
                bestPlain = Math.max(bestPlain, plain);
                bestIngest = Math.max(bestIngest, ingest);
            }
            double ratio = bestIngest / bestPlain;
            ratios.sort(null);
            double median = ratios.size() % 2 == 1 ? ratios.get(ratios.size() / 2)
                    : (ratios.get(ratios.size() / 2 - 1) + ratios.get(ratios.size() / 2)) / 2;
            ObjectNode figures = JsonNodeFactory.instance.objectNode();
            figures.put("records", records);
            figures.put("plain_producer_records_per_s", Math.round(bestPlain));
            figures.put("ingest_records_per_s", Math.round(bestIngest));
            figures.put("ingest_vs_plain_ratio_best", Math.round(ratio * 1000) / 1000.0);
            figures.put("ingest_vs_plain_ratio_median", Math.round(median * 1000) / 1000.0);
            return figures;
        }
    }

    private static IngestSettings settings(LocalStack stack, String raw, String dlq) {
        return new IngestSettings(stack.bootstrapServers(), stack.schemaRegistryUrl(), raw, dlq,
                IngestSettings.DEFAULT_MAX_ARTICLE_BYTES, Map.of());
    }

    /** The file's lines, as they are, through a plain producer with the ingest settings. Returns records/s. */
    private static double plain(LocalStack stack, Path file, String topic) throws IOException {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Ingestor.producerConfig(settings(stack, topic,
                topic), "bench-plain"), new StringSerializer(), new ByteArraySerializer());
             BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null) {
                p.send(new ProducerRecord<>(topic, Long.toString(n++), line.getBytes(StandardCharsets.UTF_8)),
                        (md, e) -> {
                            if (e == null) {
                                acked.incrementAndGet();
                            } else {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            p.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("plain producer failed", failure.get());
        }
        return acked.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** The same file through the ingest stage. Returns records/s. */
    private static double ingest(LocalStack stack, Path file, String raw, String dlq) {
        long start = System.nanoTime();
        IngestSummary s;
        try (Ingestor ingestor = new Ingestor(settings(stack, raw, dlq))) {
            s = ingestor.ingestPaths(List.of(file));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (s.deadLetters() > 0 || s.duplicates() > 0) {
            throw new IllegalStateException("ingest bench expected only clean records, got " + s);
        }
        return s.published() / secs;
    }

    /** Writes {@code n} JSON Lines articles with distinct URLs and varied bodies (deterministic). */
    static void generate(Path file, int n, int bodyBytes) throws IOException {
        Random random = new Random(42);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder body = new StringBuilder(bodyBytes + 200);
            for (int i = 0; i < n; i++) {
                body.setLength(0);
                while (body.length() < bodyBytes) {
                    int words = 8 + random.nextInt(20);
                    for (int k = 0; k < words; k++) {
                        body.append(k == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                    }
                    body.append(".\\n");
                }
                List<String> title = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    title.add(WORDS[random.nextInt(WORDS.length)]);
                }
                w.write("{\"id\":\"" + i + "\",\"url\":\"https://bench.newspipe.test/berita/" + i
                        + "?utm_source=rss\",\"title\":\"" + String.join(" ", title) + "\",\"source\":\"bench.test\","
                        + "\"published_at\":\"" + t0.plusSeconds(60L * i) + "\",\"language\":\"id\",\"body\":\""
                        + body + "\"}\n");
            }
        }
    }
}
