package io.newspipe.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RemovedSpan;
import io.newspipe.avro.Topic;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The {@code articles} table: its Flyway migrations and the version-guarded upsert. An enrichment replaces a row
 * only when its version (enriched_at in epoch millis) is higher, so replays and duplicates change nothing. All SQL
 * is parameterised.
 */
public final class ArticleTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String UPSERT = """
            INSERT INTO articles (id, source, url, title, published_at, language, dateline_place, dateline_outlet,
                body, topics, related_headlines, removed, credits, syndication, topic_evidence, partial_page,
                content_hash, simhash, duplicate_of, cluster_id, rule_pack_version, taxonomy_version, ingested_at,
                enriched_at, version, kafka_partition, kafka_offset)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET
                source = EXCLUDED.source, url = EXCLUDED.url, title = EXCLUDED.title,
                published_at = EXCLUDED.published_at, language = EXCLUDED.language,
                dateline_place = EXCLUDED.dateline_place, dateline_outlet = EXCLUDED.dateline_outlet,
                body = EXCLUDED.body, topics = EXCLUDED.topics, related_headlines = EXCLUDED.related_headlines,
                removed = EXCLUDED.removed, credits = EXCLUDED.credits, syndication = EXCLUDED.syndication,
                topic_evidence = EXCLUDED.topic_evidence, partial_page = EXCLUDED.partial_page,
                content_hash = EXCLUDED.content_hash, simhash = EXCLUDED.simhash,
                duplicate_of = EXCLUDED.duplicate_of, cluster_id = EXCLUDED.cluster_id,
                rule_pack_version = EXCLUDED.rule_pack_version, taxonomy_version = EXCLUDED.taxonomy_version,
                ingested_at = EXCLUDED.ingested_at, enriched_at = EXCLUDED.enriched_at, version = EXCLUDED.version,
                kafka_partition = EXCLUDED.kafka_partition, kafka_offset = EXCLUDED.kafka_offset,
                updated_at = now()
            WHERE articles.version < EXCLUDED.version
            """;

    private ArticleTable() {
    }

    /** Brings the schema up to date (Flyway, idempotent). */
    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration")
                .load().migrate();
    }

    /** An article with where it came from in Kafka. */
    public record Row(EnrichedArticle article, int partition, long offset) {
    }

    /** Adds one upsert to the statement's batch. */
    static void bind(PreparedStatement ps, Connection c, Row row) throws SQLException {
        EnrichedArticle a = row.article();
        int i = 1;
        ps.setString(i++, a.getId());
        ps.setString(i++, a.getSource());
        ps.setString(i++, a.getUrl());
        ps.setString(i++, a.getTitle());
        ps.setTimestamp(i++, ts(a.getPublishedAt()));
        ps.setString(i++, a.getLanguage());
        ps.setString(i++, a.getDateline() == null ? null : a.getDateline().getPlace());
        ps.setString(i++, a.getDateline() == null ? null : a.getDateline().getOutlet());
        ps.setString(i++, a.getBody());
        Array topics = c.createArrayOf("text", a.getTopics().stream().map(Topic::getLabel).toArray());
        ps.setArray(i++, topics);
        ps.setString(i++, JSON.valueToTree(a.getRelatedHeadlines()).toString());
        ps.setString(i++, removed(a.getRemoved()));
        ps.setString(i++, a.getCredits() == null ? null : credits(a));
        ps.setString(i++, a.getSyndication() == null ? null : syndication(a));
        ps.setString(i++, evidence(a.getTopics()));
        ps.setBoolean(i++, a.getPartialPage());
        ps.setString(i++, a.getContentHash());
        if (a.getSimhash() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, a.getSimhash());
        }
        ps.setString(i++, a.getDuplicateOf());
        ps.setString(i++, a.getClusterId());
        ps.setString(i++, a.getRulePackVersion());
        ps.setString(i++, a.getTaxonomyVersion());
        ps.setTimestamp(i++, ts(a.getIngestedAt()));
        ps.setTimestamp(i++, ts(a.getEnrichedAt()));
        ps.setLong(i++, a.getEnrichedAt().toEpochMilli());
        ps.setInt(i++, row.partition());
        ps.setLong(i, row.offset());
        ps.addBatch();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String removed(List<RemovedSpan> spans) {
        ArrayNode arr = JSON.createArrayNode();
        for (RemovedSpan s : spans) {
            arr.addObject().put("rule", s.getRule()).put("kind", s.getKind()).put("text", s.getText())
                    .put("line", s.getLine());
        }
        return arr.toString();
    }

    private static String credits(EnrichedArticle a) {
        var c = a.getCredits();
        ObjectNode o = JSON.createObjectNode().put("author", c.getAuthor()).put("editor", c.getEditor())
                .put("reporter", c.getReporter());
        o.set("codes", JSON.valueToTree(c.getCodes()));
        o.set("lines", JSON.valueToTree(c.getLines()));
        return o.toString();
    }

    private static String syndication(EnrichedArticle a) {
        var s = a.getSyndication();
        return JSON.createObjectNode().put("outlet", s.getOutlet()).put("title", s.getTitle()).put("url", s.getUrl())
                .put("text", s.getText()).toString();
    }

    private static String evidence(List<Topic> topics) {
        ArrayNode arr = JSON.createArrayNode();
        for (Topic t : topics) {
            ObjectNode o = arr.addObject().put("label", t.getLabel()).put("iptc", t.getIptc())
                    .put("score", t.getScore());
            o.set("evidence", JSON.valueToTree(t.getEvidence()));
        }
        return arr.toString();
    }
}
