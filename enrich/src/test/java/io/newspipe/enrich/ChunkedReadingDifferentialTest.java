package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.lang.LanguageDetector;
import io.newspipe.enrich.tag.TopicTagger;
import io.newspipe.enrich.text.ChunkedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Language detection, tagging and fingerprints read from a title and body cut into chunks once (what the enricher
 * does) against each reading its own string (the first way): the same language, tags and fingerprints on every
 * corpus article and on 20,000 mutations of them, with and without titles, and on texts past the detector's
 * 20,000-character window. The chunk tables are warm from earlier texts, as in production.
 */
class ChunkedReadingDifferentialTest {

    private static final String[] HINTS = {null, null, null, null, "", "id", "en-US", "xx"};

    private static List<String> texts;

    @BeforeAll
    static void texts() {
        List<String> articles = TestTexts.articles();
        texts = new ArrayList<>(articles);
        texts.addAll(TestTexts.mutated(articles, 20_000, 1202L));
        StringBuilder everything = new StringBuilder();
        for (String article : articles) {
            everything.append(article).append('\n');
            if (everything.length() > 15_000) {
                texts.add(everything.toString()); // past the detector's window, alone or with a title
                everything.setLength(0);
            }
        }
    }

    @Test
    void languagesAreThoseOfTheJoinedText() {
        LanguageDetector detector = LanguageDetector.defaults();
        Random random = new Random(19);
        int chunked = 0;
        for (String body : texts) {
            String title = title(random);
            String hint = HINTS[random.nextInt(HINTS.length)];
            String joined = (title == null ? "" : title + "\n") + body;
            String expected = detector.detect(joined, hint);
            String actual = detector.detect(title == null ? null : ChunkedText.of(title), ChunkedText.of(body), hint);
            assertThat(actual).as(title + " | " + body).isEqualTo(expected);
            chunked += LanguageDetector.UNDETERMINED.equals(expected) ? 0 : 1;
        }
        assertThat(chunked).as("texts given a language").isGreaterThan(texts.size() / 2);
    }

    @Test
    void tagsAreThoseOfTheStrings() {
        TopicTagger tagger = TopicTagger.defaults();
        Random random = new Random(23);
        String[] languages = {"id", "en", "ms", null, "und"};
        for (String body : texts) {
            String title = title(random);
            String language = languages[random.nextInt(languages.length)];
            assertThat(tagger.tagChunks(title == null ? null : ChunkedText.of(title), ChunkedText.of(body), language))
                    .as(title + " | " + body).isEqualTo(tagger.tag(title, body, language));
        }
    }

    @Test
    void fingerprintsAreThoseOfTheNormalisedString() {
        for (String body : texts) {
            assertThat(Fingerprints.of(ChunkedText.of(body))).as(body).isEqualTo(Fingerprints.of(body));
        }
        assertThat(Fingerprints.of(ChunkedText.of(null))).isEqualTo(Fingerprints.of(""));
        assertThat(Fingerprints.of(ChunkedText.of(" \t\n"))).isEqualTo(Fingerprints.of(" \t\n"));
    }

    /** A title: none, empty, or a window of another text (which may end in half a surrogate pair). */
    private static String title(Random random) {
        int kind = random.nextInt(4);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        String other = texts.get(random.nextInt(texts.size()));
        int from = random.nextInt(Math.max(1, other.length()));
        return other.substring(from, Math.min(other.length(), from + 1 + random.nextInt(150)));
    }
}
