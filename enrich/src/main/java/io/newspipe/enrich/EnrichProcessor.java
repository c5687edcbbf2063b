package io.newspipe.enrich;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.schemas.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deserialises and enriches; never throws for a bad record (it becomes a dead letter instead). */
final class EnrichProcessor implements Processor<byte[], byte[], String, Outcome> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichTopology.class); // the category operators filter on

    private final ArticleEnricher enricher;
    private final Deserializer<RawArticle> deserializer;
    private final EnrichMetrics metrics;
    private final boolean requireIdKeys;
    private final long maxOutputBytes;
    private final EnrichTopology.Window window;
    private ProcessorContext<String, Outcome> context;

    EnrichProcessor(ArticleEnricher enricher, Deserializer<RawArticle> deserializer, EnrichMetrics metrics,
                    boolean requireIdKeys, long maxOutputBytes, EnrichTopology.Window window) {
        this.window = window;
        this.enricher = enricher;
        this.deserializer = deserializer;
        this.metrics = metrics;
        this.requireIdKeys = requireIdKeys;
        this.maxOutputBytes = maxOutputBytes;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (window != null && !window.contains(record.timestamp())) {
            return; // a replay of a window: not this record
        }
        metrics.recordIn();
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        if (record.value() == null) {
            if (record.key() == null) {
                dead(record, "deserialization", new IllegalArgumentException("null value (tombstone) without "
                        + "a key on the raw topic: it names no article to take down"));
                return;
            }
            String id = new String(record.key(), StandardCharsets.UTF_8);
            LOG.info("tombstone for article {} on the raw topic: removing it from the enriched topic", id);
            context.forward(new Record<>(id, new Outcome.Removed(id), record.timestamp()));
            return;
        }
        RawArticle raw;
        try {
            raw = deserializer.deserialize(topic, record.value());
        } catch (RuntimeException e) {
            dead(record, "deserialization", e);
            return;
        }
        if (window != null && window.takenDown().contains(raw.getId())) {
            LOG.info("article {} was taken down: not enriched again", raw.getId());
            return;
        }
        if (requireIdKeys && (record.key() == null
                || !raw.getId().equals(new String(record.key(), StandardCharsets.UTF_8)))) {
            // duplicate detection meets each article with its verdicts on the partition of its id
            dead(record, "key-mismatch", new IllegalArgumentException("news.raw records must be keyed by "
                    + "their article id (key was " + (record.key() == null ? "null" : "\""
                    + new String(record.key(), StandardCharsets.UTF_8) + "\"") + ", id is " + raw.getId()
                    + "): publish with newspipe ingest, or key by RawArticle.id"));
            return;
        }
        EnrichedArticle enriched;
        long t0 = System.nanoTime();
        try {
            enriched = enricher.enrich(raw);
        } catch (RuntimeException e) {
            dead(record, "processing", e);
            return;
        }
        long size = OutputSizeEstimate.of(enriched);
        if (size > maxOutputBytes) {
            // caught here, not in the producer: under exactly-once a record the broker refuses would abort
            // the transaction and stop the app instead of letting it go on
            dead(record, "oversize-output", new IllegalArgumentException("the enriched article is about "
                    + size + " bytes, over the " + maxOutputBytes + " bytes the producer may send "
                    + "(max.request.size); raise it, or lower ingest.max.article.bytes"));
            return;
        }
        metrics.recordEnriched(enriched, System.nanoTime() - t0);
        context.forward(new Record<>(enriched.getId(), new Outcome.Enriched(enriched), record.timestamp()));
    }

    private void dead(Record<byte[], byte[]> record, String reason, RuntimeException e) {
        metrics.recordDeadLetter(reason);
        var md = context.recordMetadata();
        String topic = md.map(RecordMetadata::topic).orElse(null);
        int partition = md.map(RecordMetadata::partition).orElse(-1);
        long offset = md.map(RecordMetadata::offset).orElse(-1L);
        LOG.warn("dead letter ({}) for {}-{}@{} key={}: {}", reason, topic, partition, offset,
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), e.toString());
        DeadLetter letter = DeadLetters.fromRecord("enrich", reason, e, topic, partition, offset, record.key(),
                record.value(), Map.of("application.id", context.applicationId(),
                        "task.id", context.taskId().toString()));
        context.forward(new Record<>(null, new Outcome.Dead(record.key(), letter), record.timestamp()));
    }
}
