package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.tag.TopicTag;
import io.newspipe.enrich.tag.TopicTagger;

import java.util.List;

/**
 * An enrichment of a rule-pack cleaner and a topic tagger: as shipped, or with a fold's learned topic thresholds
 * ({@link CalibratedTopicsTrainer}). Its own trainer returns the same instance for every fold.
 */
public final class HandWrittenEnrichment implements Enrichment {

    private final Cleaner cleaner;
    private final TopicTagger tagger;

    public HandWrittenEnrichment(Cleaner cleaner, TopicTagger tagger) {
        this.cleaner = cleaner;
        this.tagger = tagger;
    }

    /** The bundled rule packs and taxonomy. */
    public static HandWrittenEnrichment defaults() {
        return new HandWrittenEnrichment(Cleaner.defaults(), TopicTagger.defaults());
    }

    /** A trainer that ignores its training articles and always returns this enrichment. */
    public EnrichmentTrainer trainer() {
        return training -> this;
    }

    /** The versions evaluated, e.g. {@code rules id@1.0.0+en@1.0.0, taxonomy 2026.11.0}. */
    public String versions() {
        return "rules " + cleaner.rulePackVersion() + ", taxonomy " + tagger.taxonomyVersion();
    }

    @Override
    public CleanResult clean(String text) {
        return cleaner.clean(text);
    }

    /** Enrichments with the same cleaner clean alike, whatever their tagger. */
    @Override
    public Object cleaningIdentity() {
        return cleaner;
    }

    @Override
    public List<String> topics(String title, String cleanBody, String language) {
        return tagger.tag(title, cleanBody, language).stream().map(TopicTag::label).distinct().toList();
    }
}
