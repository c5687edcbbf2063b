package io.newspipe.enrich.eval;

import java.util.List;

/**
 * The figures of one outlet, scored with an enrichment built without it.
 *
 * @param outlet               the outlet key
 * @param language             the language of its articles (several joined by {@code +})
 * @param articleIds           its articles
 * @param allRules             cleaning figures crediting every removal
 * @param generalising         cleaning figures crediting only learned parts and rules that generalise
 * @param topics               topic counts
 * @param removals             removals the cleaner made on its articles
 * @param generalisingRemovals of those, the ones made by learned parts or by rules that generalise
 * @param modelRemovals        of those, the ones made by the line model
 * @param misses               what was missed under the leave-one-outlet-out credit, one line each
 */
public record OutletResult(String outlet, String language, List<String> articleIds, CleaningCounts allRules,
                           CleaningCounts generalising, TopicCounts topics, int removals, int generalisingRemovals,
                           int modelRemovals, List<String> misses) {

    public OutletResult {
        articleIds = List.copyOf(articleIds);
        misses = List.copyOf(misses);
    }
}
