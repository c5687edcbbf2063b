package io.newspipe.sink;

import io.newspipe.avro.EnrichedArticle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;

/**
 * The {@code articles} table: its Flyway migrations and how a batch is written, version-guarded (an enrichment
 * replaces a row only when its revision — which version of the article's text — is higher, or the same with a
 * higher version — enriched_at in epoch millis —, so replays and duplicates change nothing and an older text never
 * replaces a correction). A batch is one statement: {@code INSERT … SELECT … FROM unnest(<one array per column>)
 * ON CONFLICT … DO UPDATE … WHERE <newer>}, whose {@code RETURNING} feeds the search queue in the same statement,
 * so exactly the rows written (inserted, or replaced by a newer version) are queued for {@link SearchIndexer}. All
 * SQL is parameterised; no value is ever spliced into SQL text.
 *
 * <p>Why one statement: PostgreSQL's CPU on its one backend was the sink's limit, and per row it went to a row
 * trigger queueing each article (a PL/pgSQL call and a second insert per row), to TOAST (an attempt to compress
 * each body, which rarely succeeds, then a second insert into the TOAST table; see V4) and to the bind of 29
 * parameters per row in multi-row inserts. Here there are 29 parameters per batch, and the queue is filled by one
 * set-based insert. There is no COPY path: COPY into a staging table writes every row twice and was not reliably
 * faster (0.59–1.25 times the batch over several {@code bench sink} runs).
 */
public final class ArticleTable {

    private static final List<ArticleColumns.Column> COLUMNS = ArticleColumns.COLUMNS;
    private static final String COLUMN_LIST = COLUMNS.stream().map(ArticleColumns.Column::name)
            .collect(Collectors.joining(", "));

    /** The upsert of a batch, one array parameter per column; the rows written are returned. */
    static final String UPSERT = "INSERT INTO articles (" + COLUMN_LIST + ") SELECT "
            + COLUMNS.stream().map(c -> "u." + c.name() + c.kind().cast).collect(Collectors.joining(", "))
            + " FROM unnest("
            + COLUMNS.stream().map(c -> "?::" + c.kind().elementType + "[]").collect(Collectors.joining(", "))
            + ") AS u(" + COLUMN_LIST + ") ON CONFLICT (id) DO UPDATE SET "
            + COLUMNS.stream().filter(c -> !c.name().equals("id")).map(c -> c.name() + " = EXCLUDED." + c.name())
            .collect(Collectors.joining(", "))
            + ", updated_at = now() WHERE (articles.revision, articles.version) < (EXCLUDED.revision, EXCLUDED.version)";

    /** The upsert that also queues every row it wrote for the search indexer. */
    static final String UPSERT_AND_QUEUE = "WITH written AS (" + UPSERT + " RETURNING id)"
            + " INSERT INTO article_search_queue (id) SELECT id FROM written";

    private ArticleTable() {
    }

    /** The columns the sink writes, in the order of {@link #columnValues}. */
    public static List<String> columnNames() {
        return COLUMNS.stream().map(ArticleColumns.Column::name).toList();
    }

    /** A row's column values: String, Long, Integer, Boolean, Instant or String[] (topics), or null. */
    public static List<Object> columnValues(Row row) {
        return ArticleColumns.values(row);
    }

    /** Brings the schema up to date (Flyway, idempotent). */
    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration")
                .load().migrate();
    }

    /** The GIN index over the search documents that {@link SearchIndexer} keeps in {@code article_search}. */
    static final String FULL_TEXT_INDEX = "article_search_document_idx";

    /**
     * Turns full-text search on or off; the GIN index over {@code article_search} is the switch. On: the index
     * exists, and when it did not (search was off), every article is queued so the indexer builds the documents it
     * missed. Off: the search documents, their index and the queue are dropped, so the sink does no search work at
     * all (word search finds nothing). A sink queues the rows it writes when its own setting says search is on
     * ({@link #write}). Writing stays fast either way, as the documents are built outside the sink's transactions.
     */
    public static void fullTextIndex(String jdbcUrl, String user, String password, boolean wanted)
            throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, user, password);
             Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            // sinks starting together take turns: concurrent DDL on the same objects can still collide
            st.execute("SELECT pg_advisory_xact_lock(hashtext('newspipe." + FULL_TEXT_INDEX + "'))");
            boolean wasOn;
            try (var rs = st.executeQuery("SELECT to_regclass('" + FULL_TEXT_INDEX + "') IS NOT NULL")) {
                wasOn = rs.next() && rs.getBoolean(1);
            }
            if (wanted && !wasOn) {
                st.execute("CREATE INDEX " + FULL_TEXT_INDEX + " ON article_search USING gin (document)");
                st.execute("INSERT INTO article_search_queue (id) SELECT id FROM articles");
            } else if (!wanted) {
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
     *
     * <p>The queue goes first: an indexer that has claimed one of these articles holds its queue entry until it
     * commits the document, so deleting the entry waits for that commit, and the next statement (a new snapshot)
     * sees the document and deletes it; an indexer that comes later skips the entries locked here, and after the
     * commit finds neither the entries nor the articles.
     */
    public static int delete(Connection c, java.util.Collection<String> ids) throws SQLException {
        java.sql.Array array = c.createArrayOf("text", ids.toArray());
        for (String table : List.of("article_search_queue", "article_search")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id = ANY (?)")) {
                ps.setArray(1, array);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM articles WHERE id = ANY (?)")) {
            ps.setArray(1, array);
            return ps.executeUpdate();
        }
    }

    /**
     * Writes the rows in the connection's current transaction (the caller commits), queueing the rows written for
     * the search indexer when {@code queueForSearch}. Several rows of one article in a batch are written as the
     * one that a sequence of upserts would leave: the first of those with the highest (revision, version).
     */
    public static void write(Connection c, List<Row> rows, boolean queueForSearch) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> arrays = ArticleColumns.arrays(newestPerArticle(rows));
        try (PreparedStatement ps = c.prepareStatement(queueForSearch ? UPSERT_AND_QUEUE : UPSERT)) {
            for (int i = 0; i < arrays.size(); i++) {
                ps.setObject(i + 1, arrays.get(i));
            }
            ps.executeUpdate();
        }
    }

    /** One row per article id, in first-seen order: the first with the highest (revision, version). */
    static List<Row> newestPerArticle(List<Row> rows) {
        java.util.Map<String, Row> newest = new java.util.LinkedHashMap<>();
        for (Row row : rows) {
            newest.merge(row.article().getId(), row, (kept, next) -> compare(next, kept) > 0 ? next : kept);
        }
        return newest.size() == rows.size() ? rows : List.copyOf(newest.values());
    }

    private static int compare(Row a, Row b) {
        int byRevision = Integer.compare(revision(a), revision(b));
        return byRevision != 0 ? byRevision : Long.compare(a.article().getEnrichedAt().toEpochMilli(),
                b.article().getEnrichedAt().toEpochMilli());
    }

    private static int revision(Row row) {
        Integer revision = row.article().getRevision();
        return revision == null ? 1 : revision;
    }
}
