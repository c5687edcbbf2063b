package io.newspipe.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.common.Deadline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three brokers in three processes: topics get three replicas and need two in sync; the broker leading the most
 * partitions is killed with SIGKILL, writes with acks=all go on, and it comes back on its kept log directory and
 * catches up.
 */
class KafkaClusterIT {

    @Test
    void shouldKeepEveryAcknowledgedRecordThroughTheLossOfTheLeadingBroker(@TempDir Path dir) throws Exception {
        try (KafkaCluster cluster = new KafkaCluster(dir, 3).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("cluster.smoke", 3, (short) 3))).all().get();
            String minInSync = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    "cluster.smoke"))).all().get().values().iterator().next().get("min.insync.replicas").value();
            assertThat(minInSync).isEqualTo("2");
            TopicDescription described = admin.describeTopics(List.of("cluster.smoke")).allTopicNames().get()
                    .get("cluster.smoke");
            assertThat(described.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));

            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 300; i++) {
                    producer.send(new ProducerRecord<>("cluster.smoke", "k" + i, "v" + i));
                }
                producer.flush();
                int victim = cluster.mostLeadingBroker();
                long pid = cluster.pid(victim);
                cluster.kill(victim);
                assertThat(ProcessHandle.of(pid)).isEmpty();
                for (int i = 300; i < 600; i++) {
                    producer.send(new ProducerRecord<>("cluster.smoke", "k" + i, "v" + i)).get(60, TimeUnit.SECONDS);
                }
                assertThat(cluster.leaderCounts().get(victim)).isZero();
                cluster.start(victim);
                cluster.awaitFullyReplicated(Duration.ofMinutes(2));
            }

            Set<String> seen = new HashSet<>();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "cluster-smoke",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("cluster.smoke"));
                Deadline.await("600 records read back", Duration.ofSeconds(60), Duration.ofMillis(10), () -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                    return seen.size() >= 600;
                });
            }
            assertThat(seen).hasSize(600);
        }
    }
}
