package io.newspipe.cli;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.localstack.LocalStack;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerializer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The reference for duplicate verdicts: one enrich instance in this JVM, over the given articles published in
 * order to topics of their own, on the same stack. Started first, read at the end, so that its start-up overlaps
 * the run it is compared with.
 */
final class ClusterReferenceRun implements AutoCloseable {

    private static final String NAME = "cluster.reference";

    private final LocalStack stack;
    private final ConnectionOptions connection = new ConnectionOptions();
    private final int articles;
    private final EnrichApp app;

    /** Publishes the articles and starts the instance. */
    ClusterReferenceRun(LocalStack stack, List<RawArticle> articles, Path work) {
        this.stack = stack;
        this.articles = articles.size();
        StackOptions.point(connection, stack, NAME + ".raw", NAME + ".enriched", NAME + ".dlq");
        TopicsCommand.Create.createAll(connection, 6, stack.replicationFactor(),
                new PrintStream(OutputStream.nullOutputStream()));
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), serializer)) {
            for (RawArticle a : articles) {
                producer.send(new ProducerRecord<>(connection.rawTopic(), null, a.getPublishedAt().toEpochMilli(),
                        a.getId(), a));
            }
            producer.flush();
        }
        app = Stages.enrichApp(connection, EnrichStageSettings.of("cluster-reference", work.resolve("reference-state")))
                .start();
    }

    /** Each article's {@code duplicate_of} as the one instance gives it, by id ("" for none). */
    Map<String, String> duplicateVerdicts() {
        AvroDeserializer<EnrichedArticle> deserializer = new AvroDeserializer<>(EnrichedArticle.class);
        deserializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        Map<String, String> verdicts = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-reference-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(connection.enrichedTopic()));
            Deadline.await(articles + " articles enriched by one instance", Duration.ofMinutes(5),
                    Duration.ofMillis(10), () -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                            CharSequence of = deserializer.deserialize(r.topic(), r.value()).getDuplicateOf();
                            verdicts.put(r.key(), of == null ? "" : of.toString());
                        });
                        return verdicts.size() >= articles;
                    });
        }
        return verdicts;
    }

    @Override
    public void close() {
        app.close();
    }
}
