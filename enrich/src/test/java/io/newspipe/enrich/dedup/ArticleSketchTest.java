package io.newspipe.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newspipe.enrich.text.TextNormaliser;
import org.junit.jupiter.api.Test;

/** The sketch the duplicate detector compares articles by: shingles, keys, containment estimate, numbers. */
class ArticleSketchTest {

    private static final String STORY = "Banjir bandang menerjang tiga desa di Kecamatan Cikajang pada Selasa malam "
            + "setelah hujan deras mengguyur kawasan hulu sungai selama hampir enam jam. Kepala BPBD mengatakan "
            + "sedikitnya 214 rumah terendam lumpur dan 38 di antaranya rusak berat. Tim gabungan mengevakuasi 612 "
            + "warga ke tiga titik pengungsian di balai desa.";

    @Test
    void shouldShingleTheNormalFormSoCaseAndPunctuationDoNotMatter() {
        assertThat(Shingles.of(TextNormaliser.normalise("Harga EMAS naik, kata dia!")))
                .containsExactly(Shingles.of("harga emas naik kata dia"));
        assertThat(Shingles.of("harga emas naik kata dia")).hasSize(3).isSorted();
        assertThat(Shingles.of("dua kata")).hasSize(1);
        assertThat(Shingles.of("")).isEmpty();
    }

    @Test
    void shouldKeepTheSmallestHashesAndFileUnderTheFirstEight() {
        ArticleSketch sketch = ArticleSketch.of(STORY);
        long[] all = Shingles.of(TextNormaliser.normalise(STORY));
        assertThat(sketch.shingleCount()).isEqualTo(all.length);
        assertThat(sketch.keys()).hasSize(ArticleSketch.KEYS).containsExactly(java.util.Arrays.copyOf(all, 8));
        assertThat(ArticleSketch.of("").keys()).isEmpty();
    }

    @Test
    void shouldEstimateAContainmentOfOneForACopyCutShort() {
        ArticleSketch whole = ArticleSketch.of(STORY);
        ArticleSketch cut = ArticleSketch.of(STORY.substring(0, STORY.indexOf(" Tim gabungan")));
        assertThat(whole.containment(cut)).isCloseTo(1.0, within(1e-9));
        assertThat(cut.containment(whole)).isEqualTo(whole.containment(cut));
        assertThat(whole.jaccard(cut)).isLessThan(0.8);
    }

    @Test
    void shouldEstimateALowContainmentForAnotherText() {
        ArticleSketch other = ArticleSketch.of("Presiden melantik tiga menteri baru dalam perombakan kabinet di "
                + "Istana Negara pada Senin pagi, dan DPR akan memanggil mereka pekan depan.");
        assertThat(ArticleSketch.of(STORY).containment(other)).isLessThan(0.1);
        assertThat(ArticleSketch.of(STORY).nearDuplicateOf(other, 0.5)).isFalse();
    }

    @Test
    void shouldCallTwoDaysOfATemplateWithOtherPricesDifferent() {
        ArticleSketch monday = ArticleSketch.of("Harga emas Antam hari ini naik menjadi Rp1.250.000 per gram.");
        ArticleSketch tuesday = ArticleSketch.of("Harga emas Antam hari ini naik menjadi Rp1.260.000 per gram.");
        assertThat(monday.numbersAgree(tuesday)).isFalse();
        assertThat(monday.nearDuplicateOf(tuesday, 0.5)).isFalse();
        assertThat(monday.nearDuplicateOf(ArticleSketch.of("HARGA emas Antam hari ini naik menjadi Rp1.250.000 per "
                + "gram!"), 0.5)).isTrue();
    }

    @Test
    void shouldLetNumbersAgreeWhenTheSmallerSetIsInTheLargerOrBothHaveNone() {
        assertThat(NumberWords.agree(new long[] {1, 2}, new long[] {1, 2, 3})).isTrue();
        assertThat(NumberWords.agree(new long[] {}, new long[] {})).isTrue();
        assertThat(NumberWords.agree(new long[] {}, new long[] {1})).isFalse();
        assertThat(NumberWords.agree(new long[] {1, 4}, new long[] {1, 2, 3})).isFalse();
        assertThat(NumberWords.of("pada 11 november 2026 pukul 21 00 wib")).hasSize(4);
    }
}
