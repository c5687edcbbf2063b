package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.examples.EnrichedTopicConsumer;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.compat.PortableContract;
import io.newspipe.schemas.registry.SchemaRegistryClient;
import io.newspipe.schemas.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer examples in {@code examples/} against the real local stack: the bundled sample and the corpus go
 * through ingest and enrich, then the Node.js example (Confluent's JavaScript Schema Registry client at its
 * default settings) and the Java example must each decode every record of the enriched topic.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerExamplesIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path NODE_EXAMPLE = PROJECT.resolve("examples/node-consumer");
    private static final Path SEED = PROJECT.resolve("samples/klikanggaran-trump-putin.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionOptions connection = new ConnectionOptions();
    private LocalStack stack;
    private EnrichApp enrich;
    private String seedId;
    private final Set<String> ids = new HashSet<>();
    private List<JsonNode> nodeLines;

    @BeforeAll
    void enrichTheSamplesAndTheCorpus(LocalStack stack, @TempDir Path stateDir) throws IOException {
        this.stack = stack;
        StackOptions.point(connection, stack, "examples.raw", "examples.enriched", "examples.dlq");
        stack.createTopics(2, connection.rawTopic(), connection.enrichedTopic(), connection.dlqTopic());
        enrich = Stages.enrichApp(connection, EnrichStageSettings.of("examples-it", stateDir));
        enrich.start();
        try (Ingestor ingestor = Stages.ingestor(connection, IngestSettings.DEFAULT_MAX_ARTICLE_BYTES)) {
            seedId = ingestor.ingestFile(SEED);
            ids.add(seedId);
            for (Path article : corpusArticles()) {
                ids.addAll(ingestor.ingest(article));
            }
            ingestor.flush();
            assertThat(ingestor.summary().deadLetters()).isZero();
        }
        assertThat(ids).hasSizeGreaterThan(100);
        awaitEveryArticleEnriched();
    }

    @AfterAll
    void stopEnrich() {
        if (enrich != null) {
            enrich.close();
        }
    }

    @Test
    void shouldDecodeEveryRecordInNodeWithConfluentsClientAtDefaultSettings() throws Exception {
        List<JsonNode> lines = runNodeExample();

        assertThat(lines).hasSize(ids.size());
        assertThat(lines).extracting(line -> line.get("id").asText()).containsExactlyInAnyOrderElementsOf(ids);
        for (JsonNode line : lines) {
            assertThat(line.has("title")).as("title of %s", line.get("id")).isTrue();
            assertThat(line.get("topics").isArray()).isTrue();
            assertThat(line.get("related_headlines").isArray()).isTrue();
            assertThat(line.get("simhash_hex").asText()).matches("[0-9a-f]{16}");
        }
        JsonNode seed = lines.stream().filter(line -> line.get("id").asText().equals(seedId)).findFirst().orElseThrow();
        assertThat(seed.get("related_headlines").size()).as("the seed's Baca Juga lines and related list")
                .isGreaterThanOrEqualTo(3);
        assertThat(seed.get("topics").size()).isPositive();
    }

    @Test
    void shouldWriteOnlyWithSchemasThatEveryClientDecodes() throws Exception {
        SchemaRegistryClient registry = SchemaRegistryClients.create(
                Map.of("schema.registry.url", stack.schemaRegistryUrl()));
        Set<Integer> schemaIds = new HashSet<>();
        for (JsonNode line : runNodeExample()) {
            schemaIds.add(line.get("schema_id").asInt());
        }

        assertThat(schemaIds).isNotEmpty();
        for (int schemaId : schemaIds) {
            Schema writer = registry.getSchemaById(schemaId);
            assertThat(PortableContract.problems(writer)).as("writer schema %d", schemaId).isEmpty();
            assertThat(writer.getField("simhash")).as("no 64-bit hash in a long").isNull();
        }
    }

    @Test
    void shouldDecodeEveryRecordWithTheJavaExample() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int read = EnrichedTopicConsumer.consume(connection.bootstrapServers(), connection.schemaRegistryUrl(),
                connection.enrichedTopic(), "examples-it-java", ids.size(), Duration.ofSeconds(20),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(read).isEqualTo(ids.size());
        assertThat(lines).extracting(line -> line.split("\t", -1)[0]).containsExactlyInAnyOrderElementsOf(ids);
        String seed = lines.stream().filter(line -> line.startsWith(seedId + "\t")).findFirst().orElseThrow();
        assertThat(seed.split("\t", -1)[3].split(" \\| ")).hasSizeGreaterThanOrEqualTo(3);
    }

    /** What the Node.js example printed, run once for the tests of this class. */
    private List<JsonNode> runNodeExample() throws IOException, InterruptedException {
        if (nodeLines == null) {
            nodeLines = runNodeExampleOnce();
        }
        return nodeLines;
    }

    private List<JsonNode> runNodeExampleOnce() throws IOException, InterruptedException {
        installNodeExample();
        Path stdout = Files.createTempFile("node-consumer", ".out");
        Path stderr = Files.createTempFile("node-consumer", ".err");
        ProcessBuilder node = new ProcessBuilder("node", "consumer.mjs").directory(NODE_EXAMPLE.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        node.environment().putAll(Map.of(
                "BOOTSTRAP_SERVERS", connection.bootstrapServers(),
                "SCHEMA_REGISTRY_URL", connection.schemaRegistryUrl(),
                "TOPIC", connection.enrichedTopic(),
                "GROUP_ID", "examples-it-node-" + System.nanoTime(),
                "MAX_RECORDS", Integer.toString(ids.size()),
                // the example stops at MAX_RECORDS; the idle stop is only a safety net, and must outlast a
                // KafkaJS group rebalance (session timeout 30 s, rebalance timeout 60 s), during which it reads
                // nothing: at 30 s a rebalance after the first fetch ended it with one record read
                "IDLE_EXIT_MS", "150000"));
        Process process = node.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        assertThat(ended).as("node example ended (%d lines printed); stderr:%n%s", Files.readAllLines(stdout).size(),
                errors).isTrue();
        assertThat(process.exitValue()).as("node example exit code; stderr:%n%s", errors).isZero();
        assertThat(errors).contains(ids.size() + " records, 0 could not be decoded");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(stdout)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** {@code npm ci} from the example's lock file, once: what its README tells a user to run first. */
    private static void installNodeExample() throws IOException, InterruptedException {
        if (Files.isDirectory(NODE_EXAMPLE.resolve("node_modules/@confluentinc/schemaregistry"))) {
            return;
        }
        Path log = Files.createTempFile("npm-ci", ".log");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_EXAMPLE.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = npm.waitFor(5, TimeUnit.MINUTES);
        assertThat(ended && npm.exitValue() == 0).as("npm ci in %s:%n%s", NODE_EXAMPLE, Files.readString(log))
                .isTrue();
    }

    private static List<Path> corpusArticles() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT.resolve("samples/corpus"))) {
            return files.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** Waits until every ingested id can be read from the enriched topic under {@code read_committed}. */
    private void awaitEveryArticleEnriched() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> enriched = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(connection.enrichedTopic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Deadline.await("every article on " + connection.enrichedTopic(), Duration.ofMinutes(3),
                    Duration.ofMillis(10), () -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> enriched.add(record.key()));
                        return enriched.containsAll(ids);
                    });
        }
    }
}
