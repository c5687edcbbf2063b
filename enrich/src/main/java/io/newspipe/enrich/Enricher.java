package io.newspipe.enrich;

import io.newspipe.avro.Credits;
import io.newspipe.avro.Dateline;
import io.newspipe.avro.LineMarkup;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.avro.RemovedSpan;
import io.newspipe.avro.Syndication;
import io.newspipe.avro.Topic;
import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.MarkupSignals;
import io.newspipe.enrich.lang.LanguageDetector;
import io.newspipe.enrich.tag.TopicTag;
import io.newspipe.enrich.tag.TopicTagger;
import io.newspipe.enrich.text.ChunkedText;
import io.newspipe.schemas.SimHashHex;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link RawArticle} into an {@link EnrichedArticle}: cleans the body (removed spans, related headlines,
 * dateline, credits, syndication kept as fields), detects the language, tags topics on the clean title and body,
 * and fingerprints the clean body. Pure and thread-safe; the Streams topology and {@code newspipe clean} share it.
 */
public final class Enricher implements ArticleEnricher {

    private final Cleaner cleaner;
    private final TopicTagger tagger;
    private final LanguageDetector languages;
    private final Clock clock;

    public Enricher(Cleaner cleaner, TopicTagger tagger, LanguageDetector languages, Clock clock) {
        this.cleaner = cleaner;
        this.tagger = tagger;
        this.languages = languages;
        this.clock = clock;
    }

    /** The bundled rule packs, taxonomy and language profiles. */
    public static Enricher defaults() {
        return new Enricher(Cleaner.defaults(), TopicTagger.defaults(), LanguageDetector.defaults(),
                Clock.systemUTC());
    }

    /** Every topic label the taxonomy can assign. */
    @Override
    public List<String> labels() {
        return tagger.labels();
    }

    @Override
    public EnrichedArticle enrich(RawArticle raw) {
        CleanResult clean = cleaner.clean(raw.getBody(), markup(raw.getLineMarkup()));
        String title = raw.getTitle();
        // the title and body are cut into chunks once; detection, tagging and fingerprints each read those chunks
        ChunkedText titleChunks = title == null ? null : ChunkedText.of(title);
        ChunkedText body = ChunkedText.of(clean.body());
        String language = languages.detect(titleChunks, body, raw.getLanguageHint());
        List<TopicTag> tags = tagger.tagChunks(titleChunks, body, language);
        Fingerprints.Of fingerprints = Fingerprints.of(body);
        EnrichedArticle.Builder b = EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setSource(raw.getSource())
                .setUrl(raw.getUrl())
                .setTitle(title)
                .setPublishedAt(raw.getPublishedAt())
                .setLanguage(language)
                .setBody(clean.body())
                .setRemoved(removed(clean))
                .setRelatedHeadlines(clean.relatedHeadlines())
                .setTopics(topics(tags))
                .setPartialPage(clean.partialPage())
                .setContentHash(fingerprints.contentHash())
                .setSimhashHex(SimHashHex.format(fingerprints.simHash()))
                .setRulePackVersion(clean.rulePackVersion())
                .setTaxonomyVersion(tagger.taxonomyVersion())
                .setIngestedAt(raw.getIngestedAt())
                .setEnrichedAt(clock.instant())
                .setRevision(raw.getRevision())
                .setBodySource(raw.getBodySource());
        if (clean.dateline() != null) {
            b.setDateline(Dateline.newBuilder().setPlace(clean.dateline().place())
                    .setOutlet(clean.dateline().outlet()).setText(clean.dateline().text()).build());
        }
        if (clean.credits() != null) {
            var c = clean.credits();
            b.setCredits(Credits.newBuilder().setAuthor(c.author()).setEditor(c.editor()).setReporter(c.reporter())
                    .setCodes(c.codes()).setLines(c.lines()).build());
        }
        if (clean.syndication() != null) {
            var s = clean.syndication();
            b.setSyndication(Syndication.newBuilder().setOutlet(s.outlet()).setTitle(s.title()).setUrl(s.url())
                    .setText(s.text()).build());
        }
        return b.build();
    }

    /** The markup of each body line as the cleaner reads it, or null for a text input. */
    private static List<MarkupSignals> markup(List<LineMarkup> lines) {
        if (lines == null) {
            return null;
        }
        List<MarkupSignals> out = new ArrayList<>(lines.size());
        for (LineMarkup line : lines) {
            out.add(new MarkupSignals(line.getTagPath(), line.getClassWords(), line.getLink(), line.getLinkDensity(),
                    line.getSameSiteLink()));
        }
        return out;
    }

    private static List<RemovedSpan> removed(CleanResult clean) {
        List<RemovedSpan> out = new ArrayList<>(clean.removed().size());
        for (var r : clean.removed()) {
            out.add(RemovedSpan.newBuilder().setRule(r.rule()).setKind(r.kind()).setText(r.text()).setLine(r.line())
                    .build());
        }
        return out;
    }

    private static List<Topic> topics(List<TopicTag> tags) {
        List<Topic> out = new ArrayList<>(tags.size());
        for (TopicTag t : tags) {
            out.add(Topic.newBuilder().setLabel(t.label()).setIptc(t.iptc()).setScore(t.score())
                    .setEvidence(t.evidence()).build());
        }
        return out;
    }
}
