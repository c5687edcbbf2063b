package io.newspipe.sink;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerializer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink stage: consumes {@code news.enriched} ({@code read_committed}) and upserts each article into the
 * PostgreSQL {@code articles} table by id, in batches, one transaction per batch; Kafka offsets are committed only
 * after the database commit (at-least-once delivery + idempotent upsert = each article once). A batch that fails
 * on a bad record is retried record by record and only the bad one goes to {@code news.dlq}; a record that cannot
 * be deserialised goes there too. A database outage pauses and retries with backoff — good records are never
 * dead-lettered because the database was down.
 */
public final class SinkApp implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkApp.class);

    private final SinkSettings settings;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<byte[], DeadLetter> dlq;
    private final AvroDeserializer<EnrichedArticle> deserializer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private Connection connection;

    public SinkApp(SinkSettings settings) {
        this.settings = settings;
        Map<String, Object> serde = new HashMap<>(settings.extraClientConfig());
        serde.put("schema.registry.url", settings.schemaRegistryUrl());
        this.deserializer = new AvroDeserializer<>(EnrichedArticle.class);
        deserializer.configure(serde, false);
        AvroSerializer<DeadLetter> dlqSerializer = new AvroSerializer<>();
        dlqSerializer.configure(serde, false);

        Map<String, Object> cc = clientConfig(settings);
        cc.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        cc.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cc.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cc.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cc.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        this.consumer = new KafkaConsumer<>(cc, new StringDeserializer(), new ByteArrayDeserializer());

        Map<String, Object> pc = clientConfig(settings);
        pc.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pc.put(ProducerConfig.ACKS_CONFIG, "all");
        pc.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        this.dlq = new KafkaProducer<>(pc, new ByteArraySerializer(), dlqSerializer);
    }

    private static Map<String, Object> clientConfig(SinkSettings s) {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", s.bootstrapServers());
        s.extraClientConfig().forEach((k, v) -> {
            if (!k.startsWith("schema.registry.") && !k.startsWith("basic.auth.")) {
                c.put(k, v);
            }
        });
        return c;
    }

    public long written() {
        return written.get();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    @Override
    public void run() {
        LOG.info("sink starting: {}", settings);
        ArticleTable.migrate(settings.jdbcUrl(), settings.jdbcUser(), settings.jdbcPassword());
        consumer.subscribe(List.of(settings.enrichedTopic()));
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                handle(records);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            closeConnection();
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
            dlq.close(Duration.ofSeconds(10));
            LOG.info("sink stopped: {} rows written, {} dead letters", written.get(), deadLetters.get());
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<ArticleTable.Row> rows = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
                EnrichedArticle a = deserializer.deserialize(r.topic(), r.value());
                if (a == null) {
                    continue; // a tombstone: nothing to write
                }
                rows.add(new ArticleTable.Row(a, r.partition(), r.offset()));
            } catch (RuntimeException e) {
                deadLetter(r, "deserialization", e);
            }
        }
        writeWithRetry(rows, records);
        dlq.flush();
        consumer.commitSync(next);
    }

    /** Writes the batch; on a data error retries row by row; on a connection error waits and tries again. */
    private void writeWithRetry(List<ArticleTable.Row> rows, ConsumerRecords<String, byte[]> records) {
        Duration backoff = Duration.ofMillis(200);
        while (running.get()) {
            try {
                writeBatch(rows);
                written.addAndGet(rows.size());
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

    private boolean writeOneByOne(List<ArticleTable.Row> rows, ConsumerRecords<String, byte[]> records) {
        for (ArticleTable.Row row : rows) {
            while (true) {
                try {
                    writeBatch(List.of(row));
                    written.incrementAndGet();
                    break;
                } catch (SQLException e) {
                    if (isConnectionProblem(e)) {
                        closeConnection();
                        pauseFor(Duration.ofSeconds(1));
                        if (!running.get()) {
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
        try (PreparedStatement ps = c.prepareStatement(ArticleTable.UPSERT)) {
            for (ArticleTable.Row row : rows) {
                ArticleTable.bind(ps, c, row);
            }
            ps.executeBatch();
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
        while (running.get() && System.nanoTime() < end) {
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

    private void deadLetter(ConsumerRecord<String, byte[]> r, String reason, Exception e) {
        deadLetters.incrementAndGet();
        LOG.warn("dead letter ({}) for {}-{}@{} key={}: {}", reason, r.topic(), r.partition(), r.offset(), r.key(),
                e.getMessage());
        byte[] key = r.key() == null ? null : r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.fromRecord("sink", reason, e, r.topic(), r.partition(), r.offset(), key,
                r.value(), Map.of("group.id", settings.groupId()));
        dlq.send(new ProducerRecord<>(settings.dlqTopic(), key, letter));
    }

    /** Asks the loop to stop; {@link #run()} returns after closing the consumer. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
