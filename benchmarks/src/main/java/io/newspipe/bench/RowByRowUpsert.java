package io.newspipe.bench;

import io.newspipe.sink.ArticleTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sink's write path before the set-based upsert, kept to measure against it in the same run: a JDBC batch of
 * one-row {@code INSERT … ON CONFLICT} statements (29 parameters a row, which pgjdbc's
 * {@code reWriteBatchedInserts} turns into multi-row inserts), a PL/pgSQL row trigger queueing each written article
 * for search, and the default TOAST target. {@link #install} puts the trigger and the target back on a migrated
 * database; {@link #uninstall} restores the current schema.
 */
final class RowByRowUpsert {

    private static final List<String> JSONB = List.of("related_headlines", "removed", "credits", "syndication",
            "topic_evidence");

    private static final String UPSERT = "INSERT INTO articles (" + String.join(", ", ArticleTable.columnNames())
            + ") VALUES (" + ArticleTable.columnNames().stream().map(c -> JSONB.contains(c) ? "?::jsonb" : "?")
            .collect(Collectors.joining(", "))
            + ") ON CONFLICT (id) DO UPDATE SET "
            + ArticleTable.columnNames().stream().filter(c -> !c.equals("id")).map(c -> c + " = EXCLUDED." + c)
            .collect(Collectors.joining(", "))
            + ", updated_at = now() WHERE (articles.revision, articles.version) < (EXCLUDED.revision, EXCLUDED.version)";

    private RowByRowUpsert() {
    }

    /** The default TOAST target of both tables, and the trigger that queued each written article when wanted. */
    static void install(Connection c, boolean queueForSearch) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION bench_queue_article_search() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN INSERT INTO article_search_queue (id) VALUES (NEW.id); RETURN NULL; END; $$");
            st.execute("DROP TRIGGER IF EXISTS bench_articles_search_queue ON articles");
            if (queueForSearch) {
                st.execute("CREATE TRIGGER bench_articles_search_queue AFTER INSERT OR UPDATE ON articles"
                        + " FOR EACH ROW EXECUTE FUNCTION bench_queue_article_search()");
            }
            st.execute("ALTER TABLE articles RESET (toast_tuple_target)");
            st.execute("ALTER TABLE article_search RESET (toast_tuple_target)");
        }
    }

    /** Back to the current schema (migration V4). */
    static void uninstall(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER IF EXISTS bench_articles_search_queue ON articles");
            st.execute("ALTER TABLE articles SET (toast_tuple_target = 8160)");
            st.execute("ALTER TABLE article_search SET (toast_tuple_target = 8160)");
        }
    }

    /** Writes the rows in the connection's current transaction, one batched statement per row. */
    static void write(Connection c, List<ArticleTable.Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (ArticleTable.Row row : rows) {
                List<Object> values = ArticleTable.columnValues(row);
                for (int i = 0; i < values.size(); i++) {
                    bind(ps, c, i + 1, values.get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, Connection c, int i, Object value) throws SQLException {
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
        } else if (value instanceof String[] labels) {
            ps.setArray(i, c.createArrayOf("text", labels));
        } else {
            throw new IllegalArgumentException("unexpected column value " + value.getClass());
        }
    }
}
