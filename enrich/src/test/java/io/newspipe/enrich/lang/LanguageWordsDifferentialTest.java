package io.newspipe.enrich.lang;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.TestTexts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading a text's words in place against lower-casing it, splitting it into word strings and looking each up in
 * the profile sets (the detector's first way, still used for text that does not lower-case character by
 * character): the same counts and marker sums on every corpus article and on 20,000 mutations of them.
 */
class LanguageWordsDifferentialTest {

    @Test
    void wordCountsReadInPlaceAreThoseOfTheWordStrings() {
        LanguageDetector detector = LanguageDetector.defaults();
        List<String> articles = TestTexts.articles();
        List<String> texts = new ArrayList<>(articles);
        texts.addAll(TestTexts.mutated(articles, 20_000, 639L));
        int inPlace = 0;
        for (String text : texts) {
            if (LanguageDetector.lowerCasesCharByChar(text)) {
                inPlace++;
                assertThat(detector.countInPlace(text)).as(text)
                        .isEqualTo(detector.countTokens(LanguageDetector.tokenize(text),
                                LanguageDetector.mostlyLatin(text)));
            }
        }
        assertThat(inPlace).as("texts read in place").isGreaterThan(texts.size() * 3 / 4);
    }
}
