package io.newspipe.enrich;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;

/** What the {@link EnrichProcessor} hands to the router: an article enriched or removed, or a dead letter. */
sealed interface Outcome permits Outcome.Enriched, Outcome.Dead, Outcome.Removed {

    /** An article enriched, on its way to {@code news.enriched}. */
    record Enriched(EnrichedArticle article) implements Outcome {
    }

    /** A tombstone on the raw topic: the article was taken down, and its enriched copies must go too. */
    record Removed(String id) implements Outcome {
    }

    /** A record no step could handle, on its way to {@code news.dlq} under its original key. */
    record Dead(byte[] key, DeadLetter letter) implements Outcome {
    }
}
