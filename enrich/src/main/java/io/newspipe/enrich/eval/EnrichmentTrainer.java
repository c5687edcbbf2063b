package io.newspipe.enrich.eval;

import java.util.List;

/**
 * Builds the {@link Enrichment} that scores one held-out outlet, from the annotated articles of all the other
 * outlets only. A learned part (a line classifier, calibrated topic thresholds) is fitted here; hand-written rules
 * ignore the training articles.
 */
@FunctionalInterface
public interface EnrichmentTrainer {

    /** The enrichment for one fold; {@code training} never holds an article of the held-out outlet. */
    Enrichment train(List<AnnotatedArticle> training);
}
