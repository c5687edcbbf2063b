package io.newspipe.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.Fingerprints;
import io.newspipe.enrich.clean.Text;
import org.junit.jupiter.api.Test;

/** The one normal form of text: what it keeps, what it folds, and that the cleaner and the fingerprints share it. */
class TextNormaliserTest {

    @Test
    void shouldLowerCaseWordsAndLeaveOneSpaceBetweenThem() {
        assertThat(TextNormaliser.normalise("  Satu, dua; TIGA empat!  ")).isEqualTo("satu dua tiga empat");
        assertThat(TextNormaliser.normalise("12 345 tahun-2024 '99")).isEqualTo("12 345 tahun 2024 99");
        assertThat(TextNormaliser.normalise("-- ... --")).isEmpty();
        assertThat(TextNormaliser.normalise("")).isEmpty();
    }

    @Test
    void shouldLowerCaseEachCodePointOnItsOwnWithoutLocaleOrContext() {
        assertThat(TextNormaliser.normalise("İstanbul")).isEqualTo("istanbul");
        assertThat(TextNormaliser.normalise("ΣΟΦΙΑΣ")).as("a final sigma is not special").isEqualTo("σοφιασ");
        assertThat(TextNormaliser.normalise("Ǆemal ÉTÉ")).isEqualTo("ǆemal été");
    }

    @Test
    void shouldReadLettersOutsideTheBasicPlaneAsLettersAndLoneSurrogatesAsSeparators() {
        assertThat(TextNormaliser.normalise("𝐀𝐁 x")).isEqualTo("𝐀𝐁 x");
        assertThat(TextNormaliser.normalise("a\uD800b\uDC00c")).isEqualTo("a b c");
    }

    @Test
    void shouldSeparateWordsAtCombiningMarks() {
        assertThat(TextNormaliser.normalise("e\u0301te\u0301")).isEqualTo("e te");
    }

    @Test
    void shouldBeWhatTheCleanerComparesAndTheFingerprintsHash() {
        String text = "İstanbul ΣΟΦΙΑΣ 𝐀𝐁, Baca Juga: Harga CABAI naik";
        assertThat(Text.norm(text)).isEqualTo(TextNormaliser.normalise(text));
        assertThat(Fingerprints.contentHash(text)).isEqualTo(Fingerprints.contentHash(TextNormaliser.normalise(text)));
    }
}
