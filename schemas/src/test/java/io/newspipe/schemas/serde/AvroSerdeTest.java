package io.newspipe.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.avro.RawArticle;
import io.newspipe.schemas.registry.MockSchemaRegistryClient;
import io.newspipe.schemas.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String SCOPE = "serde-test";
    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "mock://" + SCOPE);

    @AfterEach
    void dropScope() {
        MockSchemaRegistryClient.dropScope(SCOPE);
    }

    static RawArticle article() {
        return RawArticle.newBuilder().setId("a1").setBody("Body line\nSecond line").setTitle("Judul")
                .setPublishedAt(Instant.parse("2025-07-06T03:00:00Z"))
                .setIngestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    @Test
    void shouldRoundTripSpecificRecordInConfluentWireFormat() {
        AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class).configured(CONFIG, false);
        RawArticle in = article();

        byte[] bytes = serde.serializer().serialize("news.raw", in);

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        SchemaRegistryClient registry = MockSchemaRegistryClient.forScope(SCOPE);
        assertThat(registry.getLatestSchemaMetadata("news.raw-value").id()).isEqualTo(id);
        assertThat(serde.deserializer().deserialize("news.raw", bytes)).isEqualTo(in);
    }

    @Test
    void shouldReadGenericRecordsWhenNoClassIsGiven() {
        byte[] bytes = AvroSerde.specific(RawArticle.class).configured(CONFIG, false).serializer()
                .serialize("news.raw", article());

        Object read = AvroSerde.generic().configured(CONFIG, false).deserializer().deserialize("news.raw", bytes);

        assertThat(read).isInstanceOf(GenericRecord.class);
        assertThat(((GenericRecord) read).get("title").toString()).isEqualTo("Judul");
        assertThat(((GenericRecord) read).get("published_at")).isEqualTo(1751770800000L);
    }

    @Test
    void shouldMapNullToNullBothWays() {
        AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class).configured(CONFIG, false);
        assertThat(serde.serializer().serialize("news.raw", null)).isNull();
        assertThat(serde.deserializer().deserialize("news.raw", null)).isNull();
    }

    @Test
    void shouldRefuseBytesWithoutTheMagicByte() {
        AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class).configured(CONFIG, false);
        assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", "not avro at all".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
        assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", new byte[] {0, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than");
    }

    @Test
    void shouldReportAnUnknownSchemaId() {
        AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class).configured(CONFIG, false);
        byte[] bytes = {0, 0, 0, 0x7f, 0x7f, 2, 'x'};
        assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("id " + 0x7f7f);
    }

    @Test
    void shouldResolveAnOlderWriterSchemaAgainstANewerReader() {
        Schema v1 = SchemaBuilder.record("Item").namespace("t").fields().requiredString("name").endRecord();
        Schema v2 = SchemaBuilder.record("Item").namespace("t").fields().requiredString("name")
                .name("rank").type().intType().intDefault(7).endRecord();
        GenericRecord old = new GenericData.Record(v1);
        old.put("name", "x");
        byte[] bytes = AvroSerde.generic().configured(CONFIG, false).serializer().serialize("items", old);
        // a newer schema registered later becomes the reader with use.latest.version
        MockSchemaRegistryClient.forScope(SCOPE).register("items-value", v2);

        Object read = AvroSerde.generic().configured(Map.of("schema.registry.url", "mock://" + SCOPE,
                "use.latest.version", true), false).deserializer().deserialize("items", bytes);

        assertThat(((GenericRecord) read).get("rank")).isEqualTo(7);
        assertThat(((GenericRecord) read).get("name").toString()).isEqualTo("x");
    }

    @Test
    void shouldLookUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
        AvroSerializer<RawArticle> s = new AvroSerializer<>();
        s.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", false), false);
        assertThatThrownBy(() -> s.serialize("news.raw", article())).isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.raw-value");
        MockSchemaRegistryClient.forScope(SCOPE).register("news.raw-value", RawArticle.getClassSchema());
        assertThat(s.serialize("news.raw", article())).isNotEmpty();
    }

    @Test
    void shouldNameSubjectsLikeConfluentStrategies() {
        Schema schema = RawArticle.getClassSchema();
        assertThat(SubjectNameStrategy.parse(null).subject("t", false, schema)).isEqualTo("t-value");
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicNameStrategy")
                .subject("t", true, schema)).isEqualTo("t-key");
        assertThat(SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.RecordNameStrategy")
                .subject("t", false, schema)).isEqualTo("io.newspipe.avro.RawArticle");
        assertThat(SubjectNameStrategy.parse("TopicRecordNameStrategy").subject("t", false, schema))
                .isEqualTo("t-io.newspipe.avro.RawArticle");
        assertThatThrownBy(() -> SubjectNameStrategy.parse("Nope")).hasMessageContaining("TopicNameStrategy");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaInTheMockRegistry() {
        Schema v1 = SchemaBuilder.record("Item").namespace("t").fields().requiredString("name").endRecord();
        Schema bad = SchemaBuilder.record("Item").namespace("t").fields().requiredString("name")
                .requiredInt("rank").endRecord();
        MockSchemaRegistryClient registry = MockSchemaRegistryClient.forScope(SCOPE);
        registry.register("items-value", v1);
        assertThat(registry.testCompatibility("items-value", bad)).isFalse();
        assertThatThrownBy(() -> registry.register("items-value", bad)).hasMessageContaining("rank");
    }
}
