package io.newspipe.sink;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newspipe.avro.EnrichedArticle;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink stage: consumes {@code news.enriched} ({@code read_committed}) and upserts each article into the
 * PostgreSQL {@code articles} table by id, in batches, one transaction per batch; Kafka offsets are committed only
 * after the database commit (at-least-once delivery + idempotent upsert = each article once). A batch that fails
 * on a bad record is retried record by record and only the bad one goes to {@code news.dlq}; a record that cannot
 * be deserialised goes there too. A database outage pauses and retries with backoff — good records are never
 * dead-lettered because the database was down. A tombstone (a takedown) deletes the article's row and its search
 * document.
 */
public final class SinkApp extends EnrichedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);

    /** Articles per search indexer transaction: large enough to amortise the GIN inserts, short enough to commit often. */
    public static final int SEARCH_BATCH = 1000;

    /**
     * Indexing loops, each with its own backend: building documents (parsing text, inserting words into the GIN
     * index) costs PostgreSQL several times what writing the article does, so one backend, which uses one core,
     * falls behind a sink writing at full speed; a second one uses the other core when the sink leaves it free.
     */
    public static final int SEARCH_THREADS = 2;

    private Connection connection;
    private final Timer batchTimer;
    private SearchIndexer searchIndexer;
    private final List<Thread> searchThreads = new ArrayList<>();

    public SinkApp(SinkSettings settings) {
        this(settings, new SimpleMeterRegistry());
    }

    public SinkApp(SinkSettings settings, MeterRegistry registry) {
        super(settings, registry);
        this.batchTimer = Timer.builder("newspipe.sink.batch").description("time to upsert one polled batch")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Override
    protected void starting() {
        ArticleTable.migrate(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        try {
            ArticleTable.fullTextIndex(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(),
                    settings.fullTextIndex());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot " + (settings.fullTextIndex() ? "create" : "drop")
                    + " the full-text index " + ArticleTable.FULL_TEXT_INDEX + ": " + e.getMessage(), e);
        }
        if (settings.fullTextIndex()) {
            searchIndexer = new SearchIndexer(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword(),
                    SEARCH_BATCH, registry());
            for (int i = 0; i < SEARCH_THREADS; i++) {
                Thread thread = new Thread(searchIndexer, "newspipe-search-indexer-" + i);
                thread.setDaemon(true);
                thread.start();
                searchThreads.add(thread);
            }
        }
    }

    @Override
    protected void stopping() {
        closeConnection();
        if (searchIndexer != null) {
            searchIndexer.close();
            try {
                for (Thread thread : searchThreads) {
                    thread.join(Duration.ofSeconds(30).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    protected void handle(ConsumerRecords<String, byte[]> records) {
        List<ArticleTable.Row> rows = new ArrayList<>(records.count());
        Set<String> deletions = new LinkedHashSet<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            if (r.value() == null) {
                String id = takenDown(r);
                if (id != null) {
                    // the deletions run before the batch's upserts: an earlier copy in this batch goes with them
                    rows.removeIf(row -> row.article().getId().equals(id));
                    deletions.add(id);
                }
                continue;
            }
            EnrichedArticle a = deserialize(r);
            if (a != null) {
                deletions.remove(a.getId()); // published again after its takedown, later in this batch
                rows.add(new ArticleTable.Row(a, r.partition(), r.offset()));
            }
        }
        if (!deletions.isEmpty()) {
            deleteWithRetry(deletions);
        }
        batchTimer.record(() -> writeWithRetry(rows, records));
        flushDeadLetters();
        commit(next);
    }

    /** Writes the batch; on a data error retries row by row; on a connection error waits and tries again. */
    private void writeWithRetry(List<ArticleTable.Row> rows, ConsumerRecords<String, byte[]> records) {
        Duration backoff = Duration.ofMillis(200);
        while (isRunning()) {
            try {
                writeBatch(rows);
                countWritten(rows.size());
                if (backoff.toMillis() > 200) {
                    LOG.info("database reachable again: wrote the {} waiting row(s), resuming", rows.size());
                }
                return;
            } catch (SQLException e) {
                if (isConnectionProblem(e)) {
                    LOG.warn("database unavailable ({}); pausing consumption and retrying in {} ms", e.getMessage(),
                            backoff.toMillis());
                    closeConnection();
                    pauseFor(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                            ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
                    continue;
                }
                LOG.warn("batch of {} failed ({}); retrying record by record", rows.size(), e.getMessage());
                if (writeOneByOne(rows, records)) {
                    return;
                }
            }
        }
    }

    /** Deletes the rows of taken-down articles; on a connection error waits and tries again. */
    private void deleteWithRetry(Set<String> ids) {
        Duration backoff = Duration.ofMillis(200);
        while (isRunning()) {
            try {
                Connection c = connection();
                try {
                    int n = ArticleTable.delete(c, ids);
                    c.commit();
                    LOG.info("takedown: deleted {} row(s) of {} article(s) {}", n, ids.size(), ids);
                    return;
                } catch (SQLException e) {
                    if (!c.isClosed()) {
                        c.rollback();
                    }
                    throw e;
                }
            } catch (SQLException e) {
                if (!isConnectionProblem(e)) {
                    throw new IllegalStateException("cannot delete taken-down articles " + ids + ": " + e.getMessage()
                            + " — stopping without committing offsets, so the takedown is read again", e);
                }
                LOG.warn("database unavailable ({}); retrying the takedown in {} ms", e.getMessage(),
                        backoff.toMillis());
                closeConnection();
                pauseFor(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private boolean writeOneByOne(List<ArticleTable.Row> rows, ConsumerRecords<String, byte[]> records) {
        for (ArticleTable.Row row : rows) {
            while (true) {
                try {
                    writeBatch(List.of(row));
                    countWritten(1);
                    break;
                } catch (SQLException e) {
                    if (isConnectionProblem(e)) {
                        closeConnection();
                        pauseFor(Duration.ofSeconds(1));
                        if (!isRunning()) {
                            return true;
                        }
                        continue;
                    }
                    ConsumerRecord<String, byte[]> original = find(records, row);
                    deadLetter(original, "database", e);
                    break;
                }
            }
        }
        return true;
    }

    private static ConsumerRecord<String, byte[]> find(ConsumerRecords<String, byte[]> records,
                                                       ArticleTable.Row row) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (r.partition() == row.partition() && r.offset() == row.offset()) {
                return r;
            }
        }
        throw new IllegalStateException("record " + row.partition() + "@" + row.offset() + " not in batch");
    }

    private void writeBatch(List<ArticleTable.Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = connection();
        try {
            ArticleTable.write(c, rows, settings.fullTextIndex());
            c.commit();
        } catch (SQLException e) {
            try {
                if (!c.isClosed()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // the connection is gone; the next attempt reconnects
            }
            throw e.getNextException() != null && !isConnectionProblem(e) ? withNext(e) : e;
        }
    }

    private static SQLException withNext(SQLException e) {
        SQLException next = e.getNextException();
        SQLException out = new SQLException(next.getMessage(), next.getSQLState(), next);
        return out;
    }

    static boolean isConnectionProblem(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcUser(),
                    settings.jdbcPassword());
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    /** Waits while keeping the consumer in its group (poll on paused partitions returns nothing). */
    private void pauseFor(Duration d) {
        var assigned = consumer.assignment();
        consumer.pause(assigned);
        long end = System.nanoTime() + d.toNanos();
        while (isRunning() && System.nanoTime() < end) {
            ConsumerRecords<String, byte[]> stray = consumer.poll(
                    Duration.ofMillis(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000))));
            // partitions assigned by a rebalance during the pause are not paused: rewind what they returned
            for (TopicPartition tp : stray.partitions()) {
                consumer.seek(tp, stray.records(tp).get(0).offset());
                consumer.pause(List.of(tp));
            }
        }
        consumer.resume(consumer.assignment());
    }
}
