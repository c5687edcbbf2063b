package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.schemas.registry.MockSchemaRegistryClient;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    private static final String SCOPE = "enrich-topology-test";
    private static final Map<String, Object> SERDE = Map.of("schema.registry.url", "mock://" + SCOPE);
    private static final EnrichTopology.Topics TOPICS = new EnrichTopology.Topics("news.raw", "news.enriched",
            "news.dlq");

    private TopologyTestDriver driver;
    private Topology topology;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], DeadLetter> dlq;
    private AvroSerde<RawArticle> rawSerde;

    @BeforeEach
    void setUp() {
        AvroDeserializer<RawArticle> rawDeserializer = new AvroDeserializer<>(RawArticle.class);
        rawDeserializer.configure(SERDE, false);
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.specific(EnrichedArticle.class).configured(SERDE, false);
        AvroSerde<DeadLetter> dlqSerde = AvroSerde.specific(DeadLetter.class).configured(SERDE, false);
        rawSerde = AvroSerde.specific(RawArticle.class).configured(SERDE, false);
        topology = EnrichTopology.build(TOPICS, Enricher.defaults(), rawDeserializer, enrichedSerde, dlqSerde);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        driver = new TopologyTestDriver(topology, props);
        raw = driver.createInputTopic("news.raw", new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic("news.enriched", new StringDeserializer(),
                enrichedSerde.deserializer());
        dlq = driver.createOutputTopic("news.dlq", Serdes.ByteArray().deserializer(), dlqSerde.deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        MockSchemaRegistryClient.dropScope(SCOPE);
    }

    private void pipe(RawArticle article) {
        raw.pipeInput(article.getId().getBytes(StandardCharsets.UTF_8),
                rawSerde.serializer().serialize("news.raw", article));
    }

    static RawArticle sample() throws Exception {
        String body = Files.readString(Path.of("../samples/klikanggaran-trump-putin.txt"), StandardCharsets.UTF_8)
                .strip();
        return RawArticle.newBuilder().setId("sample-1").setSource("klikanggaran.com")
                .setTitle("Trump Kecewa pada Putin").setBody(body).setIngestedAt(Instant.now()).build();
    }

    @Test
    void shouldEnrichTheSampleIntoOneRecordKeyedByArticleId() throws Exception {
        pipe(sample());

        var out = enriched.readKeyValue();
        assertThat(out.key).isEqualTo("sample-1");
        EnrichedArticle a = out.value;
        assertThat(a.getRelatedHeadlines()).hasSize(7);
        assertThat(a.getDateline()).isNotNull();
        assertThat(a.getDateline().getOutlet()).isEqualTo("KLIKANGGARAN");
        assertThat(a.getBody()).contains("Putin: Rusia Tak Akan Menyerah").doesNotContain("Baca Juga")
                .doesNotContain("Artikel Terkait").doesNotContain("(KLIKANGGARAN)");
        assertThat(a.getRemoved()).isNotEmpty();
        assertThat(a.getContentHash()).hasSize(64);
        assertThat(a.getRulePackVersion()).isNotBlank();
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteUnreadableRecordToDeadLetterTopic() throws Exception {
        raw.pipeInput("bad-key".getBytes(StandardCharsets.UTF_8), "this is not avro".getBytes(StandardCharsets.UTF_8));
        pipe(sample());

        var dead = dlq.readKeyValue();
        assertThat(new String(dead.key, StandardCharsets.UTF_8)).isEqualTo("bad-key");
        DeadLetter letter = dead.value;
        assertThat(letter.getStage()).isEqualTo("enrich");
        assertThat(letter.getReason()).isEqualTo("deserialization");
        assertThat(letter.getErrorMessage()).contains("magic byte");
        assertThat(letter.getTopic()).isEqualTo("news.raw");
        assertThat(letter.getPartition()).isZero();
        assertThat(letter.getOffset()).isZero();
        assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("this is not avro");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(enriched.readKeyValue().key).isEqualTo("sample-1");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterATombstoneInsteadOfFailing() {
        raw.pipeInput("gone".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        assertThat(dlq.readValue().getReason()).isEqualTo("deserialization");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldNameEveryNode() {
        TopologyDescription description = topology.describe();
        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.globalStores()).isEmpty();
        var names = description.subtopologies().iterator().next().nodes().stream()
                .map(TopologyDescription.Node::name).toList();
        assertThat(names).containsExactlyInAnyOrder(EnrichTopology.SOURCE, EnrichTopology.PROCESSOR,
                EnrichTopology.SPLIT, EnrichTopology.SPLIT + EnrichTopology.ENRICHED_BRANCH,
                EnrichTopology.SPLIT + EnrichTopology.DEAD_BRANCH, "unwrap-enriched", "unwrap-dead-letter",
                EnrichTopology.ENRICHED_SINK, EnrichTopology.DLQ_SINK);
    }
}
