package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Removal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Leave-one-outlet-out over an annotated corpus: for each outlet, an enrichment is built from the other outlets'
 * articles only and scored on that outlet's articles. Removals by hand-written rules are credited only when the
 * rule generalises ({@link RuleCensus}, counted on the training articles); removals by learned parts always are.
 * Cleanings are cached per {@link Enrichment#cleaningIdentity()}, so a trainer whose folds share one cleaner cleans
 * each article once.
 */
public final class LeaveOneOutletOut {

    private final List<AnnotatedArticle> corpus;
    private final EnrichmentTrainer trainer;
    private final Map<Object, Map<String, CleanResult>> cleanings = new IdentityHashMap<>();

    public LeaveOneOutletOut(List<AnnotatedArticle> corpus, EnrichmentTrainer trainer) {
        this.corpus = List.copyOf(corpus);
        this.trainer = trainer;
    }

    /** The articles grouped by outlet, outlets in name order. */
    public Map<String, List<AnnotatedArticle>> byOutlet() {
        Map<String, List<AnnotatedArticle>> out = new TreeMap<>();
        corpus.forEach(a -> out.computeIfAbsent(a.outlet(), k -> new ArrayList<>()).add(a));
        return out;
    }

    /** One result per outlet, in outlet name order. */
    public List<OutletResult> run() {
        List<OutletResult> out = new ArrayList<>();
        byOutlet().forEach((outlet, heldOut) -> {
            List<AnnotatedArticle> training = corpus.stream().filter(a -> !a.outlet().equals(outlet)).toList();
            Enrichment e = trainer.train(training);
            RuleCensus census = RuleCensus.of(training, a -> cleaning(e, a));
            out.add(score(outlet, heldOut, e, x -> e.learned(x) || census.generalises(x.rule(), outlet)));
        });
        return out;
    }

    /** The census of the enrichment trained on the whole corpus: which rules fire correctly on which outlets. */
    public RuleCensus wholeCorpusCensus() {
        Enrichment e = trainer.train(corpus);
        return RuleCensus.of(corpus, a -> cleaning(e, a));
    }

    private OutletResult score(String outlet, List<AnnotatedArticle> articles, Enrichment e,
                               Predicate<Removal> credited) {
        CleaningCounts all = CleaningCounts.ZERO;
        CleaningCounts generalising = CleaningCounts.ZERO;
        TopicCounts topics = TopicCounts.ZERO;
        int removals = 0;
        int generalisingRemovals = 0;
        int modelRemovals = 0;
        List<String> misses = new ArrayList<>();
        for (AnnotatedArticle a : articles) {
            CleanResult r = cleaning(e, a);
            all = all.plus(CleaningScorer.score(a, r, x -> { }));
            generalising = generalising.plus(CleaningScorer.score(a, r, credited, misses::add));
            topics = topics.plus(TopicCounts.of(e.topics(a.title(), a.cleanBody(), a.language()), a.topics()));
            removals += r.removed().size();
            generalisingRemovals += (int) r.removed().stream().filter(credited).count();
            modelRemovals += (int) r.removed().stream().filter(e::learned).count();
        }
        String language = articles.stream().map(AnnotatedArticle::language).distinct().sorted()
                .collect(Collectors.joining("+"));
        return new OutletResult(outlet, language, articles.stream().map(AnnotatedArticle::id).toList(), all,
                generalising, topics, removals, generalisingRemovals, modelRemovals, misses);
    }

    private CleanResult cleaning(Enrichment e, AnnotatedArticle a) {
        return cleanings.computeIfAbsent(e.cleaningIdentity(), k -> new HashMap<>())
                .computeIfAbsent(a.id(), k -> e.clean(a.text()));
    }
}
