package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.localstack.ArticleGenerator;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroSerializer;
import io.newspipe.sink.SinkApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newspipe replay --from --to} reprocesses one day of news.raw under its own application id: the rows of
 * that day are written again (newer versions) with the same content, the other rows are not touched, the table
 * ends as it was, and the live app's committed offsets do not move.
 */
@ExtendWith(LocalStackExtension.class)
class ReprocessWindowIT {

    private final LocalStack stack;

    ReprocessWindowIT(LocalStack stack) {
        this.stack = stack;
    }

    private Map<String, List<Object>> table(Statement st, String prefix) throws Exception {
        Map<String, List<Object>> rows = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT id, body, title, topics::text, related_headlines::text, "
                + "duplicate_of, cluster_id, version FROM articles WHERE id LIKE '" + prefix + "%'")) {
            while (rs.next()) {
                rows.put(rs.getString(1), List.of(rs.getString(2), String.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), String.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getLong(8)));
            }
        }
        return rows;
    }

    @Test
    void shouldReprocessOneDayUnderItsOwnIdAndLeaveTheTableAndTheLiveOffsetsAsTheyWere(@TempDir Path state)
            throws Exception {
        ConnectionOptions c = new ConnectionOptions();
        StackOptions.point(c, stack, "window.raw", "window.enriched", "window.dlq");
        stack.createTopics(2, c.rawTopic(), c.enrichedTopic(), c.dlqTopic());
        DatabaseOptions db = new DatabaseOptions();
        StackOptions.point(db, stack);

        ArticleGenerator generator = new ArticleGenerator(Path.of("../samples"), 99);
        List<RawArticle> articles = new ArrayList<>();
        Instant day1 = Instant.parse("2025-06-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            RawArticle a = GeneratedArticles.raw(generator.next(i), day1.plus(Duration.ofHours(i * 72L / 30))); // three days
            articles.add(RawArticle.newBuilder(a).setId("win-" + a.getId()).build());
        }
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>();
        serializer.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringSerializer(),
                serializer)) {
            for (RawArticle a : articles) {
                producer.send(new ProducerRecord<>(c.rawTopic(), null, a.getPublishedAt().toEpochMilli(), a.getId(),
                        a));
            }
        }
        SinkApp sink = Stages.sinkApp(c, db, SinkStageSettings.of("window-sink", 100));
        Thread sinkThread = new Thread(sink, "window-sink");
        sinkThread.start();
        try (EnrichApp live = Stages.enrichApp(c, EnrichStageSettings.of("window-live", state.resolve("live")))
                .start();
             Connection conn = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(),
                     stack.jdbcPassword());
             Statement st = conn.createStatement();
             Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Deadline.await("30 rows", Duration.ofSeconds(90), Duration.ofMillis(200), () -> {
                try {
                    return table(st, "win-").size() == 30;
                } catch (Exception e) {
                    return false;
                }
            });
            Map<String, List<Object>> before = table(st, "win-");
            // the live app's last commit can trail its last output by a commit interval: wait until it settles
            List<Map<TopicPartition, OffsetAndMetadata>> reads = new ArrayList<>();
            Deadline.await("the live app's offsets to settle", Duration.ofSeconds(30), Duration.ofMillis(500), () -> {
                try {
                    reads.add(admin.listConsumerGroupOffsets("window-live").partitionsToOffsetAndMetadata().get());
                } catch (Exception e) {
                    return false;
                }
                int n = reads.size();
                return n >= 3 && reads.get(n - 1).equals(reads.get(n - 2)) && reads.get(n - 2).equals(reads.get(n - 3));
            });
            Map<TopicPartition, OffsetAndMetadata> liveOffsets = reads.get(reads.size() - 1);

            Instant from = day1.plus(Duration.ofDays(1));
            Instant to = day1.plus(Duration.ofDays(2));
            int rc = Main.run("replay", "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                    stack.schemaRegistryUrl(), "--raw-topic", c.rawTopic(), "--enriched-topic", c.enrichedTopic(),
                    "--dlq-topic", c.dlqTopic(), "--from", from.toString(), "--to", to.toString(),
                    "--state-dir", state.resolve("replay").toString(), "--timeout", "PT2M");
            assertThat(rc).isZero();

            List<String> inWindow = articles.stream().filter(a -> !a.getPublishedAt().isBefore(from)
                    && a.getPublishedAt().isBefore(to)).map(RawArticle::getId).toList();
            assertThat(inWindow).hasSize(10);
            Deadline.await("the window's rows written again", Duration.ofSeconds(60), Duration.ofMillis(200), () -> {
                try {
                    Map<String, List<Object>> now = table(st, "win-");
                    return inWindow.stream().allMatch(id -> (Long) now.get(id).get(6) > (Long) before.get(id).get(6));
                } catch (Exception e) {
                    return false;
                }
            });
            Map<String, List<Object>> after = table(st, "win-");
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (String id : after.keySet()) {
                assertThat(after.get(id).subList(0, 6)).as(id).isEqualTo(before.get(id).subList(0, 6));
                if (!inWindow.contains(id)) {
                    assertThat(after.get(id).get(6)).as("%s is outside the window", id).isEqualTo(before.get(id).get(6));
                }
            }
            assertThat(admin.listConsumerGroupOffsets("window-live").partitionsToOffsetAndMetadata().get())
                    .isEqualTo(liveOffsets);
        } finally {
            sink.close();
            sinkThread.join(20_000);
        }
    }
}
