package io.newspipe.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RemovedSpan;
import io.newspipe.avro.Topic;
import io.newspipe.schemas.SimHashHex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;

/**
 * The {@code articles} table: its Flyway migrations and how a batch is written, version-guarded (an enrichment
 * replaces a row only when its revision — which version of the article's text — is higher, or the same with a
 * higher version — enriched_at in epoch millis —, so replays and duplicates change nothing and an older text never
 * replaces a correction): a JDBC batch of {@code INSERT … ON CONFLICT} statements, which the driver rewrites into
 * multi-row inserts. All SQL is parameterised; no value is ever spliced into SQL text.
 *
 * <p>There is no COPY path: COPY into a staging table and one {@code INSERT … SELECT … ON CONFLICT} writes every row
 * twice (staging, then the table) and was not reliably faster here (0.59–1.25 times the batch over several
 * {@code bench sink} runs, against the 1.2 that would pay for a second path), so the batch is the one way.
 */
public final class ArticleTable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> COLUMNS = List.of("id", "source", "url", "title", "published_at", "language",
            "dateline_place", "dateline_outlet", "body", "topics", "related_headlines", "removed", "credits",
            "syndication", "topic_evidence", "partial_page", "content_hash", "simhash", "duplicate_of", "cluster_id",
            "rule_pack_version", "taxonomy_version", "ingested_at", "enriched_at", "version", "kafka_partition",
            "kafka_offset", "revision", "body_source");
    private static final List<String> JSONB = List.of("related_headlines", "removed", "credits", "syndication",
            "topic_evidence");

    private static final String COLUMN_LIST = String.join(", ", COLUMNS);
    private static final String ON_CONFLICT = " ON CONFLICT (id) DO UPDATE SET "
            + COLUMNS.stream().filter(c -> !c.equals("id")).map(c -> c + " = EXCLUDED." + c)
            .collect(Collectors.joining(", "))
            + ", updated_at = now() WHERE (articles.revision, articles.version) < (EXCLUDED.revision, EXCLUDED.version)";

    static final String UPSERT = "INSERT INTO articles (" + COLUMN_LIST + ") VALUES ("
            + COLUMNS.stream().map(c -> JSONB.contains(c) ? "?::jsonb" : "?").collect(Collectors.joining(", "))
            + ")" + ON_CONFLICT;

    private ArticleTable() {
    }

    /** Brings the schema up to date (Flyway, idempotent). */
    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration")
                .load().migrate();
    }

    /** The GIN index over the search documents that {@link SearchIndexer} keeps in {@code article_search}. */
    static final String FULL_TEXT_INDEX = "article_search_document_idx";
    private static final String SEARCH_TRIGGER = "articles_search_queue";

    /**
     * Turns full-text search on or off. On: the trigger queues every written article for {@link SearchIndexer} and
     * the GIN index over {@code article_search} exists; when search was off, every article is queued so the
     * indexer builds the documents it missed. Off: the trigger is disabled and the search documents, their index
     * and the queue are dropped, so the sink does no search work at all (word search finds nothing). Writing
     * stays fast either way, as the documents are built outside the sink's transactions.
     */
    public static void fullTextIndex(String jdbcUrl, String user, String password, boolean wanted)
            throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // sinks starting together take turns: concurrent DDL on the same objects can still collide
            st.execute("SELECT pg_advisory_xact_lock(hashtext('newspipe." + FULL_TEXT_INDEX + "'))");
            boolean wasOn;
            try (var rs = st.executeQuery("SELECT tgenabled <> 'D' FROM pg_trigger WHERE tgname = '"
                    + SEARCH_TRIGGER + "'")) {
                wasOn = rs.next() && rs.getBoolean(1);
            }
            if (wanted) {
                st.execute("CREATE INDEX IF NOT EXISTS " + FULL_TEXT_INDEX + " ON article_search USING gin (document)");
                if (!wasOn) {
                    st.execute("ALTER TABLE articles ENABLE TRIGGER " + SEARCH_TRIGGER);
                    st.execute("INSERT INTO article_search_queue (id) SELECT id FROM articles");
                }
            } else {
                st.execute("ALTER TABLE articles DISABLE TRIGGER " + SEARCH_TRIGGER);
                st.execute("DROP INDEX IF EXISTS " + FULL_TEXT_INDEX);
                st.execute("TRUNCATE article_search, article_search_queue");
            }
            c.commit();
        }
    }

    /** An article with where it came from in Kafka. */
    public record Row(EnrichedArticle article, int partition, long offset) {
    }

    /**
     * Deletes the rows of taken-down articles, their search documents and their places in the search queue, in the
     * connection's current transaction (the caller commits). Returns how many article rows were deleted.
     */
    public static int delete(Connection c, java.util.Collection<String> ids) throws SQLException {
        java.sql.Array array = c.createArrayOf("text", ids.toArray());
        int deleted;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM articles WHERE id = ANY (?)")) {
            ps.setArray(1, array);
            deleted = ps.executeUpdate();
        }
        for (String table : List.of("article_search", "article_search_queue")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ANY (?)")) {
                ps.setArray(1, array);
                ps.executeUpdate();
            }
        }
        return deleted;
    }

    /** Writes the rows in the connection's current transaction (the caller commits). */
    public static void write(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Row row : rows) {
                List<Object> values = values(row);
                for (int i = 0; i < values.size(); i++) {
                    bindValue(ps, c, i + 1, values.get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The column values of a row, in {@link #COLUMNS} order: String, Long, Integer, Boolean, Instant, String[]. */
    static List<Object> values(Row row) {
        EnrichedArticle a = row.article();
        List<Object> v = new ArrayList<>(COLUMNS.size());
        v.add(a.getId());
        v.add(a.getSource());
        v.add(a.getUrl());
        v.add(a.getTitle());
        v.add(a.getPublishedAt());
        v.add(a.getLanguage());
        v.add(a.getDateline() == null ? null : a.getDateline().getPlace());
        v.add(a.getDateline() == null ? null : a.getDateline().getOutlet());
        v.add(a.getBody());
        v.add(a.getTopics().stream().map(Topic::getLabel).toArray(String[]::new));
        v.add(JSON.valueToTree(a.getRelatedHeadlines()).toString());
        v.add(removed(a.getRemoved()));
        v.add(a.getCredits() == null ? null : credits(a));
        v.add(a.getSyndication() == null ? null : syndication(a));
        v.add(evidence(a.getTopics()));
        v.add(a.getPartialPage());
        v.add(a.getContentHash());
        v.add(SimHashHex.parse(a.getSimhashHex()));
        v.add(a.getDuplicateOf());
        v.add(a.getClusterId());
        v.add(a.getRulePackVersion());
        v.add(a.getTaxonomyVersion());
        v.add(a.getIngestedAt());
        v.add(a.getEnrichedAt());
        v.add(a.getEnrichedAt().toEpochMilli());
        v.add(row.partition());
        v.add(row.offset());
        v.add(a.getRevision() == null ? 1 : a.getRevision());
        v.add(a.getBodySource());
        return v;
    }

    private static void bindValue(PreparedStatement ps, Connection c, int i, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.OTHER);
        } else if (value instanceof String s) {
            ps.setString(i, s);
        } else if (value instanceof Instant t) {
            ps.setTimestamp(i, Timestamp.from(t));
        } else if (value instanceof Long l) {
            ps.setLong(i, l);
        } else if (value instanceof Integer n) {
            ps.setInt(i, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (value instanceof String[] arr) {
            ps.setArray(i, c.createArrayOf("text", arr));
        } else {
            throw new IllegalArgumentException("unexpected column value " + value.getClass());
        }
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
