package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.enrich.EnrichMetrics;
import io.newspipe.enrich.EnrichSettings;
import io.newspipe.enrich.EnrichTopology;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.dedup.DedupSettings;
import io.newspipe.enrich.lang.LanguageDetector;
import io.newspipe.enrich.tag.TopicTagger;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroSerializer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newspipe dlq} on the real local stack: an article enrich dead-lettered while it was broken, and a broken
 * JSON line ingest dead-lettered, are listed; after the fix, {@code redrive --stage enrich} brings the article to the
 * enriched topic, and {@code --ingest-to} gives back the broken line as a file to fix and re-ingest.
 */
@ExtendWith(LocalStackExtension.class)
class DlqCommandIT {

    private static final String RAW = "dlqit.raw";
    private static final String ENRICHED = "dlqit.enriched";
    private static final String DLQ = "dlqit.dlq";
    private static final String BROKEN_LINE = "{\"title\": \"Setengah baris\", \"body\": \"tidak pernah ditutup";

    private final LocalStack stack;

    DlqCommandIT(LocalStack stack) {
        this.stack = stack;
    }

    private record Run(int rc, String out, String err) {
    }

    private Run dlq(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("dlq"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                stack.schemaRegistryUrl(), "--raw-topic", RAW, "--enriched-topic", ENRICHED, "--dlq-topic", DLQ));
        int rc = cl.execute(all.toArray(String[]::new));
        return new Run(rc, out.toString(), err.toString());
    }

    /** A clock that fails: the Enricher asks it for enriched_at, so every article fails in processing. */
    private static final class BrokenClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            throw new IllegalStateException("the rule pack deployed today is broken");
        }
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setTitle("Judul " + id).setBody(body).setIngestedAt(Instant.now())
                .build();
    }

    @Test
    void shouldListDeadLettersAndRedriveThemAfterTheFix(@TempDir Path temp) throws Exception {
        stack.createTopics(2, RAW, ENRICHED, DLQ);
        ConnectionOptions connection = new ConnectionOptions();
        StackOptions.point(connection, stack, RAW, ENRICHED, DLQ);
        Path broken = Files.createDirectories(temp.resolve("in")).resolve("broken.jsonl");
        Files.writeString(broken, BROKEN_LINE + "\n", StandardCharsets.UTF_8);
        try (Ingestor ingestor = Stages.ingestor(connection, IngestSettings.DEFAULT_MAX_ARTICLE_BYTES)) {
            ingestor.ingest(broken);
            ingestor.flush();
            assertThat(ingestor.summary().deadLetters()).isEqualTo(1);
        }
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        RawArticle victim = article("redrive-me", "JAKARTA - Pemerintah mengumumkan rencana pembangunan jalan tol "
                + "baru yang menghubungkan dua provinsi di Pulau Sumatra pada tahun depan.");
        int victimSize = serializer.serialize(RAW, victim).length;
        produce(serializer, victim);

        EnrichSettings settings = new EnrichSettings(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "dlqit-enrich", new EnrichTopology.Topics(RAW, ENRICHED, DLQ), "exactly_once_v2", 100,
                temp.resolve("state"), DedupSettings.DEFAULTS, Map.of());
        Enricher brokenEnricher = new Enricher(Cleaner.defaults(), TopicTagger.defaults(),
                LanguageDetector.defaults(), new BrokenClock());
        try (EnrichApp app = new EnrichApp(settings, brokenEnricher, EnrichMetrics.noop()).start()) {
            Deadline.await("enrich to dead-letter the article", Duration.ofSeconds(90), Duration.ofMillis(200),
                    () -> dlq("list", "--json", "--stage", "enrich").out().contains("\"key_utf8\":\"redrive-me\""));
        }

        Run list = dlq("list", "--json");
        assertThat(list.rc()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> letters = new ArrayList<>();
        for (String l : list.out().lines().toList()) {
            letters.add(json.readTree(l));
        }
        assertThat(letters).hasSize(2);
        JsonNode enrichLetter = letters.stream().filter(l -> l.get("stage").asText().equals("enrich")).findFirst()
                .orElseThrow();
        assertThat(enrichLetter.get("reason").asText()).isEqualTo("processing");
        assertThat(enrichLetter.get("topic").asText()).isEqualTo(RAW);
        assertThat(enrichLetter.get("offset").asLong()).isZero();
        assertThat(enrichLetter.get("error_message").asText()).contains("the rule pack deployed today is broken");
        assertThat(enrichLetter.get("value_size").asInt()).isEqualTo(victimSize);
        assertThat(enrichLetter.get("truncated").asBoolean()).isFalse();
        assertThat(enrichLetter.has("value")).isFalse();
        JsonNode ingestLetter = letters.stream().filter(l -> l.get("stage").asText().equals("ingest")).findFirst()
                .orElseThrow();
        assertThat(ingestLetter.get("reason").asText()).isEqualTo("invalid-json");
        assertThat(ingestLetter.get("origin").asText()).endsWith("broken.jsonl:1");
        assertThat(ingestLetter.get("value_size").asInt())
                .isEqualTo(BROKEN_LINE.getBytes(StandardCharsets.UTF_8).length);
        assertThat(list.err()).contains("2 dead letter(s) in " + DLQ).contains("enrich/processing")
                .contains("ingest/invalid-json");

        Run text = dlq("list", "--reason", "invalid-json");
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(3); // the letter, the total, its stage/reason
        assertThat(lines.get(0)).contains("  ingest  invalid-json  ").contains("broken.jsonl:1  key=-  BadInputException");
        assertThat(text.out()).contains("1 dead letter(s) in " + DLQ + " matched (of 2)");

        try (EnrichApp app = new EnrichApp(settings, Enricher.defaults(), EnrichMetrics.noop()).start();
             KafkaConsumer<String, byte[]> enriched = enrichedReader()) {
            // the fixed app goes on after the dead-lettered record: a later article arrives, the victim does not
            produce(serializer, article("after-fix", "SURABAYA - Sebuah festival kuliner tahunan kembali digelar "
                    + "di taman kota dan menarik ribuan pengunjung dari berbagai daerah."));
            List<String> keys = new ArrayList<>();
            awaitKey(enriched, keys, "after-fix");
            assertThat(keys).doesNotContain("redrive-me");

            Map<TopicPartition, Long> rawEnd = rawEndOffsets();
            Run dry = dlq("redrive", "--stage", "enrich", "--dry-run");
            assertThat(dry.rc()).isZero();
            assertThat(dry.out()).contains("would re-drive enrich/processing " + RAW + "-")
                    .contains("key=redrive-me").contains("dry run: 1 record(s) re-published");
            assertThat(rawEndOffsets()).isEqualTo(rawEnd);

            Run redrive = dlq("redrive", "--stage", "enrich");
            assertThat(redrive.rc()).as(redrive.err()).isZero();
            assertThat(redrive.out()).contains("re-driven enrich/processing").contains("-> " + RAW + "-")
                    .contains("1 record(s) re-published, 0 ingest file(s) written, 0 skipped, 0 refused, 0 failed")
                    .doesNotContain("broken.jsonl");
            awaitKey(enriched, keys, "redrive-me");
        }

        Run skipped = dlq("redrive", "--stage", "ingest");
        assertThat(skipped.rc()).isZero();
        assertThat(skipped.err()).contains("skipping ingest/invalid-json").contains("use --ingest-to DIR");
        assertThat(skipped.out()).contains("0 record(s) re-published, 0 ingest file(s) written, 1 skipped");

        Path fix = temp.resolve("fix");
        Run files = dlq("redrive", "--stage", "ingest", "--ingest-to", fix.toString());
        assertThat(files.rc()).as(files.err()).isZero();
        assertThat(files.out()).contains("1 ingest file(s) written").contains("newspipe ingest " + fix);
        List<Path> written;
        try (Stream<Path> s = Files.list(fix)) {
            written = s.toList();
        }
        assertThat(written).singleElement().satisfies(f -> {
            assertThat(f.getFileName().toString()).matches("broken-line1-dlq\\d+-\\d+\\.jsonl");
            assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(BROKEN_LINE);
        });
    }

    private void produce(AvroSerializer<RawArticle> serializer, RawArticle a) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(),
                serializer)) {
            producer.send(new ProducerRecord<>(RAW, a.getId(), a)).get();
        }
    }

    private KafkaConsumer<String, byte[]> enrichedReader() {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlqit-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(ENRICHED));
        return c;
    }

    private static void awaitKey(KafkaConsumer<String, byte[]> consumer, List<String> keys, String key) {
        Deadline.await(key + " on " + ENRICHED, Duration.ofSeconds(90), Duration.ofMillis(10), () -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            return keys.contains(key);
        });
    }

    private Map<TopicPartition, Long> rawEndOffsets() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return c.endOffsets(List.of(new TopicPartition(RAW, 0), new TopicPartition(RAW, 1)));
        }
    }
}
