package io.newspipe.enrich.tag;

import io.newspipe.enrich.TestTexts;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled tagger against the one that ran the whole Lucene chain over every text ({@link WholeChainLexicon}):
 * the same tags, scores, evidence and raw scores on every corpus article and on 20,000 mutations of them, and
 * {@link StandardWords} against Lucene's own tokenizer on the same texts.
 */
class TopicTaggerDifferentialTest {

    private static final String[] LANGUAGES = {"id", "en", "ms", null, "und", "fr", "id-ID", "in"};

    private static List<String> texts;

    @BeforeAll
    static void texts() {
        List<String> articles = TestTexts.articles();
        texts = new ArrayList<>(articles);
        texts.addAll(TestTexts.mutated(articles, 20_000, 20261202L));
    }

    private static TopicTagger wholeChainTagger() {
        try (InputStream in = TopicTagger.class.getResourceAsStream(TopicTagger.DEFAULT_TAXONOMY)) {
            return new TopicTagger(Taxonomy.parse(in), WholeChainLexicon::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelThresholds thresholds() {
        try (InputStream in = TopicTagger.class.getResourceAsStream(LabelThresholds.DEFAULT_RESOURCE)) {
            return LabelThresholds.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void wordsAndPositionsAreTheTokenizers() throws IOException {
        StandardTokenizer tokenizer = new StandardTokenizer();
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = tokenizer.addAttribute(PositionIncrementAttribute.class);
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                expected.add(term + "@" + increment.getPositionIncrement());
            }
            tokenizer.end();
            tokenizer.close();
            List<String> actual = new ArrayList<>();
            new StandardWords().read(text, (source, start, end, positionIncrement) -> actual.add(
                    new String(source, start, end - start) + "@" + positionIncrement));
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Test
    void tagsAndRawScoresAreTheWholeChains() {
        TopicTagger tagger = TopicTagger.defaults();
        TopicTagger legacy = wholeChainTagger().withThresholds(thresholds());
        Random random = new Random(7);
        int tagged = 0;
        for (String text : texts) {
            String other = texts.get(random.nextInt(texts.size()));
            String title = random.nextInt(3) == 0 ? null : other.substring(0, Math.min(120, other.length()));
            String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
            List<TopicTag> expected = legacy.tag(title, text, language);
            assertThat(tagger.tag(title, text, language)).as(language + " " + text).isEqualTo(expected);
            assertThat(tagger.rawScores(title, text, language)).isEqualTo(legacy.rawScores(title, text, language));
            tagged += expected.isEmpty() ? 0 : 1;
        }
        assertThat(tagged).as("texts that got tags").isGreaterThan(texts.size() / 2);
    }
}
