package io.newspipe.console;

import io.newspipe.avro.DeadLetter;
import io.newspipe.schemas.serde.AvroDeserializer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Follows the dead letter topic from its beginning (read_committed, no consumer group, nothing committed): counts
 * every letter by stage and reason and keeps the newest {@link #KEPT} for the dead letters page. {@link #catchUp()}
 * is called from one thread; the getters from any.
 */
final class DeadLetterTail implements AutoCloseable {

    /** How many letters the page can show (the counts cover all). */
    static final int KEPT = 2_000;
    /** The context key a stage sets when it cut the bytes it kept. */
    static final String TRUNCATED_FROM = "value.truncated.from";

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroDeserializer<DeadLetter> deserializer = new AvroDeserializer<>(DeadLetter.class);
    private final Map<String, Long> counts = new TreeMap<>();
    private final Deque<DeadLetterView> newest = new ArrayDeque<>();
    private long unreadable;
    private boolean assigned;

    DeadLetterTail(Map<String, Object> kafka, String schemaRegistryUrl, String topic) {
        this.topic = topic;
        Map<String, Object> c = new HashMap<>(kafka);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "newspipe-console-dlq-" + UUID.randomUUID());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> serde = new HashMap<>(kafka);
        serde.put("schema.registry.url", schemaRegistryUrl);
        deserializer.configure(serde, false);
    }

    /** Reads what was written since the last call (a few polls at most, so the sampler is not held up). */
    void catchUp() {
        if (!assigned) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return; // not created yet
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = true;
        }
        for (int i = 0; i < 20; i++) {
            var records = consumer.poll(Duration.ofMillis(i == 0 ? 200 : 50));
            if (records.isEmpty()) {
                return;
            }
            for (ConsumerRecord<byte[], byte[]> r : records) {
                add(r);
            }
        }
    }

    private synchronized void add(ConsumerRecord<byte[], byte[]> r) {
        DeadLetter l;
        try {
            l = deserializer.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            l = null;
        }
        if (l == null) {
            unreadable++;
            return;
        }
        counts.merge(l.getStage() + "\u0000" + l.getReason(), 1L, Long::sum);
        newest.addFirst(view(l, r.partition(), r.offset()));
        if (newest.size() > KEPT) {
            newest.removeLast();
        }
    }

    static DeadLetterView view(DeadLetter l, int partition, long offset) {
        byte[] value = bytes(l.getValue());
        String where = l.getOrigin() != null ? l.getOrigin()
                : l.getTopic() == null ? "-" : l.getTopic() + "-" + l.getPartition() + "@" + l.getOffset();
        Map<String, String> context = new TreeMap<>();
        l.getContext().forEach((k, v) -> context.put(k, v));
        return new DeadLetterView(l.getStage(), l.getReason(), Times.format(l.getFailedAt()), l.getErrorClass(),
                l.getErrorMessage(), where, Previews.key(bytes(l.getKey())), value == null ? 0 : value.length,
                Previews.text(value), context.containsKey(TRUNCATED_FROM), context, partition, offset);
    }

    private static byte[] bytes(ByteBuffer b) {
        return b == null ? null : Utils.toArray(b.duplicate());
    }

    /** Letters counted by stage and reason. */
    synchronized List<FlowSnapshot.DeadLetterCount> counts() {
        List<FlowSnapshot.DeadLetterCount> out = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] sr = k.split("\u0000", 2);
            out.add(new FlowSnapshot.DeadLetterCount(sr[0], sr[1], n));
        });
        return out;
    }

    /** Records on the topic that were not readable dead letters. */
    synchronized long unreadable() {
        return unreadable;
    }

    /** The newest letters of one stage and reason (or all, for nulls), newest first. */
    synchronized List<DeadLetterView> letters(String stage, String reason, int max) {
        return newest.stream().filter(v -> stage == null || v.stage().equals(stage))
                .filter(v -> reason == null || v.reason().equals(reason)).limit(max).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
