package io.newspipe.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
import io.newspipe.schemas.registry.MockSchemaRegistryClient;
import io.newspipe.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The duplicate detector alone in a {@link TopologyTestDriver}: enriched articles (made from the labelled pairs'
 * texts by the default enricher, so the clean bodies are what enrich gives) in, flagged articles out.
 */
class DuplicateDetectorTest {

    private static final String SCOPE = "duplicate-detector-test";
    private static final String APPLICATION = "dedup-test";
    private static final Map<String, Object> SERDE = Map.of("schema.registry.url", "mock://" + SCOPE);
    private static Enricher enricher;

    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;
    private TestOutputTopic<String, EnrichedArticle> out;
    private final List<String> kinds = new ArrayList<>();

    @BeforeAll
    static void loadEnricher() {
        enricher = Enricher.defaults();
    }

    private void start(DedupSettings settings) {
        AvroSerde<EnrichedArticle> serde = AvroSerde.specific(EnrichedArticle.class).configured(SERDE, false);
        StreamsBuilder builder = new StreamsBuilder();
        DuplicateDetector.attach(builder, builder.stream("articles",
                                Consumed.with(Serdes.String(), serde).withName("articles-source")), serde, settings,
                        kinds::add)
                .to("flagged", Produced.with(Serdes.String(), serde).withName("flagged-sink"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("articles", Serdes.String().serializer(), serde.serializer());
        out = driver.createOutputTopic("flagged", Serdes.String().deserializer(), serde.deserializer());
    }

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        MockSchemaRegistryClient.dropScope(SCOPE);
    }

    /** A labelled-pairs text ({@code dedup-pairs/articles/<name>.txt}) enriched under {@code id}. */
    private static EnrichedArticle article(String id, String name, String publishedAt) {
        return enriched(id, text(name), publishedAt);
    }

    private static EnrichedArticle enriched(String id, String body, String publishedAt) {
        Instant at = Instant.parse(publishedAt);
        return enricher.enrich(RawArticle.newBuilder().setId(id).setSource(id).setBody(body).setPublishedAt(at)
                .setIngestedAt(at).build());
    }

    private static String text(String name) {
        return LabelledPairs.read("dedup-pairs/articles/" + name + ".txt");
    }

    private void pipe(EnrichedArticle... articles) {
        for (EnrichedArticle a : articles) {
            in.pipeInput(a.getId(), a);
        }
    }

    private Map<String, EnrichedArticle> drain() {
        Map<String, EnrichedArticle> flagged = new HashMap<>();
        for (KeyValue<String, EnrichedArticle> kv : out.readKeyValuesToList()) {
            assertThat(flagged).as("each article leaves once").doesNotContainKey(kv.key);
            flagged.put(kv.key, kv.value);
        }
        return flagged;
    }

    @Test
    void shouldFlagAnExactCopyAsAnExactDuplicateOfTheEarlierOne() {
        start(DedupSettings.DEFAULTS);
        EnrichedArticle first = article("first", "banjir-garut-agency", "2026-11-11T02:00:00Z");
        pipe(first, enriched("again", first.getBody(), "2026-11-11T05:00:00Z"));

        Map<String, EnrichedArticle> flagged = drain();
        assertThat(flagged).containsOnlyKeys("first", "again");
        assertThat(flagged.get("first").getDuplicateOf()).isNull();
        assertThat(flagged.get("first").getClusterId()).isEqualTo("first");
        assertThat(flagged.get("again").getDuplicateOf()).isEqualTo("first");
        assertThat(flagged.get("again").getClusterId()).isEqualTo("first");
        assertThat(kinds).containsExactly("exact");
    }

    @Test
    void shouldFlagSyndicatedCopiesWithOtherBoilerplateAnEditedLeadOrCutShort() {
        start(DedupSettings.DEFAULTS);
        pipe(article("agency", "bus-cipali-agency", "2026-11-11T02:00:00Z"),
                article("full", "bus-cipali-full", "2026-11-11T03:00:00Z"),
                article("lead", "bus-cipali-lead", "2026-11-11T04:00:00Z"),
                article("short", "bus-cipali-short", "2026-11-11T05:00:00Z"));

        Map<String, EnrichedArticle> flagged = drain();
        assertThat(flagged).containsOnlyKeys("agency", "full", "lead", "short");
        assertThat(flagged.get("agency").getDuplicateOf()).isNull();
        for (String copy : List.of("full", "lead", "short")) {
            assertThat(flagged.get(copy).getDuplicateOf()).as(copy).isEqualTo("agency");
            assertThat(flagged.get(copy).getClusterId()).as(copy).isEqualTo("agency");
        }
        assertThat(kinds).hasSize(3).contains("near");
    }

    @Test
    void shouldNotMatchAnIndependentReportOfTheSameEventNorTheNextDaysStory() {
        start(DedupSettings.DEFAULTS);
        pipe(article("agency", "banjir-garut-agency", "2026-11-11T02:00:00Z"),
                article("independent", "banjir-garut-independent", "2026-11-11T03:00:00Z"),
                article("follow-up", "banjir-garut-follow-up", "2026-11-12T03:00:00Z"));

        Map<String, EnrichedArticle> flagged = drain();
        assertThat(flagged).containsOnlyKeys("agency", "independent", "follow-up");
        flagged.forEach((id, a) -> {
            assertThat(a.getDuplicateOf()).as(id).isNull();
            assertThat(a.getClusterId()).as(id).isEqualTo(id);
        });
        assertThat(kinds).isEmpty();
    }

    @Test
    void shouldNameTheEarliestPublishedCopyWhicheverOrderTheLaterCopiesArriveIn() {
        for (List<String> order : List.of(List.of("early", "middle", "late"), List.of("early", "late", "middle"))) {
            start(DedupSettings.DEFAULTS);
            Map<String, EnrichedArticle> byId = Map.of(
                    "early", article("early", "campak-ntt-agency", "2026-11-11T01:00:00Z"),
                    "middle", article("middle", "campak-ntt-full", "2026-11-11T02:00:00Z"),
                    "late", article("late", "campak-ntt-reworded", "2026-11-11T03:00:00Z"));
            order.forEach(id -> pipe(byId.get(id)));

            Map<String, EnrichedArticle> flagged = drain();
            assertThat(flagged.get("early").getDuplicateOf()).as(order.toString()).isNull();
            assertThat(flagged.get("middle").getDuplicateOf()).as(order.toString()).isEqualTo("early");
            assertThat(flagged.get("late").getDuplicateOf()).as(order.toString()).isEqualTo("early");
            tearDown();
        }
    }

    @Test
    void shouldKeepTheEarlierPublishedCopyCanonicalWhenItArrivesAfterALaterOne() {
        start(DedupSettings.DEFAULTS);
        pipe(article("late", "campak-ntt-full", "2026-11-11T09:00:00Z"),
                article("early", "campak-ntt-agency", "2026-11-11T01:00:00Z"));

        Map<String, EnrichedArticle> flagged = drain();
        // "late" found nothing earlier when it came; "early" finds "late" but it is not earlier
        assertThat(flagged.get("late").getDuplicateOf()).isNull();
        assertThat(flagged.get("early").getDuplicateOf()).isNull();
        pipe(article("later-still", "campak-ntt-lead", "2026-11-11T10:00:00Z"));
        assertThat(drain().get("later-still").getDuplicateOf()).isEqualTo("early");
    }

    @Test
    void shouldBreakATieOfPublicationTimesByTheSmallerIdWhicheverArrivesFirst() {
        start(DedupSettings.DEFAULTS);
        pipe(article("b-copy", "bus-cipali-full", "2026-11-11T02:00:00Z"),
                article("a-copy", "bus-cipali-agency", "2026-11-11T02:00:00Z"));

        Map<String, EnrichedArticle> flagged = drain();
        assertThat(flagged.get("a-copy").getDuplicateOf()).isNull();
        // b-copy came first and found nothing; a later copy names a-copy, the smaller of the two
        assertThat(flagged.get("b-copy").getDuplicateOf()).isNull();
        pipe(article("c-copy", "bus-cipali-short", "2026-11-11T03:00:00Z"));
        assertThat(drain().get("c-copy").getDuplicateOf()).isEqualTo("a-copy");
    }

    @Test
    void shouldMeetCopiesFromDifferentRawPartitionsInTheBucketsTheyShare() {
        start(DedupSettings.DEFAULTS);
        int partitions = 4;
        String original = idOnPartition("agency-", 0, partitions);
        String copy = idOnPartition("regional-", 3, partitions);
        pipe(article(original, "banjir-garut-agency", "2026-11-11T02:00:00Z"),
                article(copy, "banjir-garut-lead", "2026-11-11T04:00:00Z"));

        // the probes are keyed by bucket, not by article: the two meet in a bucket whatever their own partitions
        Map<String, Set<String>> probesByBucket = new HashMap<>();
        driver.createOutputTopic(APPLICATION + "-" + DuplicateDetector.PROBES_TOPIC + "-repartition",
                        Serdes.String().deserializer(), DedupCodec.PROBES.deserializer()).readValuesToList()
                .forEach(batch -> {
                    for (int i = 0; i < batch.count(); i++) {
                        if ((batch.probes() & 1 << i) != 0) {
                            probesByBucket.computeIfAbsent(HexFormat.of().formatHex(batch.bucket(i)),
                                    k -> new HashSet<>()).add(batch.articleId());
                        }
                    }
                });
        assertThat(probesByBucket.values()).anySatisfy(ids -> assertThat(ids).containsExactlyInAnyOrder(original,
                copy));
        assertThat(drain().get(copy).getDuplicateOf()).isEqualTo(original);
    }

    /** An id starting with {@code prefix} that the default partitioner puts on {@code partition}. */
    private static String idOnPartition(String prefix, int partition, int partitions) {
        for (int i = 0; ; i++) {
            String id = prefix + i;
            if (Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions == partition) {
                return id;
            }
        }
    }

    @Test
    void shouldNotMatchACopyPublishedLongerAgoThanTheWindow() {
        start(new DedupSettings(true, 0.5, Duration.ofDays(1), 500));
        pipe(article("old", "bus-cipali-agency", "2026-11-01T02:00:00Z"),
                article("new", "bus-cipali-full", "2026-11-11T02:00:00Z"));

        assertThat(drain().get("new").getDuplicateOf()).isNull();
    }

    @Test
    void shouldKeepOnlyTheNewestEntriesOfAFullBucket() {
        start(new DedupSettings(true, 0.5, Duration.ofDays(7), 1));
        pipe(article("first", "bus-cipali-agency", "2026-11-11T01:00:00Z"),
                article("second", "bus-cipali-agency", "2026-11-11T02:00:00Z"),
                article("third", "bus-cipali-agency", "2026-11-11T03:00:00Z"));

        Map<String, EnrichedArticle> flagged = drain();
        assertThat(flagged.get("second").getDuplicateOf()).isEqualTo("first");
        // each bucket keeps one entry: "first" made way for "second"
        assertThat(flagged.get("third").getDuplicateOf()).isEqualTo("second");
    }

    @Test
    void shouldReleaseArticlesWithFewOrNoShinglesOnceTheirFewerVerdictsAreIn() {
        start(DedupSettings.DEFAULTS);
        pipe(enriched("empty", "", "2026-11-11T01:00:00Z"), enriched("two-words", "Gempa Garut",
                "2026-11-11T01:00:00Z"), enriched("two-words-again", "Gempa Garut", "2026-11-11T02:00:00Z"));

        Map<String, EnrichedArticle> flagged = drain();
        assertThat(flagged).containsOnlyKeys("empty", "two-words", "two-words-again");
        assertThat(flagged.get("empty").getDuplicateOf()).isNull();
        assertThat(flagged.get("two-words-again").getDuplicateOf()).isEqualTo("two-words");
    }

    @Test
    void shouldSendAllProbesOfAnArticleToOnePartitionAsOneRecord() {
        EnrichedArticle a = article("agency", "banjir-garut-agency", "2026-11-11T02:00:00Z");
        List<KeyValue<String, ProbeBatch>> batches = DuplicateDetector.probes(a, 1);

        assertThat(batches).hasSize(1);
        ProbeBatch batch = batches.get(0).value;
        assertThat(batches.get(0).key).isEqualTo("agency");
        assertThat(batch.count()).isEqualTo(ArticleSketch.KEYS);
        assertThat(batch.probes()).isEqualTo(ProbeBatch.allProbes(ArticleSketch.KEYS));
        assertThat(batch.bucket(0)[0]).isEqualTo((byte) 's');
    }

    @Test
    void shouldGroupTheProbesByTheirOwnerPartitionCoveringEachProbeOnce() {
        EnrichedArticle a = article("agency", "banjir-garut-agency", "2026-11-11T02:00:00Z");
        int partitions = 4;
        List<KeyValue<String, ProbeBatch>> batches = DuplicateDetector.probes(a, partitions);

        assertThat(batches).hasSizeBetween(2, partitions);
        int covered = 0;
        for (KeyValue<String, ProbeBatch> kv : batches) {
            ProbeBatch batch = kv.value;
            assertThat(covered & batch.probes()).as("no probe in two records").isZero();
            covered |= batch.probes();
            for (int i = 0; i < batch.count(); i++) {
                if ((batch.probes() & 1 << i) != 0) {
                    assertThat(ProbeBatch.partitionOf(batch.bucket(i), partitions)).isEqualTo(batch.partition());
                }
            }
        }
        assertThat(covered).isEqualTo(ProbeBatch.allProbes(ArticleSketch.KEYS));
    }

    @Test
    void shouldProbeTheContentHashOnlyForATextWithoutSketchKeys() {
        EnrichedArticle empty = enriched("empty", "", "2026-11-11T01:00:00Z");
        List<KeyValue<String, ProbeBatch>> batches = DuplicateDetector.probes(empty, 4);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).value.count()).isEqualTo(1);
        assertThat(batches.get(0).value.bucket(0)[0]).isEqualTo((byte) 'h');
    }

    @Test
    void shouldReleaseTheArticleOnceWhenAVerdictIsDeliveredTwice() {
        start(DedupSettings.DEFAULTS);
        EnrichedArticle first = article("first", "bus-cipali-agency", "2026-11-11T02:00:00Z");
        pipe(first);
        assertThat(drain()).containsOnlyKeys("first");
        // an exactly-once restart can deliver a verdict again after its article has left: nothing leaves twice
        driver.createInputTopic(APPLICATION + "-" + DuplicateDetector.VERDICTS_TOPIC + "-repartition",
                        Serdes.String().serializer(), DedupCodec.VERDICT.serializer())
                .pipeInput("first", new Verdict("first", ProbeBatch.allProbes(8), 8, null, null, 0L, false));
        assertThat(drain()).isEmpty();
    }
}
