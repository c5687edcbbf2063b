package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Removal;

import java.util.List;

/**
 * What the evaluation scores: a cleaner and a topic tagger, as built for one fold of leave-one-outlet-out by an
 * {@link EnrichmentTrainer} that never saw the held-out outlet.
 */
public interface Enrichment {

    /** Cleans an article's whole text (headline line included, as stored in the corpus). */
    CleanResult clean(String text);

    /** The topic labels for an article, given its title (may be null), clean body and language. */
    List<String> topics(String title, String cleanBody, String language);

    /**
     * Whether a removal was made by a learned part rather than a hand-written rule. A learned part was trained
     * without the held-out outlet, so its removals are credited as they are; a hand-written rule's removals are
     * credited only when the rule generalises ({@link RuleCensus}). Learned parts name their removals
     * {@code model:<name>@<version>}.
     */
    default boolean learned(Removal removal) {
        return removal.rule().startsWith("model:");
    }

    /**
     * What this enrichment's cleanings may be cached under: enrichments of different folds that clean alike (the
     * same cleaner, only the topic thresholds differ) return the same object, so an article is cleaned once.
     */
    default Object cleaningIdentity() {
        return this;
    }
}
