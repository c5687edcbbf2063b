package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.avro.Topic;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.Enricher;
import io.newspipe.localstack.LocalStack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a fault test checks once the pipeline has run: the table against the offline enrichment of every article,
 * and the enriched and dead letter topics read back {@code read_committed}.
 */
final class PipelineOutcome {

    /** The enriched and dead letter topics read back: the ids seen, those seen more than once, the dead letters. */
    record ReadBack(Set<String> ids, List<String> duplicates, long deadLetters) {
    }

    private PipelineOutcome() {
    }

    /**
     * Asserts that the table holds exactly the articles' ids, each row as the offline enrichment gives it, and that
     * the enriched topic read {@code read_committed} has every id once and the dead letter topic nothing.
     */
    static ReadBack assertNothingLostOrDoubled(LocalStack stack, List<RawArticle> articles, String idPattern,
                                              String enriched, String dlq, String verifierGroup)
            throws SQLException {
        Map<String, List<Object>> expected = offlineRows(articles);
        Map<String, List<Object>> actual = tableRows(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword(),
                idPattern);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(differing(expected, actual)).isEmpty();
        ReadBack readBack = readCommitted(stack.bootstrapServers(), enriched, dlq, articles.size(), verifierGroup);
        assertThat(readBack.duplicates()).isEmpty();
        assertThat(readBack.ids()).hasSize(articles.size());
        assertThat(readBack.deadLetters()).isZero();
        return readBack;
    }

    /** Each article's row as {@code newspipe clean} gives it offline, in the columns {@link #tableRows} reads. */
    static Map<String, List<Object>> offlineRows(List<RawArticle> articles) {
        Enricher offline = Enricher.defaults();
        Map<String, List<Object>> expected = new HashMap<>();
        for (RawArticle a : articles) {
            EnrichedArticle e = offline.enrich(a);
            expected.put(a.getId(), List.of(String.valueOf(e.getTitle()), String.valueOf(e.getLanguage()),
                    String.valueOf(e.getDateline() == null ? null : e.getDateline().getOutlet()), e.getBody(),
                    e.getTopics().stream().map(Topic::getLabel).toList(), e.getRelatedHeadlines(),
                    e.getRemoved().size(), String.valueOf(e.getContentHash())));
        }
        return expected;
    }

    /** The rows of the articles table whose id matches the SQL {@code LIKE} pattern, by id. */
    static Map<String, List<Object>> tableRows(String jdbcUrl, String user, String password, String idPattern)
            throws SQLException {
        Map<String, List<Object>> actual = new HashMap<>();
        try (Connection conn = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement ps = conn.prepareStatement("SELECT id, title, language, dateline_outlet, body, "
                     + "topics, ARRAY(SELECT jsonb_array_elements_text(related_headlines)), "
                     + "jsonb_array_length(removed), content_hash FROM articles WHERE id LIKE ?")) {
            ps.setString(1, idPattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actual.put(rs.getString(1), List.of(String.valueOf(rs.getString(2)),
                            String.valueOf(rs.getString(3)), String.valueOf(rs.getString(4)), rs.getString(5),
                            List.of((String[]) rs.getArray(6).getArray()),
                            List.of((String[]) rs.getArray(7).getArray()), rs.getInt(8),
                            String.valueOf(rs.getString(9))));
                }
            }
        }
        return actual;
    }

    /** The ids whose row differs from the expected one, each with both versions. */
    static List<String> differing(Map<String, List<Object>> expected, Map<String, List<Object>> actual) {
        List<String> differing = new ArrayList<>();
        expected.forEach((id, row) -> {
            if (!row.equals(actual.get(id))) {
                differing.add(id + ": expected " + row + " but the table has " + actual.get(id));
            }
        });
        return differing;
    }

    /** Reads both topics from the start, {@code read_committed}, until {@code expectedIds} ids were seen. */
    static ReadBack readCommitted(String bootstrapServers, String enriched, String dlq, int expectedIds,
                                  String groupId) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        long[] deadLetters = {0};
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(enriched, dlq));
            Deadline.await("all enriched records read back", Duration.ofMinutes(2), Duration.ofMillis(10), () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.topic().equals(dlq)) {
                        deadLetters[0]++;
                    } else if (!seen.add(r.key())) {
                        duplicates.add(r.key());
                    }
                });
                return seen.size() >= expectedIds;
            });
        }
        return new ReadBack(seen, duplicates, deadLetters[0]);
    }
}
