package io.newspipe.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.registry.RegistryConfig;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
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
 * The Kafka side every sink shares: a {@code read_committed} consumer of {@code news.enriched} with manual
 * commits, deserialisation into {@link EnrichedArticle} (an unreadable record becomes a dead letter), tombstones
 * (a takedown: the target deletes its copy of the article), and the dead letter producer. Subclasses write a polled batch and commit it with {@link #commit(Map)} once it is safe.
 */
public abstract class EnrichedConsumer implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichedConsumer.class);

    protected final SinkSettings settings;
    protected final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<byte[], DeadLetter> dlq;
    private final AvroDeserializer<EnrichedArticle> deserializer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final MeterRegistry registry;
    private final KafkaClientMetrics consumerMetrics;
    private final Counter writtenCounter;
    private final Map<String, Counter> deadLetterCounters = new java.util.concurrent.ConcurrentHashMap<>();

    protected EnrichedConsumer(SinkSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        this.writtenCounter = Counter.builder("newspipe.sink.records.written")
                .description("articles written to the target").tag("sink", getClass().getSimpleName())
                .register(registry);
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
        this.consumerMetrics = new KafkaClientMetrics(consumer); // includes records-lag-max (consumer lag)
        consumerMetrics.bindTo(registry);

        Map<String, Object> pc = clientConfig(settings);
        pc.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pc.put(ProducerConfig.ACKS_CONFIG, "all");
        pc.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        this.dlq = new KafkaProducer<>(pc, new ByteArraySerializer(), dlqSerializer);
    }

    private static Map<String, Object> clientConfig(SinkSettings s) {
        return RegistryConfig.kafkaClientConfig(s.bootstrapServers(), s.extraClientConfig());
    }

    /** Called once before the first poll. */
    protected abstract void starting();

    /** Writes a polled batch and commits its offsets when the write is durable. */
    protected abstract void handle(ConsumerRecords<String, byte[]> records);

    /** Called once when the loop ends. */
    protected abstract void stopping();

    public long written() {
        return written.get();
    }

    public long deadLetters() {
        return deadLetters.get();
    }

    protected boolean isRunning() {
        return running.get();
    }

    protected void countWritten(long n) {
        written.addAndGet(n);
        writtenCounter.increment(n);
    }

    protected MeterRegistry registry() {
        return registry;
    }

    /** Ready once the loop is polling (health endpoint). */
    public boolean isReady() {
        return polling.get() && running.get();
    }

    @Override
    public void run() {
        LOG.info("{} starting: {}", getClass().getSimpleName(), settings);
        starting();
        consumer.subscribe(List.of(settings.enrichedTopic()));
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                polling.set(true);
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            polling.set(false);
            consumerMetrics.close();
            stopping();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
            dlq.close(Duration.ofSeconds(10));
            LOG.info("{} stopped: {} written, {} dead letters", getClass().getSimpleName(), written.get(),
                    deadLetters.get());
        }
    }

    /**
     * The id a tombstone takes down (the record's key), or null when the record is not a tombstone. A tombstone
     * without a key names no article: it is dead-lettered and gives null.
     */
    protected String takenDown(ConsumerRecord<String, byte[]> r) {
        if (r.value() != null) {
            return null;
        }
        if (r.key() == null) {
            deadLetter(r, "deserialization", new IllegalArgumentException("a tombstone without a key names no "
                    + "article to delete"));
            return null;
        }
        return r.key();
    }

    /** The article in the record, null for a tombstone; an unreadable record is dead-lettered and gives null. */
    protected EnrichedArticle deserialize(ConsumerRecord<String, byte[]> r) {
        try {
            return deserializer.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            deadLetter(r, "deserialization", e);
            return null;
        }
    }

    protected void deadLetter(ConsumerRecord<String, byte[]> r, String reason, Exception e) {
        deadLetters.incrementAndGet();
        deadLetterCounters.computeIfAbsent(reason, x -> Counter.builder("newspipe.dead.letters")
                .description("records sent to the dead letter topic").tag("stage", "sink").tag("reason", x)
                .register(registry)).increment();
        LOG.warn("dead letter ({}) for {}-{}@{} key={}: {}", reason, r.topic(), r.partition(), r.offset(), r.key(),
                e.getMessage());
        byte[] key = r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.fromRecord("sink", reason, e, r.topic(), r.partition(), r.offset(), key,
                r.value(), Map.of("group.id", settings.groupId()));
        dlq.send(new ProducerRecord<>(settings.dlqTopic(), key, letter));
    }

    /** Waits until every dead letter sent so far is acknowledged (call before committing). */
    protected void flushDeadLetters() {
        dlq.flush();
    }

    protected void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets);
    }

    /** Asks the loop to stop; {@link #run()} returns after closing the consumer. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
