package io.newspipe.enrich.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outcome of a leave-one-outlet-out evaluation: per-outlet results and what is derived from them.
 *
 * @param corpus      where the corpus was read from
 * @param versions    what was evaluated (rule packs, taxonomy, models)
 * @param articles    how many annotated articles
 * @param outlets     one result per outlet, in outlet order
 * @param intervals   95 % bootstrap intervals (by outlet) of the leave-one-outlet-out figures
 * @param resamples   how many bootstrap resamples the intervals come from
 * @param narrowRules rules that fire correctly on at most {@link RuleCensus#MIN_OTHER_OUTLETS} outlets, with them
 * @param rulesAlone  the same per-outlet results from the rules alone, without the line model
 */
public record EvalReport(String corpus, String versions, int articles, List<OutletResult> outlets,
                         Map<Metric, Bootstrap.Interval> intervals, int resamples, Map<String, Set<String>> narrowRules,
                         List<OutletResult> rulesAlone) {

    /**
     * Reads the corpus in {@code folder} and evaluates the bundled rules and taxonomy with the line model, topic
     * thresholds and line model learned per fold; and the rules alone, to show what the model adds.
     */
    public static EvalReport of(Path folder, int resamples, long seed) {
        List<AnnotatedArticle> corpus = AnnotatedCorpus.read(folder);
        LineModelTrainer trainer = LineModelTrainer.defaults();
        LeaveOneOutletOut looo = new LeaveOneOutletOut(corpus, trainer);
        List<OutletResult> outlets = looo.run();
        List<OutletResult> rulesAlone = new LeaveOneOutletOut(corpus, CalibratedTopicsTrainer.defaults()).run();
        return new EvalReport(folder.toString(), trainer.versions(), corpus.size(), outlets,
                Bootstrap.intervals(outlets, resamples, seed), resamples, looo.wholeCorpusCensus().narrowRules(),
                rulesAlone);
    }

    public EvalReport {
        outlets = List.copyOf(outlets);
        rulesAlone = List.copyOf(rulesAlone);
    }

    /** The leave-one-outlet-out cleaning counts of the rules alone, without the line model. */
    public CleaningCounts rulesAloneCounts() {
        return rulesAlone.stream().map(OutletResult::generalising).reduce(CleaningCounts.ZERO, CleaningCounts::plus);
    }

    /** A cleaning figure of the rules alone by leave-one-outlet-out (topic figures do not depend on the model). */
    public double rulesAloneValue(Metric m) {
        return m.of(rulesAloneCounts(), topics().micro());
    }

    /** Removals the line model made. */
    public int modelRemovals() {
        return outlets.stream().mapToInt(OutletResult::modelRemovals).sum();
    }

    /** The leave-one-outlet-out cleaning counts of all outlets added up. */
    public CleaningCounts generalising() {
        return outlets.stream().map(OutletResult::generalising).reduce(CleaningCounts.ZERO, CleaningCounts::plus);
    }

    /** The cleaning counts of all outlets with every removal credited. */
    public CleaningCounts allRules() {
        return outlets.stream().map(OutletResult::allRules).reduce(CleaningCounts.ZERO, CleaningCounts::plus);
    }

    /** The topic counts of all outlets added up. */
    public TopicCounts topics() {
        return outlets.stream().map(OutletResult::topics).reduce(TopicCounts.ZERO, TopicCounts::plus);
    }

    /** A figure by leave-one-outlet-out. */
    public double value(Metric m) {
        return m.of(generalising(), topics().micro());
    }

    /** A figure with every removal credited, as the plain corpus figures count. */
    public double valueAllRules(Metric m) {
        return m.of(allRules(), topics().micro());
    }

    /** Outlets with at least one related-article line. */
    public long outletsWithRelatedLines() {
        return outlets.stream().filter(o -> o.generalising().relatedItems() > 0).count();
    }

    /** Of the outlets with related-article lines, how many have every one removed (leave-one-outlet-out). */
    public long outletsAtFullRelatedRecall() {
        return outlets.stream().filter(o -> o.generalising().relatedItems() > 0
                && o.generalising().relatedRemoved() == o.generalising().relatedItems()).count();
    }

    /** All removals the cleaner made on the corpus. */
    public int removals() {
        return outlets.stream().mapToInt(OutletResult::removals).sum();
    }

    /** Removals made by learned parts or by rules that generalise for the article's outlet. */
    public int generalisingRemovals() {
        return outlets.stream().mapToInt(OutletResult::generalisingRemovals).sum();
    }

    /** The figures of the outlets of one language, added up. */
    public record LanguageFigures(String language, int outlets, int articles, CleaningCounts cleaning,
                                  TopicCounts topics) {
    }

    /** The leave-one-outlet-out figures per language of the outlets, languages in name order. */
    public List<LanguageFigures> byLanguage() {
        Map<String, List<OutletResult>> groups = new TreeMap<>();
        outlets.forEach(o -> groups.computeIfAbsent(o.language(), k -> new ArrayList<>()).add(o));
        List<LanguageFigures> out = new ArrayList<>();
        groups.forEach((language, group) -> out.add(new LanguageFigures(language, group.size(),
                group.stream().mapToInt(o -> o.articleIds().size()).sum(),
                group.stream().map(OutletResult::generalising).reduce(CleaningCounts.ZERO, CleaningCounts::plus),
                group.stream().map(OutletResult::topics).reduce(TopicCounts.ZERO, TopicCounts::plus))));
        return out;
    }

    /** Up to {@code n} outlets below 1.0 on a figure, worst first (ties: more items measured first). */
    public List<OutletResult> worst(Metric m, int n) {
        return outlets.stream()
                .filter(o -> m.measurable(o.generalising(), o.topics().micro()))
                .filter(o -> m.of(o.generalising(), o.topics().micro()) < 1.0)
                .sorted(Comparator.<OutletResult>comparingDouble(o -> m.of(o.generalising(), o.topics().micro()))
                        .thenComparingInt(o -> -m.items(o.generalising(), o.topics().micro()))
                        .thenComparing(OutletResult::outlet))
                .limit(n)
                .toList();
    }
}
