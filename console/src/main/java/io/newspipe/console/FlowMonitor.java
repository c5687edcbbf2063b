package io.newspipe.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the pipeline every {@link ConsoleSettings#sampleInterval()} on one thread of its own: end offsets of the
 * raw and enriched topics, the committed offsets of enrich and the sink, the rows the sink wrote, the dead
 * letters, each stage's health. Keeps an hour of rates and hands every new {@link FlowSnapshot} to its listeners
 * (the server-sent events of the overview).
 */
final class FlowMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlowMonitor.class);

    private final ConsoleSettings settings;
    private final KafkaProbe kafka;
    private final DeadLetterTail deadLetters;
    private final StageProbe stageProbe = new StageProbe();
    private final RateHistory rawIn = new RateHistory();
    private final RateHistory enrichIn = new RateHistory();
    private final RateHistory enrichedOut = new RateHistory();
    private final RateHistory sinkIn = new RateHistory();
    private final RateHistory rowsWritten = new RateHistory();
    private final List<Consumer<FlowSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newspipe-console-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile FlowSnapshot latest;
    private Timestamp lastDatabaseTime;

    FlowMonitor(ConsoleSettings settings) {
        this.settings = settings;
        this.kafka = new KafkaProbe(settings.kafka());
        this.deadLetters = new DeadLetterTail(settings.kafka(), settings.schemaRegistryUrl(), settings.topics().dlq());
        this.latest = new FlowSnapshot(System.currentTimeMillis(), List.of(), List.of(), List.of(), List.of(), 0,
                List.of("not sampled yet"));
    }

    /** Starts sampling. */
    void start() {
        long ms = settings.sampleInterval().toMillis();
        thread.scheduleWithFixedDelay(this::sampleQuietly, 0, ms, TimeUnit.MILLISECONDS);
    }

    void onSnapshot(Consumer<FlowSnapshot> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<FlowSnapshot> listener) {
        listeners.remove(listener);
    }

    FlowSnapshot latest() {
        return latest;
    }

    DeadLetterTail deadLetters() {
        return deadLetters;
    }

    private void sampleQuietly() {
        try {
            FlowSnapshot s = sample();
            latest = s;
            for (Consumer<FlowSnapshot> l : listeners) {
                l.accept(s);
            }
        } catch (RuntimeException e) {
            LOG.warn("console: sampling the pipeline failed: {}", e.toString());
        }
    }

    private FlowSnapshot sample() {
        long now = System.currentTimeMillis();
        List<String> problems = new ArrayList<>();
        List<FlowSnapshot.Lag> lags = new ArrayList<>();
        List<FlowSnapshot.StageStatus> stages = new ArrayList<>();
        ConsoleSettings.Topics topics = settings.topics();
        boolean kafkaUp = true;
        long newestRaw = -1;
        try {
            List<TopicPartition> raw = kafka.partitions(topics.raw());
            List<TopicPartition> enriched = kafka.partitions(topics.enriched());
            Map<TopicPartition, Long> rawEnd = kafka.endOffsets(raw);
            Map<TopicPartition, Long> enrichedEnd = kafka.endOffsets(enriched);
            rawIn.add(now, sum(rawEnd));
            enrichedOut.add(now, sum(enrichedEnd));
            Map<TopicPartition, Long> enrichCommitted = kafka.committed(settings.enrichGroup());
            enrichIn.add(now, raw.stream().mapToLong(p -> enrichCommitted.getOrDefault(p, 0L)).sum());
            lags.add(lag("enrich", settings.enrichGroup(), topics.raw(), raw, rawEnd, enrichCommitted));
            Map<TopicPartition, Long> sinkCommitted = kafka.committed(settings.sinkGroup());
            sinkIn.add(now, enriched.stream().mapToLong(p -> sinkCommitted.getOrDefault(p, 0L)).sum());
            lags.add(lag("sink", settings.sinkGroup(), topics.enriched(), enriched, enrichedEnd, sinkCommitted));
            newestRaw = kafka.newestTimestamps(raw).values().stream().mapToLong(Long::longValue).max().orElse(-1);
        } catch (Exception e) {
            kafkaUp = false;
            problems.add("Kafka: " + e.getMessage());
        }
        try {
            deadLetters.catchUp();
        } catch (RuntimeException e) {
            problems.add("dead letter topic: " + e.getMessage());
        }
        long articles = -1;
        try {
            articles = sampleDatabase(now);
        } catch (Exception e) {
            problems.add("PostgreSQL: " + e.getMessage());
        }
        stages.add(stage("ingest", null, kafkaUp ? "publishing to " + topics.raw() + (newestRaw > 0
                ? "; newest record " + Times.format(java.time.Instant.ofEpochMilli(newestRaw)) : "") : null));
        stages.add(kafkaUp ? new FlowSnapshot.StageStatus("kafka", "UP", "broker answers")
                : new FlowSnapshot.StageStatus("kafka", "DOWN", "broker does not answer"));
        stages.add(stage("enrich", settings.enrichGroup(), null));
        stages.add(stage("sink", settings.sinkGroup(), null));
        stages.add(articles >= 0 ? new FlowSnapshot.StageStatus("postgresql", "UP", articles + " articles")
                : new FlowSnapshot.StageStatus("postgresql", "DOWN", "does not answer"));
        List<FlowSnapshot.Hop> hops = List.of(
                rawIn.hop("raw-in", "ingest → " + topics.raw(), "records/s"),
                enrichIn.hop("enrich-in", topics.raw() + " → enrich", "records/s"),
                enrichedOut.hop("enriched-out", "enrich → " + topics.enriched(), "offsets/s"),
                sinkIn.hop("sink-in", topics.enriched() + " → sink", "offsets/s"),
                rowsWritten.hop("rows", "sink → PostgreSQL", "rows/s"));
        return new FlowSnapshot(now, hops, lags, deadLetters.counts(), stages, Math.max(articles, 0), problems);
    }

    /** Rows written since the last sample, timed by the database's own clock. */
    private long sampleDatabase(long now) throws Exception {
        try (Connection c = settings.database().connect();
             PreparedStatement ps = c.prepareStatement("SELECT now(), count(*), "
                     + "count(*) FILTER (WHERE updated_at > coalesce(?, now())) FROM articles")) {
            ps.setTimestamp(1, lastDatabaseTime);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp dbNow = rs.getTimestamp(1);
                long total = rs.getLong(2);
                if (lastDatabaseTime != null && dbNow.after(lastDatabaseTime)) {
                    double seconds = (dbNow.getTime() - lastDatabaseTime.getTime()) / 1000.0;
                    rowsWritten.addRate(now, rs.getLong(3) / seconds, total);
                }
                lastDatabaseTime = dbNow;
                return total;
            }
        }
    }

    /** Health from the stage's endpoint when configured, else from its consumer group (or what is known). */
    private FlowSnapshot.StageStatus stage(String name, String group, String fallback) {
        String url = settings.stageEndpoints().get(name);
        if (url != null) {
            return stageProbe.probe(name, url);
        }
        if (group == null) {
            return fallback == null ? new FlowSnapshot.StageStatus(name, "UNKNOWN", "no endpoint configured")
                    : new FlowSnapshot.StageStatus(name, "UP", fallback);
        }
        KafkaProbe.GroupState g = kafka.group(group);
        if (g == null) {
            return new FlowSnapshot.StageStatus(name, "UNKNOWN", "consumer group " + group + " not readable");
        }
        boolean up = g.members() > 0 && "STABLE".equalsIgnoreCase(g.state());
        return new FlowSnapshot.StageStatus(name, up ? "UP" : "DOWN", "consumer group " + group + ": "
                + g.state().toLowerCase(java.util.Locale.ROOT) + ", " + g.members() + " member(s)");
    }

    private FlowSnapshot.Lag lag(String stage, String group, String topic, List<TopicPartition> partitions,
                                 Map<TopicPartition, Long> end, Map<TopicPartition, Long> committed)
            throws Exception {
        long records = 0;
        double seconds = 0;
        Map<TopicPartition, Long> newest = null;
        for (TopicPartition p : partitions) {
            long from = committed.getOrDefault(p, 0L);
            long behind = end.getOrDefault(p, 0L) - from;
            if (behind <= 0) {
                continue;
            }
            long oldest = kafka.timestampAt(p, from, end.getOrDefault(p, 0L));
            if (oldest < 0) {
                continue; // nothing but transaction markers after the committed offset: caught up
            }
            records += behind;
            if (newest == null) {
                newest = kafka.newestTimestamps(partitions);
            }
            long newestTs = newest.getOrDefault(p, -1L);
            if (newestTs >= oldest) {
                seconds = Math.max(seconds, (newestTs - oldest) / 1000.0);
            }
        }
        return new FlowSnapshot.Lag(stage, group, topic, records, seconds);
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kafka.close();
        deadLetters.close();
    }
}
