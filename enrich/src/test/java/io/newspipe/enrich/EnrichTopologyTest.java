package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.dedup.DedupSettings;
import io.newspipe.enrich.dedup.DuplicateDetector;
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
        topology = EnrichTopology.build(TOPICS, Enricher.defaults(),
                new TopologySerdes(rawDeserializer, enrichedSerde, dlqSerde));
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
    void shouldStampOutputsWithTheTimeTheyWereWrittenNotThePublicationTime() throws Exception {
        java.time.Instant published = java.time.Instant.parse("2019-03-01T08:00:00Z");
        RawArticle old = RawArticle.newBuilder(sample()).setPublishedAt(published).build();
        raw.pipeInput(old.getId().getBytes(StandardCharsets.UTF_8), rawSerde.serializer().serialize("news.raw", old),
                published);
        raw.pipeInput("bad-key".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8),
                published);

        var out = enriched.readRecord();
        assertThat(out.timestamp()).isEqualTo(out.value().getEnrichedAt().toEpochMilli())
                .isGreaterThan(published.toEpochMilli());
        var dead = dlq.readRecord();
        assertThat(dead.timestamp()).isEqualTo(dead.value().getFailedAt().toEpochMilli())
                .isGreaterThan(published.toEpochMilli());
    }

    @Test
    void shouldForwardATombstoneToTheEnrichedTopicSoThatATakedownReachesEveryCopy() throws Exception {
        pipe(sample());
        raw.pipeInput("sample-1".getBytes(StandardCharsets.UTF_8), (byte[]) null);

        assertThat(enriched.readKeyValue().value).isNotNull();
        var tombstone = enriched.readKeyValue();
        assertThat(tombstone.key).isEqualTo("sample-1");
        assertThat(tombstone.value).isNull();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterATombstoneWithoutAKeyInsteadOfFailing() {
        raw.pipeInput(null, (byte[]) null);
        DeadLetter letter = dlq.readValue();
        assertThat(letter.getReason()).isEqualTo("deserialization");
        assertThat(letter.getErrorMessage()).contains("tombstone", "names no article");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldNotEnrichATakenDownArticleInAReplayOfAWindow() throws Exception {
        AvroDeserializer<RawArticle> rawDeserializer = new AvroDeserializer<>(RawArticle.class);
        rawDeserializer.configure(SERDE, false);
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.specific(EnrichedArticle.class).configured(SERDE, false);
        Topology replay = EnrichTopology.build(TOPICS, Enricher.defaults(), new TopologySerdes(rawDeserializer,
                        enrichedSerde, AvroSerde.specific(DeadLetter.class).configured(SERDE, false)),
                new TopologyOptions(DedupSettings.DISABLED, EnrichMetrics.noop(), Long.MAX_VALUE,
                        new EnrichTopology.Window(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"),
                                java.util.Set.of("sample-1"))));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-replay-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver replayDriver = new TopologyTestDriver(replay, props)) {
            var in = replayDriver.createInputTopic("news.raw", new ByteArraySerializer(), new ByteArraySerializer());
            var out = replayDriver.createOutputTopic("news.enriched", new StringDeserializer(),
                    enrichedSerde.deserializer());
            RawArticle kept = RawArticle.newBuilder(sample()).setId("sample-2").build();
            for (RawArticle a : java.util.List.of(sample(), kept)) {
                in.pipeInput(a.getId().getBytes(StandardCharsets.UTF_8),
                        rawSerde.serializer().serialize("news.raw", a), Instant.parse("2025-07-06T00:00:00Z"));
            }
            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("sample-2");
        }
    }

    @Test
    void shouldNameEveryNode() {
        AvroDeserializer<RawArticle> rawDeserializer = new AvroDeserializer<>(RawArticle.class);
        rawDeserializer.configure(SERDE, false);
        Topology plain = EnrichTopology.build(TOPICS, Enricher.defaults(), new TopologySerdes(rawDeserializer,
                        AvroSerde.specific(EnrichedArticle.class).configured(SERDE, false),
                        AvroSerde.specific(DeadLetter.class).configured(SERDE, false)),
                TopologyOptions.defaults().withDedup(DedupSettings.DISABLED));
        TopologyDescription description = plain.describe();
        assertThat(description.subtopologies()).hasSize(1);
        assertThat(description.globalStores()).isEmpty();
        var names = description.subtopologies().iterator().next().nodes().stream()
                .map(TopologyDescription.Node::name).toList();
        assertThat(names).containsExactlyInAnyOrder(EnrichTopology.SOURCE, EnrichTopology.PROCESSOR,
                EnrichTopology.SPLIT, EnrichTopology.SPLIT + EnrichTopology.ENRICHED_BRANCH,
                EnrichTopology.SPLIT + EnrichTopology.DEAD_BRANCH, "unwrap-enriched", "unwrap-dead-letter",
                "stamp-enriched-at", "stamp-failed-at", EnrichTopology.ENRICHED_SINK, EnrichTopology.DLQ_SINK,
                EnrichTopology.SPLIT + EnrichTopology.REMOVED_BRANCH, "to-tombstone", EnrichTopology.TOMBSTONE_SINK);
    }

    @Test
    void shouldNameEveryDedupNodeStoreAndRepartitionTopic() {
        String text = topology.describe().toString();
        assertThat(text).contains(DuplicateDetector.PROBES, DuplicateDetector.BUCKET_LOOKUP,
                DuplicateDetector.JOIN, DuplicateDetector.BUCKET_STORE, DuplicateDetector.PENDING_ARTICLES,
                DuplicateDetector.PENDING_VERDICTS, DuplicateDetector.PROBES_TOPIC + "-repartition",
                DuplicateDetector.VERDICTS_TOPIC + "-repartition");
        assertThat(text).doesNotContain("KSTREAM-", "KTABLE-");
        // the SimHash band detector's topics and stores (another record format) are not read after an upgrade
        assertThat(text).doesNotContain("dedup-bands", "dedup-band-store", "dedup-verdicts", "dedup-pending-");
        // nor those of the sketch detector that sent one record per probe (record format 2)
        assertThat(text).doesNotContain("dedup-sketch-");
        // the verdicts come back into the sub-topology that reads news.raw (co-partitioned by article id)
        assertThat(topology.describe().subtopologies()).hasSize(2);
    }

    private static final String STORY = String.join("\n",
            "Presiden menegaskan pemerintah akan mempercepat pembangunan ibu kota baru di Kalimantan Timur.",
            "Menurut dia, anggaran tahun depan sudah disiapkan untuk infrastruktur dasar dan perumahan aparatur.",
            "Pemerintah juga membuka peluang investasi swasta untuk kawasan inti pusat pemerintahan.",
            "\"Kami ingin pembangunan berjalan sesuai jadwal dan tidak membebani APBN,\" ujarnya di Istana.",
            "Sejumlah kementerian dijadwalkan mulai berkantor di sana pada paruh kedua tahun depan.",
            "DPR meminta pemerintah memastikan kajian lingkungan dan hak masyarakat adat tetap dihormati.");

    private static RawArticle raw(String id, String body, String publishedAt) {
        return RawArticle.newBuilder().setId(id).setSource(id).setBody(body)
                .setPublishedAt(Instant.parse(publishedAt)).setIngestedAt(Instant.parse(publishedAt)).build();
    }

    private Map<String, EnrichedArticle> drain() {
        Map<String, EnrichedArticle> out = new java.util.HashMap<>();
        enriched.readKeyValuesToList().forEach(kv -> out.put(kv.key, kv.value));
        return out;
    }

    @Test
    void shouldFlagTheSameStoryFromTwoOutletsWithDifferentBoilerplate() {
        pipe(raw("kompas-1", "JAKARTA, KOMPAS.com - " + STORY + "\nBaca juga: Harga Cabai Naik Jelang Lebaran\n"
                + "Penulis : Andi Saputra\nEditor : Budi Santoso", "2025-07-06T03:00:00Z"));
        pipe(raw("antara-1", "Jakarta (ANTARA) - " + STORY.replaceFirst("\n", "\nBACA JUGA: Timnas Menang Tipis\n")
                + "\nPewarta: Citra Dewi\nEditor: Dedi", "2025-07-06T05:00:00Z"));

        Map<String, EnrichedArticle> out = drain();
        assertThat(out).containsOnlyKeys("kompas-1", "antara-1");
        assertThat(out.get("kompas-1").getDuplicateOf()).isNull();
        assertThat(out.get("kompas-1").getClusterId()).isEqualTo("kompas-1");
        assertThat(out.get("antara-1").getDuplicateOf()).isEqualTo("kompas-1");
        assertThat(out.get("antara-1").getClusterId()).isEqualTo("kompas-1");
    }

    @Test
    void shouldNotFlagTwoDifferentStoriesOnTheSameTopic() {
        pipe(raw("a", STORY, "2025-07-06T03:00:00Z"));
        pipe(raw("b", String.join("\n",
                "Presiden melantik tiga menteri baru dalam perombakan kabinet di Istana Negara pada Senin pagi.",
                "Menteri keuangan yang baru berjanji menjaga defisit anggaran di bawah tiga persen.",
                "Partai koalisi menyambut baik keputusan itu, sementara oposisi mempertanyakan waktunya.",
                "DPR akan memanggil para menteri baru untuk rapat kerja pekan depan."), "2025-07-06T04:00:00Z"));

        Map<String, EnrichedArticle> out = drain();
        assertThat(out.get("a").getDuplicateOf()).isNull();
        assertThat(out.get("b").getDuplicateOf()).isNull();
        assertThat(out.get("b").getClusterId()).isEqualTo("b");
    }

    @Test
    void shouldKeepTheEarlierPublishedCopyCanonicalWhicheverArrivesFirst() {
        pipe(raw("late", STORY, "2025-07-06T09:00:00Z"));
        pipe(raw("early", STORY + "\nEditor: X", "2025-07-06T01:00:00Z"));

        Map<String, EnrichedArticle> out = drain();
        // the earlier copy arrived second: it is canonical, and the later one found nothing earlier when it came
        assertThat(out.get("early").getDuplicateOf()).isNull();
        pipe(raw("later-still", STORY, "2025-07-06T10:00:00Z"));
        assertThat(drain().get("later-still").getDuplicateOf()).isEqualTo("early");
    }

    @Test
    void shouldCopyEachArticleToTheTopicOfEachOfItsLabelsWhenRoutingIsOn() throws Exception {
        driver.close();
        AvroDeserializer<RawArticle> rawDeserializer = new AvroDeserializer<>(RawArticle.class);
        rawDeserializer.configure(SERDE, false);
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.specific(EnrichedArticle.class).configured(SERDE, false);
        Topology routed = EnrichTopology.build(new EnrichTopology.Topics("news.raw", "news.enriched", "news.dlq",
                        "news.topic."), Enricher.defaults(), new TopologySerdes(rawDeserializer, enrichedSerde,
                        AvroSerde.specific(DeadLetter.class).configured(SERDE, false)),
                TopologyOptions.defaults().withDedup(DedupSettings.DISABLED));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-route-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(routed, props);
        raw = driver.createInputTopic("news.raw", new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic("news.enriched", new StringDeserializer(), enrichedSerde.deserializer());

        pipe(sample());

        EnrichedArticle a = enriched.readValue();
        assertThat(a.getTopics()).isNotEmpty();
        for (var t : a.getTopics()) {
            var labelTopic = driver.createOutputTopic("news.topic." + t.getLabel(), new StringDeserializer(),
                    enrichedSerde.deserializer());
            assertThat(labelTopic.readKeyValue().key).isEqualTo("sample-1");
            assertThat(labelTopic.isEmpty()).isTrue();
        }
        assertThat(driver.producedTopicNames()).filteredOn(n -> n.startsWith("news.topic."))
                .hasSize(a.getTopics().size());

        raw.pipeInput("sample-1".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        for (String label : Enricher.defaults().labels()) {
            var labelTopic = driver.createOutputTopic("news.topic." + label, new StringDeserializer(),
                    enrichedSerde.deserializer());
            var records = labelTopic.readKeyValuesToList();
            assertThat(records).as("a takedown reaches the copy on %s", label).isNotEmpty();
            assertThat(records.get(records.size() - 1).key).isEqualTo("sample-1");
            assertThat(records.get(records.size() - 1).value).isNull();
        }
    }

    @Test
    void shouldDeadLetterARecordTheEnrichmentFailsOnAndGoOn() throws Exception {
        driver.close();
        AvroDeserializer<RawArticle> rawDeserializer = new AvroDeserializer<>(RawArticle.class);
        rawDeserializer.configure(SERDE, false);
        Enricher real = Enricher.defaults();
        ArticleEnricher failing = r -> {
            if (r.getId().equals("boom")) {
                throw new IllegalStateException("rule pack exploded on this one");
            }
            return real.enrich(r);
        };
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.specific(EnrichedArticle.class).configured(SERDE, false);
        AvroSerde<DeadLetter> dlqSerde = AvroSerde.specific(DeadLetter.class).configured(SERDE, false);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-fail-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(EnrichTopology.build(TOPICS, failing,
                new TopologySerdes(rawDeserializer, enrichedSerde, dlqSerde),
                TopologyOptions.defaults().withDedup(DedupSettings.DISABLED)), props);
        raw = driver.createInputTopic("news.raw", new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic("news.enriched", new StringDeserializer(), enrichedSerde.deserializer());
        dlq = driver.createOutputTopic("news.dlq", Serdes.ByteArray().deserializer(), dlqSerde.deserializer());

        pipe(RawArticle.newBuilder(sample()).setId("boom").build());
        pipe(sample());

        DeadLetter letter = dlq.readValue();
        assertThat(letter.getReason()).isEqualTo("processing");
        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.getErrorMessage()).contains("exploded");
        assertThat(letter.getValue()).isNotNull();
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(enriched.readKeyValue().key).isEqualTo("sample-1");
    }

    @Test
    void shouldDeadLetterARawRecordNotKeyedByItsArticleId() {
        RawArticle a = raw("real-id", STORY, "2025-07-06T03:00:00Z");
        raw.pipeInput("other-key".getBytes(StandardCharsets.UTF_8), rawSerde.serializer().serialize("news.raw", a));
        assertThat(dlq.readValue().getReason()).isEqualTo("key-mismatch");
        assertThat(enriched.isEmpty()).isTrue();
    }
}
