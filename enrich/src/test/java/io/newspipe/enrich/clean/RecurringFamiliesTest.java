package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The families of rule packs id 1.3 to 1.5 and en 1.2 to 1.3 that recur across outlets, and the story lines the heuristics must keep,
 * written with outlets and wording that are not in the corpus. Bodies use {@code §} for line breaks.
 */
class RecurringFamiliesTest {

    private static final String TITLE = "Jembatan Gantung di Lereng Timur Akhirnya Diperbaiki";
    private static final String P1 = "Pemerintah kabupaten mulai memperbaiki jembatan gantung yang menghubungkan dua "
            + "desa di lereng timur setelah tali bajanya putus pada musim hujan lalu.";
    private static final String P2 = "Kepala desa mengatakan anak-anak selama ini harus memutar sejauh tujuh kilometer "
            + "untuk sampai ke sekolah di seberang sungai.";

    static CleanResult clean(String piped) {
        return RuleFamiliesTest.clean(piped);
    }

    // ---- the page header --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Sekar Ayu Lestari", "KABAR LERENG TIMUR", "Liputan Khusus Desa", "Tim Liputan Daerah"})
    void shortCapitalisedLineAboveTheFirstParagraphIsAHeaderLabel(String label) {
        CleanResult r = clean(TITLE + "§" + label + "§" + P1 + "§" + P2);
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + P2);
    }

    @Test
    void bulletedMenuAboveTheFirstParagraphIsRemovedWhateverItsCase() {
        CleanResult r = clean(TITLE + "§  • Beranda§    • berita daerah§  • Opini Warga§" + P1 + "§" + P2);
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + P2);
    }

    @Test
    void bulletedItemsBelowTheFirstParagraphStay() {
        String items = "• Tali baja baru§• Lantai papan ulin";
        CleanResult r = clean(TITLE + "§" + P1 + "§" + items + "§" + P2);
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + items.replace("§", "\n") + "\n" + P2);
    }

    @Test
    void shortCapitalisedSubHeadingBelowTheFirstParagraphStays() {
        String heading = "Warga Gotong Royong";
        CleanResult r = clean(TITLE + "§" + P1 + "§" + heading + "§" + P2);
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + heading + "\n" + P2);
    }

    @Test
    void pageWithoutAStoryParagraphKeepsItsShortLines() {
        String page = TITLE + "§Sekar Ayu Lestari§Foto dan Video Terbaru";
        assertThat(clean(page).body()).isEqualTo(page.replace("§", "\n"));
    }

    // ---- headlines and story lines the heuristics keep ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Viral, Jembatan Gantung Putus-putus Lagi di Lereng Timur",
        "BREAKING NEWS - Jembatan Gantung di Lereng Timur Putus Lagi", "Sorotan Daerah, Cuaca Ekstrem Covid-19 dan Banjir"})
    void headlineIsNoDateline(String headline) {
        CleanResult r = clean(headline + "§" + P1 + "§" + P2);
        assertThat(r.body()).startsWith(headline + "\n");
        assertThat(r.dateline()).isNull();
    }

    @Test
    void tightHyphenBeforeACapitalIsStillADateline() {
        CleanResult r = clean(TITLE + "§LERENGPOS.COM, WONOSARI-" + P1 + "§" + P2);
        assertThat(r.dateline().place()).isEqualTo("WONOSARI");
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + P2);
    }

    @Test
    void bulletedListAtTheEndOfTheStoryStays() {
        String list = "- Jembatan Gantung Terpanjang Kategori Desa: Lereng Timur Kidul§"
                + "- Jembatan Gantung Tertua Kategori Kecamatan: Sumber Rejo Wetan";
        CleanResult r = clean(TITLE + "§" + P1 + "§" + P2 + "§Daftar Penerima Penghargaan§" + list);
        assertThat(r.body()).endsWith(list.replace("§", "\n"));
    }

    // ---- whole-line families ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"https://lerengpos.example/p/8xQz", "Sumber: https://lerengpos.example/2026/01/jembatan/",
        "Disclaimer: Tulisan ini sepenuhnya tanggung jawab penulis dan tidak mewakili pandangan redaksi.",
        "Sokong kewartawanan kami", "Daily quota reached.", "Tag Archive: jembatan", "Categories:", "0", "1204",
        "No comments yet...", "Halaman:", "Pages ( 2 of 3 ): 1 2 3"})
    void recurringChromeAtTheEndIsRemoved(String line) {
        CleanResult r = clean(TITLE + "§" + P1 + "§" + P2 + "§" + line);
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + P2);
    }

    @Test
    void updateStampWithItsPublishingDateAndViewCount() {
        CleanResult r = clean(TITLE + "§" + P1 + "§" + P2 + "§4 Maret 2026   09:10 Diperbarui: 4 Maret 2026   10:02 318");
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + P2);
    }

    @Test
    void relatedListWithSourcesTimesAndSummariesGivesOnlyItsHeadlines() {
        String en = "The county began repairing the suspension bridge that links two villages on the eastern slope "
                + "after its steel cable snapped in the last rainy season.";
        CleanResult r = clean("Suspension Bridge on the Eastern Slope Gets Repaired§" + en + "§Related Articles§"
                + "Slope Daily§20 minutes ago§Village Market Reopens After Renovation§"
                + "Traders return to a brighter hall with a new roof and wider aisles.§"
                + "Hill Herald§an hour ago§Coffee Farmers Harvest Early This Year");
        assertThat(r.body()).isEqualTo("Suspension Bridge on the Eastern Slope Gets Repaired\n" + en);
        assertThat(r.relatedHeadlines()).containsExactly("Village Market Reopens After Renovation",
                "Coffee Farmers Harvest Early This Year");
    }

    @Test
    void topPicksListSplitByBlankLinesBecomesRelatedHeadlines() {
        CleanResult r = clean(TITLE + "§" + P1 + "§" + P2 + "§Top Picks§§Pasar Desa Dibuka Lagi Setelah Renovasi§§"
                + "Petani Kopi Lereng Timur Panen Lebih Awal");
        assertThat(r.body()).isEqualTo(TITLE + "\n" + P1 + "\n" + P2);
        assertThat(r.relatedHeadlines()).containsExactly("Pasar Desa Dibuka Lagi Setelah Renovasi",
                "Petani Kopi Lereng Timur Panen Lebih Awal");
    }
}
