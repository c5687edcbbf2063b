package io.newspipe.cli;

import io.newspipe.common.Deadline;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Times how long a fault stops a running pipeline: "no progress → progress again". Progress is read from outside,
 * as an operator would: the offsets the enrich application has committed on each raw partition (under exactly-once
 * they move only when a transaction commits) and the number of rows in the table.
 */
final class PipelineProgress implements AutoCloseable {

    /**
     * Where the pipeline stood: committed and end offset of each raw partition, rows in the table, and how many
     * articles had been published.
     */
    record Position(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends, long rows,
                    long published) {

        /**
         * Whether, compared with {@code earlier}, every partition that had records waiting then has committed
         * further or caught up, and the table has gained rows or holds every article published: a fault the
         * pipeline went straight through counts as moving on too.
         */
        boolean movedOnFrom(Position earlier) {
            for (Map.Entry<TopicPartition, Long> e : earlier.committed.entrySet()) {
                TopicPartition tp = e.getKey();
                boolean hadWork = earlier.ends.getOrDefault(tp, 0L) > e.getValue();
                long now = committed.getOrDefault(tp, -1L);
                if (hadWork && now <= e.getValue() && now < ends.getOrDefault(tp, 0L)) {
                    return false;
                }
            }
            return rows > earlier.rows || rows >= published;
        }
    }

    private final Admin admin;
    private final String rawTopic;
    private final int partitions;
    private final String enrichGroup;
    private final LongSupplier rows;
    private final LongSupplier published;

    PipelineProgress(String bootstrapServers, String rawTopic, int partitions, String enrichGroup,
                     LongSupplier rows, LongSupplier published) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000));
        this.rawTopic = rawTopic;
        this.partitions = partitions;
        this.enrichGroup = enrichGroup;
        this.rows = rows;
        this.published = published;
    }

    /** The current position, or null while the cluster cannot answer (a broker just died, a leader moves). */
    Position position() {
        try {
            long publishedSoFar = published.getAsLong();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(rawTopic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(enrichGroup)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long count = rows.getAsLong();
            if (count < 0) {
                return null;
            }
            Map<TopicPartition, Long> committedOffsets = new HashMap<>();
            Map<TopicPartition, Long> endOffsets = new HashMap<>();
            latest.keySet().forEach(tp -> {
                OffsetAndMetadata c = committed.get(tp);
                committedOffsets.put(tp, c == null ? 0L : c.offset());
                endOffsets.put(tp, ends.get(tp).offset());
            });
            return new Position(committedOffsets, endOffsets, count, publishedSoFar);
        } catch (ExecutionException | TimeoutException notNow) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the pipeline moves again after a fault that was injected at {@code faultAtNanos} (a
     * {@link System#nanoTime()}): from the first position that can be read after it, every raw partition that had
     * records waiting must commit further and the table must gain rows. Returns the seconds from the fault.
     */
    double awaitRecovery(String fault, long faultAtNanos, Duration timeout) {
        Position[] baseline = {null};
        Deadline.await("the pipeline to move again after " + fault, timeout, Duration.ofMillis(100), () -> {
            Position now = position();
            if (now == null) {
                return false;
            }
            if (baseline[0] == null) {
                baseline[0] = now;
                return false;
            }
            return now.movedOnFrom(baseline[0]);
        });
        return (System.nanoTime() - faultAtNanos) / 1e9;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
