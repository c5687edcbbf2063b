package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.enrich.EnrichMetrics;
import io.newspipe.enrich.EnrichSettings;
import io.newspipe.enrich.EnrichTopology;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.dedup.DedupSettings;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enriched record too large for the producer goes to the dead letter topic, and the app goes on: under
 * exactly-once the broker's refusal would abort the transaction, so enrich catches it before sending.
 */
@ExtendWith(LocalStackExtension.class)
class EnrichDeadLettersIT {

    private final LocalStack stack;

    EnrichDeadLettersIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldDeadLetterAnEnrichedRecordTheBrokerWillNotTakeAndGoOn(@TempDir Path state) throws Exception {
        String raw = "dl.raw";
        String enriched = "dl.enriched";
        String dlq = "dl.dlq";
        stack.createTopics(1, raw, enriched, dlq);
        StringBuilder big = new StringBuilder("JAKARTA, KOMPAS.com - Cerita utama dimulai di sini dengan kalimat "
                + "yang cukup panjang untuk sebuah berita.\n");
        for (int i = 0; i < 120; i++) {
            big.append("Baca juga: Judul berita lain nomor ").append(i).append(" yang cukup panjang untuk diuji\n");
        }
        big.append("Penutup cerita yang juga merupakan bagian dari isi berita yang sebenarnya.");
        RawArticle huge = RawArticle.newBuilder().setId("too-big").setBody(big.toString())
                .setIngestedAt(Instant.now()).build();
        RawArticle fine = RawArticle.newBuilder().setId("fine").setBody("Isi berita biasa yang pendek sekali.")
                .setIngestedAt(Instant.now()).build();
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(),
                serializer)) {
            producer.send(new ProducerRecord<>(raw, huge.getId(), huge)).get();
            producer.send(new ProducerRecord<>(raw, fine.getId(), fine)).get();
        }
        int rawSize = serializer.serialize(raw, huge).length;
        EnrichedArticle out = Enricher.defaults().enrich(huge);
        int enrichedSize = new AvroSerializer<EnrichedArticle>(
                io.newspipe.schemas.registry.SchemaRegistryClients.create(
                        Map.of("schema.registry.url", stack.schemaRegistryUrl()))).serialize(enriched, out).length;
        int limit = (rawSize + enrichedSize) / 2; // the raw copy fits in a dead letter, the enriched one does not
        assertThat(enrichedSize).isGreaterThan(limit + 500);

        EnrichSettings settings = new EnrichSettings(stack.bootstrapServers(), stack.schemaRegistryUrl(), "dl-app",
                new EnrichTopology.Topics(raw, enriched, dlq), "exactly_once_v2", 100, state,
                DedupSettings.DISABLED, Map.of(StreamsConfig.producerPrefix("max.request.size"), limit + 2000));
        List<DeadLetter> letters = new ArrayList<>();
        List<String> enrichedIds = new ArrayList<>();
        AvroDeserializer<DeadLetter> d = new AvroDeserializer<>(DeadLetter.class);
        d.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (EnrichApp app = new EnrichApp(settings, Enricher.defaults(), EnrichMetrics.noop()).start();
             var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "dl-reader",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(dlq, enriched));
            Deadline.await("the dead letter and the good article", Duration.ofSeconds(60), Duration.ofMillis(10),
                    () -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                            if (r.topic().equals(dlq)) {
                                letters.add(d.deserialize(r.topic(), r.value()));
                            } else {
                                enrichedIds.add(new String(r.key(), StandardCharsets.UTF_8));
                            }
                        });
                        return !letters.isEmpty() && enrichedIds.contains("fine");
                    });
            assertThat(app.isReady()).isTrue();
        }
        // closed, the app has left its group: a restarted instance need not wait for its session to expire
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            assertThat(admin.describeConsumerGroups(List.of("dl-app")).all().get().get("dl-app").members())
                    .isEmpty();
        }
        assertThat(enrichedIds).containsExactly("fine");
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.getStage()).isEqualTo("enrich");
            assertThat(l.getReason()).isEqualTo("oversize-output");
            assertThat(l.getErrorMessage()).contains("max.request.size");
            assertThat(l.getTopic()).isEqualTo(raw);
            assertThat(l.getOffset()).isZero();
            assertThat(new String(l.getKey().array(), StandardCharsets.UTF_8)).isEqualTo("too-big");
        });
    }
}
