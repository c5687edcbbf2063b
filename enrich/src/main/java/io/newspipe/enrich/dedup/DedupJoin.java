package io.newspipe.enrich.dedup;

import io.newspipe.avro.EnrichedArticle;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds each article (store {@link DuplicateDetector#PENDING_ARTICLES}) until the verdicts on all its probes are in
 * (store {@link DuplicateDetector#PENDING_VERDICTS}: the probe bits the verdicts so far cover, the probe count
 * every verdict carries, the best match so far), then releases it with {@code duplicate_of} and {@code cluster_id}
 * set. Article and verdicts may come in any order; a verdict seen twice sets the same bits twice. Reads and writes
 * records keyed by article id; never drops an article.
 */
final class DedupJoin implements Processor<String, DuplicateDetector.Input, String, EnrichedArticle> {

    private final Consumer<String> onDuplicate;
    private ProcessorContext<String, EnrichedArticle> context;
    private KeyValueStore<String, EnrichedArticle> articles;
    private KeyValueStore<String, DedupCodec.Pending> verdicts;

    DedupJoin(Consumer<String> onDuplicate) {
        this.onDuplicate = onDuplicate;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        this.articles = context.getStateStore(DuplicateDetector.PENDING_ARTICLES);
        this.verdicts = context.getStateStore(DuplicateDetector.PENDING_VERDICTS);
    }

    @Override
    public void process(Record<String, DuplicateDetector.Input> record) {
        String id = record.key();
        EnrichedArticle article;
        DedupCodec.Pending stored = verdicts.get(id);
        DedupCodec.Pending pending = stored;
        boolean articleStored;
        if (record.value() instanceof DuplicateDetector.ArticleIn in) {
            article = in.article();
            articleStored = false;
            if (pending == null || !pending.complete()) {
                articles.put(id, article);
                return;
            }
        } else {
            Verdict v = ((DuplicateDetector.VerdictIn) record.value()).verdict();
            int seen = (pending == null ? 0 : pending.seen()) | v.probes();
            Verdict best = pending == null ? null : pending.best();
            if (v.betterThan(best)) {
                best = v;
            }
            pending = new DedupCodec.Pending(seen, v.count(), best);
            // the article is read (an Avro decoding) only once its last verdict is in, not at every verdict
            article = pending.complete() ? articles.get(id) : null;
            articleStored = true;
            if (article == null) {
                verdicts.put(id, pending);
                return;
            }
        }
        // delete only what is stored: a delete of a missing key still writes a tombstone to the changelog
        if (articleStored) {
            articles.delete(id);
        }
        if (stored != null) {
            verdicts.delete(id);
        }
        Verdict best = pending.best();
        EnrichedArticle flagged = EnrichedArticle.newBuilder(article)
                .setDuplicateOf(best == null ? null : best.matchId())
                .setClusterId(best == null ? article.getId() : best.matchClusterId())
                .build();
        if (best != null) {
            onDuplicate.accept(best.exact() ? "exact" : "near");
        }
        context.forward(record.withValue(flagged));
    }
}
