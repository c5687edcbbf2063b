package io.newspipe.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RemovedSpan;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enrich stage's own meters: records in and out, dead letters by reason, removals per rule, duplicates,
 * processing time per record and end-to-end latency (enriched_at − ingested_at).
 */
public final class EnrichMetrics {

    private final MeterRegistry registry;
    private final Counter in;
    private final Counter out;
    private final Timer processing;
    private final Timer endToEnd;
    private final Map<String, Counter> removals = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> duplicates = new ConcurrentHashMap<>();

    public EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.in = Counter.builder("newspipe.enrich.records.in").description("raw records read").register(registry);
        this.out = Counter.builder("newspipe.enrich.records.out").description("enriched articles written")
                .register(registry);
        this.processing = Timer.builder("newspipe.enrich.processing").description("clean + tag time per article")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.endToEnd = Timer.builder("newspipe.enrich.latency").description("ingested_at to enriched_at")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** Meters that go nowhere (tests, offline use). */
    public static EnrichMetrics noop() {
        return new EnrichMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    void recordIn() {
        in.increment();
    }

    void recordEnriched(EnrichedArticle a, long processingNanos) {
        out.increment();
        processing.record(Duration.ofNanos(processingNanos));
        if (a.getIngestedAt() != null) {
            Duration d = Duration.between(a.getIngestedAt(), a.getEnrichedAt() == null ? Instant.now()
                    : a.getEnrichedAt());
            if (!d.isNegative()) {
                endToEnd.record(d);
            }
        }
        for (RemovedSpan s : a.getRemoved()) {
            removals.computeIfAbsent(s.getRule(), r -> Counter.builder("newspipe.enrich.removals")
                    .description("boilerplate spans removed, by rule").tag("rule", r).register(registry))
                    .increment();
        }
    }

    void recordDuplicate(String kind) {
        duplicates.computeIfAbsent(kind, k -> Counter.builder("newspipe.enrich.duplicates")
                .description("articles flagged as duplicates").tag("kind", k).register(registry)).increment();
    }

    void recordDeadLetter(String reason) {
        deadLetters.computeIfAbsent(reason, r -> Counter.builder("newspipe.dead.letters")
                .description("records sent to the dead letter topic").tag("stage", "enrich").tag("reason", r)
                .register(registry)).increment();
    }
}
