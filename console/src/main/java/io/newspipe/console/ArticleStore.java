package io.newspipe.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads articles from the sink's {@code articles} table (see the sink's migrations): the search of the articles
 * page, whose words match the search documents the sink's search indexer keeps in {@code article_search} (GIN
 * indexed; an article is searchable once the indexer has caught up with it), and one article with its duplicate
 * cluster.
 */
public final class ArticleStore {

    /** Articles whose search document matches the words: the GIN index of {@code article_search} answers it. */
    static final String FTS_MATCH = "id IN (SELECT id FROM article_search WHERE document @@ "
            + "websearch_to_tsquery('simple', ?))";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    public ArticleStore(Database database) {
        this.database = database;
    }

    /** One page of articles matching {@code q}, newest publication first. */
    public ArticlePage search(ArticleQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (q.words() != null) {
            where.append(" AND ").append(FTS_MATCH);
            args.add(q.words());
        }
        if (q.source() != null) {
            where.append(" AND source = ?");
            args.add(q.source());
        }
        if (q.language() != null) {
            where.append(" AND language = ?");
            args.add(q.language());
        }
        if (q.topic() != null) {
            where.append(" AND topics @> ARRAY[?]::text[]");
            args.add(q.topic());
        }
        if (q.from() != null) {
            where.append(" AND published_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND published_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if ("only".equals(q.duplicate())) {
            where.append(" AND duplicate_of IS NOT NULL");
        } else if ("none".equals(q.duplicate())) {
            where.append(" AND duplicate_of IS NULL");
        }
        String sql = "SELECT id, source, title, published_at, language, topics, duplicate_of, "
                + "jsonb_array_length(removed) AS removed_count, count(*) OVER () AS total FROM articles" + where
                + " ORDER BY published_at DESC NULLS LAST, id LIMIT ? OFFSET ?";
        List<ArticleSummary> rows = new ArrayList<>();
        long total = 0;
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            ps.setInt(i++, ArticleQuery.PAGE_SIZE);
            ps.setInt(i, (q.page() - 1) * ArticleQuery.PAGE_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total = rs.getLong("total");
                    rows.add(new ArticleSummary(rs.getString("id"), rs.getString("source"), rs.getString("title"),
                            Times.format(rs.getTimestamp("published_at")), rs.getString("language"),
                            strings(rs.getArray("topics")), rs.getString("duplicate_of"),
                            rs.getInt("removed_count")));
                }
            }
            if (rows.isEmpty() && q.page() > 1) {
                total = count(c, where.toString(), args);
            }
            return new ArticlePage(q, rows, total, distinct(c, "SELECT DISTINCT source FROM articles "
                    + "WHERE source IS NOT NULL ORDER BY 1"), distinct(c, "SELECT DISTINCT language FROM articles "
                    + "WHERE language IS NOT NULL ORDER BY 1"), distinct(c, "SELECT DISTINCT unnest(topics) "
                    + "FROM articles ORDER BY 1"));
        }
    }

    private static long count(Connection c, String where, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM articles" + where)) {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> distinct(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The article with this id, if stored. */
    public Optional<ArticleDetail> article(String id) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM articles WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String body = rs.getString("body");
                List<RemovedSpan> removed = removed(rs.getString("removed"));
                String clusterId = rs.getString("cluster_id");
                return Optional.of(new ArticleDetail(rs.getString("id"), rs.getString("source"), rs.getString("url"),
                        rs.getString("title"), Times.format(rs.getTimestamp("published_at")),
                        rs.getString("language"), rs.getString("dateline_place"), rs.getString("dateline_outlet"),
                        body, removed, OriginalBody.rebuild(body, removed),
                        texts(JSON.readTree(rs.getString("related_headlines"))), credits(rs.getString("credits")),
                        syndication(rs.getString("syndication")), topics(rs.getString("topic_evidence")),
                        rs.getBoolean("partial_page"), rs.getString("content_hash"), rs.getString("duplicate_of"),
                        clusterId, cluster(c, clusterId, id), rs.getString("rule_pack_version"),
                        rs.getString("taxonomy_version"), new ArticleDetail.Trace(
                        Times.format(rs.getTimestamp("ingested_at")), Times.format(rs.getTimestamp("enriched_at")),
                        Times.format(rs.getTimestamp("created_at")), Times.format(rs.getTimestamp("updated_at")),
                        (Integer) rs.getObject("kafka_partition"), (Long) rs.getObject("kafka_offset")),
                        rs.getInt("revision"), rs.getString("body_source")));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("article " + id + " holds JSON the console cannot read: " + e.getMessage(), e);
            }
        }
    }

    private static List<ArticleDetail.ClusterMember> cluster(Connection c, String clusterId, String self)
            throws SQLException {
        List<ArticleDetail.ClusterMember> out = new ArrayList<>();
        if (clusterId == null) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, source, title, published_at FROM articles "
                + "WHERE cluster_id = ? ORDER BY published_at NULLS LAST, id LIMIT 100")) {
            ps.setString(1, clusterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArticleDetail.ClusterMember(rs.getString(1), rs.getString(2), rs.getString(3),
                            Times.format(rs.getTimestamp(4)), rs.getString(1).equals(self)));
                }
            }
        }
        return out;
    }

    /** The stored {@code removed} column: an array of {rule, kind, text, line}. */
    static List<RemovedSpan> removed(String json) throws com.fasterxml.jackson.core.JsonProcessingException {
        List<RemovedSpan> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json == null ? "[]" : json)) {
            out.add(new RemovedSpan(n.path("rule").asText(), n.path("kind").asText(), n.path("text").asText(),
                    n.path("line").asInt()));
        }
        return out;
    }

    private static ArticleDetail.Credits credits(String json)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (json == null) {
            return null;
        }
        JsonNode n = JSON.readTree(json);
        return new ArticleDetail.Credits(text(n, "author"), text(n, "editor"), text(n, "reporter"),
                texts(n.path("codes")), texts(n.path("lines")));
    }

    private static ArticleDetail.Syndication syndication(String json)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (json == null) {
            return null;
        }
        JsonNode n = JSON.readTree(json);
        return new ArticleDetail.Syndication(text(n, "outlet"), text(n, "title"), text(n, "url"), text(n, "text"));
    }

    private static List<ArticleDetail.TopicScore> topics(String json)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        List<ArticleDetail.TopicScore> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json == null ? "[]" : json)) {
            out.add(new ArticleDetail.TopicScore(text(n, "label"), text(n, "iptc"), n.path("score").asDouble(),
                    texts(n.path("evidence"))));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
