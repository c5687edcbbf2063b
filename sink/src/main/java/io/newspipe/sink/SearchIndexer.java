package io.newspipe.sink;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the full-text search documents off the sink's write path. The sink's upsert queues the id of every article
 * it writes in {@code article_search_queue} (in the same statement); this indexer, on its own connection (so its own
 * PostgreSQL backend, which runs on another core than the sink's), takes the oldest queued entries in batches,
 * builds {@code to_tsvector('simple', title || ' ' || body)} for the articles' current versions and upserts them
 * into {@code article_search}, whose GIN index the search uses — all in one transaction, so an entry leaves the
 * queue only with its document written. Entries are claimed with {@code SKIP LOCKED}, so several loops (threads of
 * one indexer, or several sinks' indexers) share the queue; they write documents in id order, so two of them that
 * claimed the same articles wait for each other instead of deadlocking; a document only replaces one built from an
 * older article version.
 *
 * <p>Its lag — how long the oldest queued article has waited — is the gauge {@code newspipe.sink.search.lag}
 * (seconds; {@code newspipe_sink_search_lag_seconds} in Prometheus), with the queue's length beside it.
 */
public final class SearchIndexer implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    /** The search document of an article; the console's word search matches against the same column. */
    public static final String DOCUMENT = "to_tsvector('simple', coalesce(a.title, '') || ' ' || a.body)";

    static final String INDEX_BATCH = "WITH claimed AS ("
            + " DELETE FROM article_search_queue WHERE seq IN (SELECT seq FROM article_search_queue ORDER BY seq"
            + " LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id)"
            + " INSERT INTO article_search (id, version, document)"
            + " SELECT a.id, a.version, " + DOCUMENT + " FROM articles a WHERE a.id IN (SELECT id FROM claimed)"
            + " ORDER BY a.id"
            + " ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, document = EXCLUDED.document"
            + " WHERE article_search.version <= EXCLUDED.version";
    /** The queue's length and how long its oldest entry has waited, read at both ends of its key (cheap). */
    public static final String LAG = "SELECT coalesce(max(seq) - min(seq) + 1, 0),"
            + " coalesce(extract(epoch FROM clock_timestamp() - (SELECT queued_at FROM article_search_queue"
            + " ORDER BY seq LIMIT 1)), 0) FROM article_search_queue";
    private static final Duration IDLE = Duration.ofMillis(200);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lagMillis = new AtomicLong();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong indexed = new AtomicLong();
    private final Object idle = new Object();

    public SearchIndexer(String jdbcUrl, String user, String password, int batchSize, MeterRegistry registry) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.batchSize = batchSize;
        Gauge.builder("newspipe.sink.search.lag", lagMillis, l -> l.get() / 1000.0).baseUnit("seconds")
                .description("how long the oldest article waiting for its search document has waited")
                .register(registry);
        Gauge.builder("newspipe.sink.search.queue", queued, AtomicLong::get)
                .description("entries in the search queue (an upper bound while several indexers run)").register(registry);
    }

    /** Seconds the oldest queued article has waited, as of the last check. */
    public double lagSeconds() {
        return lagMillis.get() / 1000.0;
    }

    /** Search documents written so far by this indexer. */
    public long indexed() {
        return indexed.get();
    }

    /**
     * One indexing loop on a connection of its own, until {@link #close()}. Several threads may run the loops of
     * one indexer: they share the queue, the gauges and the count of documents written.
     */
    @Override
    public void run() {
        Duration backoff = IDLE;
        while (running.get()) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                try (Statement st = c.createStatement()) {
                    // no wait for the WAL flush at each commit: a batch lost in a crash loses its queue deletions
                    // with its documents, so those articles are simply indexed again; the sink's own commits,
                    // which its Kafka offsets follow, stay synchronous
                    st.execute("SET synchronous_commit = off");
                }
                c.setAutoCommit(false);
                backoff = IDLE;
                while (running.get()) {
                    if (indexBatch(c) == 0) {
                        waitFor(IDLE);
                    }
                }
            } catch (SQLException e) {
                if (!running.get()) {
                    return;
                }
                LOG.warn("search indexer: {}; retrying in {} ms", e.getMessage(), backoff.toMillis());
                waitFor(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    /** Indexes one batch of the queue and refreshes the lag; returns how many entries are still queued. */
    long indexBatch(Connection c) throws SQLException {
        int written;
        try (PreparedStatement ps = c.prepareStatement(INDEX_BATCH)) {
            ps.setInt(1, batchSize);
            written = ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
        indexed.addAndGet(written);
        try (PreparedStatement ps = c.prepareStatement(LAG); ResultSet rs = ps.executeQuery()) {
            rs.next();
            queued.set(rs.getLong(1));
            lagMillis.set(Math.round(rs.getDouble(2) * 1000));
            c.commit();
        }
        return queued.get();
    }

    private void waitFor(Duration d) {
        synchronized (idle) {
            if (running.get()) {
                try {
                    idle.wait(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running.set(false);
                }
            }
        }
    }

    /** Asks the loop to stop after its current batch. */
    @Override
    public void close() {
        running.set(false);
        synchronized (idle) {
            idle.notifyAll();
        }
    }
}
