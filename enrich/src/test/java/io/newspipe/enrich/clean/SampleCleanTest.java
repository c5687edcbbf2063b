package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical sample (samples/klikanggaran-trump-putin.txt). */
class SampleCleanTest {

    private final String sample = Corpus.resource("samples/klikanggaran-trump-putin.txt");
    private final CleanResult r = Cleaner.defaults().clean(sample);

    @Test
    void keepsAllSevenRelatedHeadlinesInOrder() {
        assertThat(r.relatedHeadlines()).containsExactly(
                "RESMI, Elon Musk Bentuk America Party Setelah Berseteru dengan Donald Trump Soal UU Pemotongan Pajak",
                "UPDATE Banjir Bandang Texas Amerika: Korban Tewas Tembus 43 Jiwa, 15 Anak-anak; Puluhan Masih Hilang",
                "Pemain Liverpool Hadiri Pemakaman Diogo Jota, Klub Tunda Kegiatan Demi Hormat Terakhir",
                "Rusia Pacu Produksi Militer, Eropa Tertinggal di Tengah Konflik Ukraina",
                "Bantah Rencana Trump, Araghchi Klaim Iran Tak Berniat Mulai Lagi Bahas Kesepakatan Nuklir dengan AS",
                "Setelah Klaim Damaikan Iran-Israel, Trump Kini Berupaya Tengahi Konflik di Wilayah Afrika",
                "Trump Umumkan Israel Setujui Gencatan Senjata 60 Hari di Gaza, Hamas Diminta Ikut Menyetujui");
    }

    @Test
    void datelineOutletIsKlikanggaran() {
        assertThat(r.dateline()).isNotNull();
        assertThat(r.dateline().outlet()).isEqualTo("KLIKANGGARAN");
        assertThat(r.dateline().text()).isEqualTo("(KLIKANGGARAN) -");
        assertThat(r.body()).startsWith("Ketegangan geopolitik Amerika Serikat (AS) dan Rusia");
    }

    @Test
    void keepsTheSubHeadingAndTheStory() {
        assertThat(r.body()).contains("\nPutin: Rusia Tak Akan Menyerah\n");
        assertThat(r.body()).contains("\"Ia juga berbicara tentang kesiapan pihak Rusia untuk melanjutkan proses negosiasi,\" terangnya.");
        assertThat(r.body().lines().count()).isEqualTo(11);
    }

    @Test
    void leavesNoBoilerplateInTheBody() {
        assertThat(r.body()).doesNotContainIgnoringCase("Baca Juga").doesNotContain("Artikel Terkait")
                .doesNotContain("KLIKANGGARAN").doesNotContain("Rusia Pacu Produksi Militer")
                .doesNotContain("Gencatan Senjata 60 Hari");
    }

    @Test
    void everyRemovalIsAccountedFor() {
        assertThat(r.removed()).extracting(Removal::kind).containsExactly("dateline", "related", "related", "related",
                "related-block", "related-block", "related-block", "related-block", "related-block");
        assertThat(r.removed()).extracting(Removal::line).containsExactly(1, 4, 8, 13, 15, 16, 17, 18, 19);
        assertThat(r.removed().get(1).text()).startsWith("Baca Juga: RESMI, Elon Musk");
        assertThat(r.removed()).allSatisfy(x -> assertThat(x.rule()).isNotBlank());
        assertThat(r.rulePackVersion()).matches("id@\\d+\\.\\d+\\.\\d+\\+en@\\d+\\.\\d+\\.\\d+\\+markup@\\d+\\.\\d+\\.\\d+"
                + "\\+lines@\\d+\\.\\d+\\.\\d+");
        assertThat(r.partialPage()).isFalse();
    }
}
