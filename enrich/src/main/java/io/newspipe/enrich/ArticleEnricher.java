package io.newspipe.enrich;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;

import java.util.List;

/** What the topology asks of the enrichment: one raw article in, one enriched article out; it may throw. */
@FunctionalInterface
public interface ArticleEnricher {

    EnrichedArticle enrich(RawArticle raw);

    /** Every topic label the enrichment can assign (where a routed article may have been copied); none by default. */
    default List<String> labels() {
        return List.of();
    }
}
