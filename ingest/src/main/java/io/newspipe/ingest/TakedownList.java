package io.newspipe.ingest;

import io.newspipe.schemas.registry.RegistryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of the articles taken down: the keys of the takedown topic ({@code news.takedowns}, written by {@code
 * newspipe takedown}), read from its beginning without a consumer group. Ingest publishes none of them again, from
 * files, feeds or archive replays, and {@code newspipe replay} skips them in {@code news.raw}. {@link #contains}
 * reads what was added since the last read at most every {@link #REFRESH}, so a long-running ingest honours a
 * takedown within seconds. A topic that does not exist yet is an empty list; a list that cannot be read stops the
 * caller rather than let it publish a taken-down article. Thread-safe.
 */
public final class TakedownList implements AutoCloseable {

    /** How often {@link #contains} looks for takedowns written since the last read. */
    public static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(TakedownList.class);

    /** A list with no ids and no topic behind it (tests, and ingest into topics without takedowns). */
    public static final TakedownList EMPTY = new TakedownList(null, null, Duration.ZERO);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration timeout;
    private final Set<String> ids = new HashSet<>();
    private long lastRead;

    private TakedownList(String topic, KafkaConsumer<String, byte[]> consumer, Duration timeout) {
        this.topic = topic;
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /**
     * Reads the takedown topic from its beginning. {@code clientConfig} holds the bootstrap servers and any
     * security settings; no group is joined and no topic is created.
     */
    public static TakedownList read(String bootstrapServers, Map<String, Object> extraClientConfig, String topic,
                                    Duration timeout) {
        Map<String, Object> c = new HashMap<>(RegistryConfig.kafkaClientConfig(bootstrapServers, extraClientConfig));
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "newspipe-takedown-list");
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        TakedownList list = new TakedownList(topic, new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer()), timeout);
        try {
            list.refresh();
        } catch (RuntimeException e) {
            list.close();
            throw e;
        }
        return list;
    }

    /** True when {@code id} was taken down (as of the last read, at most {@link #REFRESH} old). */
    public synchronized boolean contains(String id) {
        if (consumer != null && System.nanoTime() - lastRead > REFRESH.toNanos()) {
            refresh();
        }
        return ids.contains(id);
    }

    /** The ids taken down, as of now. */
    public synchronized Set<String> ids() {
        if (consumer != null) {
            refresh();
        }
        return Set.copyOf(ids);
    }

    /** Reads the topic up to its current end. */
    private void refresh() {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (consumer.assignment().isEmpty()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                lastRead = System.nanoTime();
                return; // no takedown yet: the topic is created by topics create or the first takedown
            }
            List<TopicPartition> all = new ArrayList<>();
            partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(all);
            consumer.seekToBeginning(all);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), timeout);
        int before = ids.size();
        while (!atEnd(ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot read the takedown list " + topic + " to its end within "
                        + timeout.toMillis() + " ms: not publishing, so that no taken-down article comes back");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.key() != null) {
                    ids.add(r.key());
                }
            }
        }
        if (ids.size() > before) {
            LOG.info("takedown list {}: {} article(s) taken down", topic, ids.size());
        }
        lastRead = System.nanoTime();
    }

    private boolean atEnd(Map<TopicPartition, Long> ends) {
        for (var e : ends.entrySet()) {
            if (consumer.position(e.getKey(), timeout) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
