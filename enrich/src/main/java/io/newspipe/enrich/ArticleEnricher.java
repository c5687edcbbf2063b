package io.newspipe.enrich;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;

/** What the topology asks of the enrichment: one raw article in, one enriched article out; it may throw. */
@FunctionalInterface
public interface ArticleEnricher {

    EnrichedArticle enrich(RawArticle raw);
}
