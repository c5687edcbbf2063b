package io.newspipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.schemas.registry.MockSchemaRegistryClient;
import io.newspipe.schemas.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The switch of {@code EnrichedArticle} from version 1 (SimHash as a 64-bit {@code long}) to version 2 (SimHash as
 * a 16-digit hex string), seen from both sides of a topic whose consumers upgrade when they choose.
 */
class EnrichedArticleEvolutionTest {

    private static final String SCOPE = "evolution-test";
    private static final String SUBJECT = "news.enriched-value";
    /** A SimHash with the top bit set: as a long it is negative, as an unsigned number far beyond 2^53. */
    private static final long SIMHASH = 0xF3A1_0C5E_9B27_44D8L;

    @BeforeAll
    static void trustGeneratedClasses() {
        AvroTrust.install();
    }

    @AfterEach
    void dropScope() {
        MockSchemaRegistryClient.dropScope(SCOPE);
    }

    @Test
    void shouldReadARecordWrittenWithVersionOneInTheCurrentClass() throws IOException {
        Schema v1 = released(1);
        GenericRecord old = new GenericData.Record(v1);
        old.put("id", "a1");
        old.put("title", "Judul lama");
        old.put("body", "Isi berita.");
        old.put("removed", List.of());
        old.put("related_headlines", List.of("Berita lain"));
        old.put("topics", List.of());
        old.put("partial_page", false);
        old.put("simhash", SIMHASH);
        old.put("enriched_at", 1_751_770_800_000L);
        MockSchemaRegistryClient.forScope(SCOPE).register(SUBJECT, v1);
        byte[] bytes = AvroSerde.generic().configured(config(), false).serializer().serialize("news.enriched", old);

        EnrichedArticle read = AvroSerde.specific(EnrichedArticle.class).configured(config(), false).deserializer()
                .deserialize("news.enriched", bytes);

        assertThat(read.getId()).isEqualTo("a1");
        assertThat(read.getTitle()).isEqualTo("Judul lama");
        assertThat(read.getRelatedHeadlines()).containsExactly("Berita lain");
        assertThat(read.getEnrichedAt()).isEqualTo(Instant.ofEpochMilli(1_751_770_800_000L));
        assertThat(read.getSimhashHex()).as("version 1 carried no hex field; re-enrich to fill it").isNull();
    }

    @Test
    void shouldLetAConsumerStillOnVersionOneReadACurrentRecord() throws IOException {
        EnrichedArticle current = EnrichedArticle.newBuilder().setId("a2").setTitle("Judul baru").setBody("Isi.")
                .setSimhashHex(String.format("%016x", SIMHASH)).setEnrichedAt(Instant.ofEpochMilli(1_751_770_800_000L))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(EnrichedArticle.class).write(current, encoder);
        encoder.flush();

        GenericRecord seenByOldConsumer = new GenericDatumReader<GenericRecord>(EnrichedArticle.getClassSchema(),
                released(1)).read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

        assertThat(seenByOldConsumer.get("id").toString()).isEqualTo("a2");
        assertThat(seenByOldConsumer.get("title").toString()).isEqualTo("Judul baru");
        assertThat(seenByOldConsumer.get("simhash")).as("the removed long reads as its default").isNull();
    }

    @Test
    void shouldRegisterBothVersionsUnderOneSubjectAtFullTransitive() throws IOException {
        MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(SCOPE);
        registry.updateCompatibility(SUBJECT, "FULL_TRANSITIVE");
        int v1 = registry.register(SUBJECT, released(1));

        int current = registry.register(SUBJECT, EnrichedArticle.getClassSchema());

        assertThat(current).isNotEqualTo(v1);
        assertThat(registry.getLatestSchemaMetadata(SUBJECT).id()).isEqualTo(current);
    }

    @Test
    void shouldReleaseTheCurrentSchemaAsItIs() throws IOException {
        Schema source = new Schema.Parser().parse(Path.of("src/main/avro/EnrichedArticle.avsc").toFile());
        assertThat(released(3)).isEqualTo(source);
    }

    private static Map<String, Object> config() {
        return Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", false,
                "specific.avro.reader", true);
    }

    private static Schema released(int version) throws IOException {
        return new Schema.Parser().parse(Path.of("released/EnrichedArticle/v" + version + ".avsc").toFile());
    }
}
