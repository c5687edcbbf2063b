package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.tag.LabelThresholds;
import io.newspipe.enrich.tag.TopicTagger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds each fold's enrichment from the shipped rule packs (without the line model, whose bundled weights saw every
 * outlet: {@link LineModelTrainer} learns one per fold) and taxonomy with topic thresholds learned from the
 * fold's training articles ({@link LabelThresholds}, from their raw label scores on the title and the clean body),
 * so the outlet a fold scores never shaped the thresholds it is scored with. The bundled thresholds file is the same
 * learning on the whole corpus.
 */
public final class CalibratedTopicsTrainer implements EnrichmentTrainer {

    private final Cleaner cleaner;
    private final TopicTagger base;
    private final double falsePositiveCost;
    private final Map<String, Map<String, Double>> rawScores = new ConcurrentHashMap<>();

    CalibratedTopicsTrainer(Cleaner cleaner, TopicTagger base, double falsePositiveCost) {
        this.cleaner = cleaner.withoutLineModel();
        this.base = base.uncalibrated();
        this.falsePositiveCost = falsePositiveCost;
    }

    /** The trainer over the bundled rule packs and taxonomy. */
    public static CalibratedTopicsTrainer defaults() {
        return new CalibratedTopicsTrainer(Cleaner.defaults(), TopicTagger.defaults(),
                LabelThresholds.DEFAULT_FALSE_POSITIVE_COST);
    }

    @Override
    public Enrichment train(List<AnnotatedArticle> training) {
        return new HandWrittenEnrichment(cleaner, tagger(training));
    }

    /** The tagger with the thresholds learned from these articles. */
    TopicTagger tagger(List<AnnotatedArticle> training) {
        return base.withThresholds(thresholds(training, "fold"));
    }

    /** The thresholds learned from these articles, under the given version; raw scores are computed once per article. */
    public LabelThresholds thresholds(List<AnnotatedArticle> training, String version) {
        List<LabelThresholds.Example> examples = training.stream()
                .map(a -> new LabelThresholds.Example(rawScores.computeIfAbsent(a.id(),
                        k -> base.rawScores(a.title(), a.cleanBody(), a.language())), a.topics()))
                .toList();
        return LabelThresholds.learn(version, base.taxonomyVersion(), base.labels(), examples, falsePositiveCost);
    }

    /** The versions evaluated. */
    public String versions() {
        return "rules " + cleaner.rulePackVersion() + ", taxonomy " + base.taxonomyVersion()
                + " with thresholds learned per fold";
    }
}
