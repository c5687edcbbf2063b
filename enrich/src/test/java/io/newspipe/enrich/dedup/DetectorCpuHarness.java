package io.newspipe.enrich.dedup;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
import io.newspipe.schemas.registry.MockSchemaRegistryClient;
import io.newspipe.schemas.serde.AvroSerde;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Not a test: {@code main} measures the CPU time per article of the duplicate detector alone, so a change to it can
 * be compared by thread CPU time (which other load on a shared machine hardly moves) rather than by wall clock.
 * Articles are drawn from the corpus sentences as the benchmarks generate theirs (6–18 sentences from one pool, so
 * sketch buckets fill as in the generated archive), one in ten a copy of an earlier one with a sentence left out.
 * Each round pipes all of them through a {@link TopologyTestDriver} holding only the detector (repartition topics,
 * RocksDB stores and codecs included; no broker) and then through one that only copies them, and prints the
 * difference per article. Enrichment happens before the clock starts.
 *
 * <p>Run: {@code java -cp <enrich test class path> io.newspipe.enrich.dedup.DetectorCpuHarness [samples dir]
 * [articles] [rounds]}.
 */
public final class DetectorCpuHarness {

    private static final String SCOPE = "detector-cpu-harness";
    private static final Map<String, Object> SERDE = Map.of("schema.registry.url", "mock://" + SCOPE);

    private DetectorCpuHarness() {
    }

    public static void main(String[] args) throws IOException {
        Path samples = Path.of(args.length > 0 ? args[0] : "samples");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<EnrichedArticle> articles = articles(sentences(samples), count);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long[] duplicates = {0};
            long detector = cpuNanos(threads, articles, true, duplicates);
            long copy = cpuNanos(threads, articles, false, new long[1]);
            System.out.printf(Locale.ROOT, "round %d: detector %.0f µs/article, plain copy %.0f µs/article, "
                            + "detector alone %.0f µs/article, %d duplicates flagged%n", round,
                    detector / 1e3 / count, copy / 1e3 / count, (detector - copy) / 1e3 / count, duplicates[0]);
        }
    }

    /** Every sentence of 40 to 600 characters in the {@code .txt} files under {@code samples}. */
    static List<String> sentences(Path samples) throws IOException {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    for (String sentence : line.strip().split("(?<=[.!?\"])\\s+(?=[A-Z\"])")) {
                        if (sentence.length() >= 40 && sentence.length() <= 600) {
                            sentences.add(sentence);
                        }
                    }
                }
            }
        }
        return sentences;
    }

    /** {@code count} enriched articles an hour apart; every tenth copies an earlier one less its first sentence. */
    static List<EnrichedArticle> articles(List<String> sentences, int count) {
        Random random = new Random(42);
        Enricher enricher = Enricher.defaults();
        List<String> bodies = new ArrayList<>(count);
        List<EnrichedArticle> articles = new ArrayList<>(count);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            String body;
            if (i % 10 == 9) {
                String source = bodies.get(random.nextInt(bodies.size()));
                body = source.substring(source.indexOf('\n') + 1);
            } else {
                StringBuilder text = new StringBuilder();
                int n = 6 + random.nextInt(13);
                for (int s = 0; s < n; s++) {
                    text.append(sentences.get(random.nextInt(sentences.size()))).append(s % 3 == 2 ? "\n" : " ");
                }
                body = text.toString();
            }
            bodies.add(body);
            Instant at = start.plusSeconds(3_600L * i / 10);
            String id = String.format(Locale.ROOT, "harness-%08d", i);
            articles.add(enricher.enrich(RawArticle.newBuilder().setId(id).setSource("harness").setBody(body)
                    .setPublishedAt(at).setIngestedAt(at).build()));
        }
        return articles;
    }

    /**
     * The thread CPU time of piping every article through the detector (or a plain copy) in a fresh driver;
     * adds the articles that leave flagged as duplicates to {@code duplicates[0]}.
     */
    private static long cpuNanos(ThreadMXBean threads, List<EnrichedArticle> articles, boolean detector,
                                 long[] duplicates) {
        AvroSerde<EnrichedArticle> serde = AvroSerde.specific(EnrichedArticle.class).configured(SERDE, false);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, EnrichedArticle> in = builder.stream("articles",
                Consumed.with(Serdes.String(), serde).withName("articles-source"));
        KStream<String, EnrichedArticle> out = detector
                ? DuplicateDetector.attach(builder, in, serde, DedupSettings.DEFAULTS, kind -> { })
                : in;
        out.to("flagged", Produced.with(Serdes.String(), serde).withName("flagged-sink"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "detector-cpu-harness");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, EnrichedArticle> input = driver.createInputTopic("articles",
                    Serdes.String().serializer(), serde.serializer());
            var output = driver.createOutputTopic("flagged", Serdes.String().deserializer(), serde.deserializer());
            long before = threads.getCurrentThreadCpuTime();
            for (EnrichedArticle a : articles) {
                input.pipeInput(a.getId(), a);
                for (EnrichedArticle flagged : output.readValuesToList()) { // keeps the driver's queue short
                    duplicates[0] += flagged.getDuplicateOf() == null ? 0 : 1;
                }
            }
            return threads.getCurrentThreadCpuTime() - before;
        } finally {
            MockSchemaRegistryClient.dropScope(SCOPE);
        }
    }
}
