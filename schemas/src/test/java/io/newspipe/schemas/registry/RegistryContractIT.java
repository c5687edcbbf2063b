package io.newspipe.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.compat.CompatibilityCheck;
import io.newspipe.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our client and Serde against a real registry (Apicurio's Confluent-compatible API, FULL_TRANSITIVE globally). */
@ExtendWith(LocalStackExtension.class)
class RegistryContractIT {

    private final LocalStack stack;
    private final SchemaRegistryClient client;

    RegistryContractIT(LocalStack stack) {
        this.stack = stack;
        this.client = SchemaRegistryClients.create(Map.of("schema.registry.url", stack.schemaRegistryUrl()));
    }

    @Test
    void shouldRegisterAndFetchTheContractsById() {
        int raw = client.register("contract.raw-value", RawArticle.getClassSchema());
        int enriched = client.register("contract.enriched-value", EnrichedArticle.getClassSchema());

        assertThat(raw).isNotEqualTo(enriched);
        SchemaRegistryClient fresh = SchemaRegistryClients.create(Map.of("schema.registry.url",
                stack.schemaRegistryUrl()));
        assertThat(fresh.getSchemaById(raw)).isEqualTo(RawArticle.getClassSchema());
        assertThat(fresh.getSchemaById(enriched)).isEqualTo(EnrichedArticle.getClassSchema());
        assertThat(fresh.getId("contract.raw-value", RawArticle.getClassSchema())).isEqualTo(raw);
        assertThat(fresh.getLatestSchemaMetadata("contract.raw-value").id()).isEqualTo(raw);
        assertThat(fresh.getAllSubjects()).contains("contract.raw-value", "contract.enriched-value");
    }

    @Test
    void shouldAnswerTheSameIdWhenTheSameSchemaIsRegisteredAgain() {
        int first = client.register("contract.again-value", RawArticle.getClassSchema());
        SchemaRegistryClient other = SchemaRegistryClients.create(Map.of("schema.registry.url",
                stack.schemaRegistryUrl()));
        assertThat(other.register("contract.again-value", RawArticle.getClassSchema())).isEqualTo(first);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithAClearMessage() {
        Schema v1 = SchemaBuilder.record("Item").namespace("contract").fields().requiredString("name").endRecord();
        Schema v2 = SchemaBuilder.record("Item").namespace("contract").fields().requiredString("name")
                .optionalString("note").endRecord();
        Schema bad = SchemaBuilder.record("Item").namespace("contract").fields().requiredString("name")
                .requiredInt("rank").endRecord();
        client.register("contract.items-value", v1);

        assertThat(client.testCompatibility("contract.items-value", v2)).isTrue();
        assertThat(client.testCompatibility("contract.items-value", bad)).isFalse();
        assertThatThrownBy(() -> client.register("contract.items-value", bad))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("answered 409")
                .hasMessageContaining("contract.items-value")
                .hasMessageContaining("not compatible");
        assertThat(client.register("contract.items-value", v2)).isPositive();
    }

    @Test
    void shouldRegisterEveryReleasedEnrichedArticleUnderOneSubject() throws Exception {
        String subject = "contract.enriched-value";
        List<Integer> ids = new ArrayList<>();
        for (Path released : CompatibilityCheck.releases(Path.of("released/EnrichedArticle"))) {
            ids.add(client.register(subject, new Schema.Parser().parse(released.toFile())));
        }

        assertThat(ids).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        // what the pipeline registers: the generated class's schema, the last release
        assertThat(client.register(subject, EnrichedArticle.getClassSchema())).isPositive();
        assertThat(client.getLatestSchemaMetadata(subject).schema().getField("simhash_hex")).isNotNull();
    }

    @Test
    void shouldRefuseAChangeThatOldConsumersCannotRead() {
        Schema v1 = SchemaBuilder.record("Item").namespace("contract").fields().requiredString("name")
                .requiredString("owner").endRecord();
        Schema dropsRequired = SchemaBuilder.record("Item").namespace("contract").fields().requiredString("name")
                .endRecord();
        client.register("contract.forward-value", v1);

        // a consumer still on v1 needs `owner`: BACKWARD alone would take this, FULL_TRANSITIVE must not
        assertThat(client.testCompatibility("contract.forward-value", dropsRequired)).isFalse();
    }

    @Test
    void shouldReportAnUnknownSchemaIdAsNotFound() {
        assertThatThrownBy(() -> client.getSchemaById(987_654)).isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(404));
    }

    @Test
    void shouldRoundTripThroughTheSerdeAgainstTheRealRegistry() {
        Map<String, Object> cfg = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        RawArticle in = RawArticle.newBuilder().setId("c1").setBody("isi").setIngestedAt(
                Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();

        byte[] bytes = AvroSerde.specific(RawArticle.class).configured(cfg, false).serializer()
                .serialize("contract.serde", in);

        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(client.getLatestSchemaMetadata("contract.serde-value").id()).isEqualTo(id);
        assertThat(AvroSerde.specific(RawArticle.class).configured(cfg, false).deserializer()
                .deserialize("contract.serde", bytes)).isEqualTo(in);
        Object generic = AvroSerde.generic().configured(cfg, false).deserializer().deserialize("contract.serde",
                bytes);
        assertThat(((GenericRecord) generic).get("id").toString()).isEqualTo("c1");
    }
}
