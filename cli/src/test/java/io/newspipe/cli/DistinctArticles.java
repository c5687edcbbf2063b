package io.newspipe.cli;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.dedup.ArticleSketch;
import io.newspipe.enrich.dedup.DedupSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admits generated articles only when enrich's duplicate detector would not call them a copy of one admitted
 * before (the same clean body, or a near duplicate by {@link ArticleSketch} at the default threshold). Generated
 * articles are a few sentences drawn from one pool, so a short one is now and then mostly contained in another;
 * a test that plants its own copies uses this so that the planted copies are the only duplicates.
 */
final class DistinctArticles {

    private final Enricher enricher = Enricher.defaults();
    private final Set<String> contentHashes = new HashSet<>();
    private final Map<Long, List<ArticleSketch>> byKey = new HashMap<>();

    /** True, and remembered, if {@code article} duplicates none admitted before. */
    boolean admit(RawArticle article) {
        EnrichedArticle enriched = enricher.enrich(article);
        if (contentHashes.contains(enriched.getContentHash())) {
            return false;
        }
        ArticleSketch sketch = ArticleSketch.of(enriched.getBody());
        for (long key : sketch.keys()) {
            for (ArticleSketch other : byKey.getOrDefault(key, List.of())) {
                if (sketch.nearDuplicateOf(other, DedupSettings.DEFAULTS.minContainment())) {
                    return false;
                }
            }
        }
        contentHashes.add(enriched.getContentHash());
        for (long key : sketch.keys()) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(sketch);
        }
        return true;
    }
}
