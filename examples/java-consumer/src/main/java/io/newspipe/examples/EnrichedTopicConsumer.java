package io.newspipe.examples;

import io.newspipe.schemas.serde.AvroDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A minimal consumer of {@code news.enriched}: reads {@code EnrichedArticle} values as generic Avro records (the
 * writer schema fetched from the registry by the id in each record) and prints one line per article: id, title,
 * topics and related headlines.
 *
 * <pre>
 * BOOTSTRAP_SERVERS=localhost:9092 SCHEMA_REGISTRY_URL=http://localhost:8081 \
 *   mvn -q -pl examples/java-consumer exec:java
 * </pre>
 *
 * Settings, from the environment: {@code BOOTSTRAP_SERVERS} [localhost:9092], {@code SCHEMA_REGISTRY_URL}
 * [http://localhost:8081], {@code TOPIC} [news.enriched], {@code GROUP_ID} [newspipe-java-example],
 * {@code MAX_RECORDS} (stop after so many; 0 = never) [0], {@code IDLE_EXIT_MS} (stop after so long without a
 * record; 0 = never) [0].
 */
public final class EnrichedTopicConsumer {

    private EnrichedTopicConsumer() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        consume(env.getOrDefault("BOOTSTRAP_SERVERS", "localhost:9092"),
                env.getOrDefault("SCHEMA_REGISTRY_URL", "http://localhost:8081"),
                env.getOrDefault("TOPIC", "news.enriched"),
                env.getOrDefault("GROUP_ID", "newspipe-java-example"),
                Integer.parseInt(env.getOrDefault("MAX_RECORDS", "0")),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("IDLE_EXIT_MS", "0"))),
                System.out);
    }

    /**
     * Reads {@code topic} from the beginning and prints one line per record to {@code out}; returns the number of
     * records read once {@code maxRecords} were read or nothing came for {@code idleExit} (zero: never stop).
     */
    public static int consume(String bootstrapServers, String registryUrl, String topic, String groupId,
            int maxRecords, Duration idleExit, PrintStream out) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // enrich writes in Kafka transactions: read only what was committed
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<GenericRecord> values = new AvroDeserializer<>();
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        int seen = 0;
        long lastRecordAt = System.nanoTime();
        try (KafkaConsumer<String, GenericRecord> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            while (maxRecords <= 0 || seen < maxRecords) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, GenericRecord> record : records) {
                    out.println(line(record.key(), record.value()));
                    seen++;
                }
                if (!records.isEmpty()) {
                    lastRecordAt = System.nanoTime();
                } else if (!idleExit.isZero() && System.nanoTime() - lastRecordAt > idleExit.toNanos()) {
                    break;
                }
            }
        }
        return seen;
    }

    /** {@code id <tab> title <tab> topics <tab> related headlines}, lists joined by " | ". */
    static String line(String id, GenericRecord article) {
        List<String> topics = new ArrayList<>();
        for (Object topic : (List<?>) article.get("topics")) {
            topics.add(String.valueOf(((GenericRecord) topic).get("label")));
        }
        List<String> related = new ArrayList<>();
        for (Object headline : (List<?>) article.get("related_headlines")) {
            related.add(String.valueOf(headline));
        }
        return id + "\t" + article.get("title") + "\t" + String.join(" | ", topics) + "\t" + String.join(" | ", related);
    }
}
