package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per pattern family, written with outlets and wording that are not in the corpus.
 * Bodies use {@code §} for line breaks to keep the cases short.
 */
class RuleFamiliesTest {

    private static final Cleaner C = Cleaner.defaults();
    private static final String P1 = "Pemerintah kota menyiapkan anggaran tambahan untuk memperbaiki drainase di "
            + "sejumlah kawasan yang kerap tergenang saat hujan deras turun pada sore hari.";
    private static final String P2 = "Kepala dinas mengatakan pekerjaan fisik dimulai bulan depan dan ditargetkan "
            + "selesai sebelum musim hujan berikutnya tiba di wilayah tersebut.";
    private static final String P3 = "Warga berharap perbaikan itu benar-benar mengurangi banjir yang selama ini "
            + "merendam permukiman mereka setiap kali hujan turun lebih dari dua jam.";

    static CleanResult clean(String piped) {
        return C.clean(piped.replace("§", "\n"));
    }

    // ---- related-article lines ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Baca juga: ", "Baca Juga: ", "BACA JUGA: ", "Baca juga ", "BACA JUGA ", "Baca: ",
        "Baca pula: ", "Simak juga: ", "Lihat juga: ", "Lihat Juga ", "Baca Juga | ", "Also Read: ", "ALSO READ: ",
        "Also read | ", "Read Also: ", "READ MORE: ", "Related: ", "Simak Juga: ", "Jangan Lewatkan: ", "» Baca Juga: ",
        "- Baca juga: ", "Baca Juga : "})
    void relatedLineWithHeadlineOnTheSameLine(String label) {
        CleanResult r = clean(P1 + "§" + label + "Harga Cabai Rawit Melonjak Jelang Akhir Tahun§" + P2);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.relatedHeadlines()).containsExactly("Harga Cabai Rawit Melonjak Jelang Akhir Tahun");
        assertThat(r.removed()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo("related");
            assertThat(x.line()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baca Juga", "BACA JUGA:", "Baca juga:", "Read Also", "ALSO READ", "Simak juga"})
    void relatedLabelWithTheHeadlineOnTheNextLine(String label) {
        CleanResult r = clean(P1 + "§" + label + "§Ribuan Penonton Padati Konser Amal di Alun-alun§" + P2);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.relatedHeadlines()).containsExactly("Ribuan Penonton Padati Konser Amal di Alun-alun");
    }

    @Test
    void labelAloneDoesNotEatAFollowingSentence() {
        CleanResult r = clean(P1 + "§Baca juga:§" + P2);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.relatedHeadlines()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(BACA JUGA: Polisi Tangkap Pelaku Curanmor di Bekasi)",
        "(Baca juga: Polisi Tangkap Pelaku Curanmor di Bekasi)", "[Baca Juga: Polisi Tangkap Pelaku Curanmor di Bekasi]",
        "(BACA JUGA Polisi Tangkap Pelaku Curanmor di Bekasi)"})
    void bracketedRelatedLines(String line) {
        CleanResult r = clean(P1 + "§" + line + "§" + P2);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.relatedHeadlines()).containsExactly("Polisi Tangkap Pelaku Curanmor di Bekasi");
    }

    @Test
    void relatedLinkFusedIntoAParagraphKeepsTheSentenceAfterIt() {
        CleanResult r = clean("Hujan turun sejak pagi, kata dia. Baca juga: Jalan Tol Cipali Macet Parah "
                + "Presiden Joko Widodo mengatakan perbaikan akan dipercepat. \"Kami siap,\" ujarnya.");
        assertThat(r.relatedHeadlines()).containsExactly("Jalan Tol Cipali Macet Parah");
        assertThat(r.body()).isEqualTo("Hujan turun sejak pagi, kata dia. Presiden Joko Widodo mengatakan perbaikan "
                + "akan dipercepat. \"Kami siap,\" ujarnya.");
    }

    @Test
    void fusedRelatedLinkBeforeAQuote() {
        CleanResult r = clean("Ia menolak berkomentar. Baca juga: Banjir Rob Rendam Pesisir Semarang \"Nanti saja,\" "
                + "katanya singkat.");
        assertThat(r.relatedHeadlines()).containsExactly("Banjir Rob Rendam Pesisir Semarang");
        assertThat(r.body()).isEqualTo("Ia menolak berkomentar. \"Nanti saja,\" katanya singkat.");
    }

    @Test
    void fusedBracketedRelatedLink() {
        CleanResult r = clean("Ia menolak berkomentar. (BACA JUGA: Banjir Rob Rendam Pesisir Semarang) Polisi "
                + "masih berjaga di lokasi.");
        assertThat(r.relatedHeadlines()).containsExactly("Banjir Rob Rendam Pesisir Semarang");
        assertThat(r.body()).isEqualTo("Ia menolak berkomentar. Polisi masih berjaga di lokasi.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baca buku sebelum tidur membantu anak lebih cepat terlelap, kata psikolog itu.",
        "Lihat juga bagaimana warga bergotong royong membersihkan lumpur sisa banjir.",
        "Related to the case, police questioned three witnesses on Monday.",
        "Simak penjelasan berikut ini sebelum membeli kendaraan bekas.",
        "Putin: Rusia Tak Akan Menyerah", "Lelang 15 Proyek", "1. Banyak warga yang tertidur saat banjir datang",
        "\"Kami akan terus berjuang sampai akhir,\" kata dia.", "Editor senior itu mengatakan redaksi akan berbenah.",
        "Update: korban tewas bertambah menjadi 12 orang hingga pukul 14.00.", "Terbit 1.500 eksemplar setiap hari.",
        "Halaman 3 laporan itu menyebutkan adanya kejanggalan.", "By 2030, the government hopes to double exports.",
        "Red Bull Racing kembali mendominasi balapan akhir pekan lalu.", "Lihat juga Pasal 5 undang-undang itu.",
        "Baca Juga Kitab Suci setiap hari, pesan sang ustaz kepada para santri."})
    void realBodyTextStays(String line) {
        CleanResult r = clean(P1 + "§" + line + "§" + P2 + "§" + P3);
        assertThat(r.body()).isEqualTo(P1 + "\n" + line + "\n" + P2 + "\n" + P3);
        assertThat(r.removed()).isEmpty();
    }

    // ---- end-of-article blocks ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Berita Terkait", "Artikel Terkait", "BERITA TERKAIT", "Berita Lainnya", "Berita Rekomendasi",
        "TOPIK TERKAIT", "Berita Terpopuler", "Related Articles", "Video Terkait:"})
    void endBlockListsBecomeRelatedHeadlines(String header) {
        CleanResult r = clean(P1 + "§" + P2 + "§" + header + "§Gempa M 5,2 Guncang Sukabumi§Harga Emas Antam Turun Hari Ini");
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.relatedHeadlines()).containsExactly("Gempa M 5,2 Guncang Sukabumi", "Harga Emas Antam Turun Hari Ini");
        assertThat(r.removed()).extracting(Removal::kind).containsOnly("related-block");
    }

    @Test
    void endBlockListMayHoldAHeadlineThatOpensWithAQuote() {
        CleanResult r = clean(P1 + "§" + P2 + "§Next In Nation§Ferry Runs Resume After Storm§"
                + "‘A Lighthouse for Us All’, Says Harbour Master§Night Market Moves to New Site");
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.relatedHeadlines()).hasSize(3);
    }

    @Test
    void endBlockListIsOnlyCutNearTheEnd() {
        StringBuilder b = new StringBuilder(P1 + "§Berita Terkait");
        for (int i = 0; i < 20; i++) {
            b.append("§").append(i % 2 == 0 ? P2 : P3);
        }
        CleanResult r = clean(b.toString());
        assertThat(r.body().lines().filter(l -> l.equals(P2) || l.equals(P3)).count()).isEqualTo(20);
        assertThat(r.relatedHeadlines()).isEmpty();
        assertThat(r.removed()).hasSizeLessThanOrEqualTo(1);
    }

    // ---- syndication --------------------------------------------------------------------------------------------

    @Test
    void tayangFooterBecomesSyndication() {
        CleanResult r = clean(P1 + "§Artikel ini telah tayang di Serambinews.com dengan judul \"Harga Kopi Gayo Naik\", "
                + "Klik untuk baca: https://aceh.tribunnews.com/2024/01/02/harga-kopi-gayo-naik.");
        assertThat(r.body()).isEqualTo(P1);
        assertThat(r.syndication()).isNotNull();
        assertThat(r.syndication().outlet()).isEqualTo("Serambinews.com");
        assertThat(r.syndication().title()).isEqualTo("Harga Kopi Gayo Naik");
        assertThat(r.syndication().url()).isEqualTo("https://aceh.tribunnews.com/2024/01/02/harga-kopi-gayo-naik");
    }

    @Test
    void detikStyleFooterBecomesSyndication() {
        CleanResult r = clean(P1 + "§Baca artikel detiknews, \"Banjir Rendam 3 Kecamatan di Kudus\" selengkapnya "
                + "https://news.detik.com/berita/d-123/banjir-rendam");
        assertThat(r.body()).isEqualTo(P1);
        assertThat(r.syndication().outlet()).isEqualTo("detiknews");
        assertThat(r.syndication().title()).isEqualTo("Banjir Rendam 3 Kecamatan di Kudus");
        assertThat(r.syndication().url()).isEqualTo("https://news.detik.com/berita/d-123/banjir-rendam");
    }

    @Test
    void sourceLineBecomesSyndication() {
        CleanResult r = clean(P1 + "§Sumber: Antara");
        assertThat(r.body()).isEqualTo(P1);
        assertThat(r.syndication().outlet()).isEqualTo("Antara");
    }

    // ---- credits ------------------------------------------------------------------------------------------------

    @Test
    void creditLinesBecomeFields() {
        CleanResult r = clean(P1 + "§" + P2 + "§Reporter: Siti Aminah§Penulis: Budi Santoso§Editor: Rina Marlina"
                + "§COPYRIGHT © ANTARA 2024");
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.credits().author()).isEqualTo("Budi Santoso");
        assertThat(r.credits().editor()).isEqualTo("Rina Marlina");
        assertThat(r.credits().reporter()).isEqualTo("Siti Aminah");
        assertThat(r.removed()).extracting(Removal::kind).containsOnly("credit");
    }

    @Test
    void slashSeparatedCreditLine() {
        CleanResult r = clean(P1 + "§Penulis: Andi Wijaya / Editor: Dewi Lestari");
        assertThat(r.body()).isEqualTo(P1);
        assertThat(r.credits().author()).isEqualTo("Andi Wijaya");
        assertThat(r.credits().editor()).isEqualTo("Dewi Lestari");
    }

    @Test
    void combinedCreditLine() {
        CleanResult r = clean(P1 + "§Pewarta: Andi Wijaya | Editor: Dewi Lestari");
        assertThat(r.credits().author()).isEqualTo("Andi Wijaya");
        assertThat(r.credits().editor()).isEqualTo("Dewi Lestari");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"sudah selesai dikerjakan. (SIS);SIS", "sudah selesai dikerjakan. (agk);agk",
        "sudah selesai dikerjakan.(*);*", "sudah selesai dikerjakan. [has];has", "sudah selesai dikerjakan. (rfs/jbr);rfs/jbr"})
    void writerCodesAtTheEndOfALine(String line, String code) {
        CleanResult r = clean(P1 + "§Menurut dia, proyek itu " + line);
        assertThat(r.body()).isEqualTo(P1 + "\nMenurut dia, proyek itu sudah selesai dikerjakan.");
        assertThat(r.credits().codes()).containsExactly(code);
    }

    @Test
    void lowerCaseGlossAtTheEndIsNotAWriterCode() {
        String line = "Penerimaan siswa baru tahun ini memakai sistem zonasi (domisili)";
        CleanResult r = clean(P1 + "§" + line);
        assertThat(r.body()).endsWith(line);
        assertThat(r.credits()).isNull();
    }

    @Test
    void upperCaseAcronymInsideASentenceIsNotAWriterCode() {
        String line = "Program itu dikelola Badan Pusat Statistik (BPS)";
        CleanResult r = clean(P1 + "§" + line);
        assertThat(r.body()).endsWith(line);
    }

    // ---- datelines ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "(KLIKANGGARAN) - ;;KLIKANGGARAN",
        "JAKARTA, KOMPAS.com - ;JAKARTA;KOMPAS.com",
        "Jakarta (ANTARA) - ;Jakarta;ANTARA",
        "TRIBUNNEWS.COM, JAKARTA - ;JAKARTA;TRIBUNNEWS.COM",
        "Liputan6.com, Jakarta - ;Jakarta;Liputan6.com",
        "SEOUL – ;SEOUL;",
        "Bisnis.com, JAKARTA — ;JAKARTA;Bisnis.com",
        "MAKASSAR, FAJAR.CO.ID -- ;MAKASSAR;FAJAR.CO.ID",
        "Jakarta, CNBC Indonesia - ;Jakarta;CNBC Indonesia",
        "WASHINGTON (Reuters) - ;WASHINGTON;Reuters",
        "Jakarta - ;Jakarta;",
        "Surabaya (beritajatim.com) - ;Surabaya;beritajatim.com",
        "detikNews - ;;detikNews",
        "LONDON, March 3 (Reuters) - ;LONDON, March 3;Reuters",
        "BANDA ACEH – ;BANDA ACEH;"})
    void datelinesBecomeFields(String dateline, String place, String outlet) {
        CleanResult r = clean("Judul Berita Uji Coba§" + dateline + P1 + "§" + P2);
        assertThat(r.dateline()).isNotNull();
        assertThat(r.dateline().place()).isEqualTo(place);
        assertThat(r.dateline().outlet()).isEqualTo(outlet);
        assertThat(r.body()).isEqualTo("Judul Berita Uji Coba\n" + P1 + "\n" + P2);
    }

    @Test
    void englishColonDateline() {
        String story = "Officers searching a dairy shed on the edge of the city found a stack of forged licences and "
                + "detained its owner, the city police said on Wednesday.";
        CleanResult r = clean("Forged Licences Found in Dairy Shed§Mumbai: " + story);
        assertThat(r.dateline()).isEqualTo(new Dateline("Mumbai", null, "Mumbai:"));
        assertThat(r.body()).isEqualTo("Forged Licences Found in Dairy Shed\n" + story);
        CleanResult sub = clean(P1 + "§Putin: Rusia Tak Akan Menyerah§" + P2);
        assertThat(sub.dateline()).isNull();
    }

    @Test
    void englishPackAloneFindsEnglishDatelines() {
        Cleaner en = Cleaner.fromPacks(java.util.List.of(RulePack.bundled("rules/en.json")));
        CleanResult r = en.clean("LONDON (Reuters) - British inflation fell more than expected last month, official "
                + "figures showed on Wednesday, easing pressure on the central bank.\nAlso Read: Pound Slips Against Dollar");
        assertThat(r.dateline()).isEqualTo(new Dateline("LONDON", "Reuters", "LONDON (Reuters) -"));
        assertThat(r.relatedHeadlines()).containsExactly("Pound Slips Against Dollar");
        assertThat(r.rulePackVersion()).isEqualTo("en@1.4.0");
    }

    @Test
    void dashInALaterParagraphIsNotADateline() {
        String later = "Ahmad - bukan nama sebenarnya - mengaku sudah tiga kali menjadi korban penipuan serupa.";
        CleanResult r = clean(P1 + "§" + later + "§" + P2);
        assertThat(r.dateline()).isNull();
        assertThat(r.body()).isEqualTo(P1 + "\n" + later + "\n" + P2);
    }

    @Test
    void hyphenatedFirstWordIsNotADateline() {
        String line = "Baru-baru ini warga dikejutkan oleh suara dentuman keras dari arah gunung.";
        CleanResult r = clean(line + "§" + P1);
        assertThat(r.dateline()).isNull();
        assertThat(r.body()).startsWith(line);
    }

    // ---- ads, prompts, page markers -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Advertisement", "Disponsori",
        "PROMOTED CONTENT", "loading...", "Perbesar", "Story continues below advertisement"})
    void adAndWidgetLabels(String label) {
        CleanResult r = clean(P1 + "§" + label + "§" + P2);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.removed()).singleElement().satisfies(x -> assertThat(x.kind()).isEqualTo("ad"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ikuti berita terkini dari Suara.com di Google News",
        "Gabung ke saluran WhatsApp Tribun Jabar untuk update berita terbaru",
        "Download Apps Kompas.com untuk akses berita lebih mudah dan cepat",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Okezone.",
        "Follow Berita Okezone di Google News",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu lewat WhatsApp Channel",
        "Join our WhatsApp channel for the latest updates",
        "Subscribe to our newsletter"})
    void followAppAndNewsletterPrompts(String prompt) {
        CleanResult r = clean(P1 + "§" + P2 + "§" + prompt);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.removed()).singleElement().satisfies(x -> assertThat(x.kind()).isEqualTo("prompt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 dari 3 halaman", "Halaman 1 2 Selanjutnya", "Halaman Selanjutnya", "Page 2 of 3",
        "1 2 3 Selanjutnya", "Halaman 2 dari 4"})
    void pageMarkersFlagAPartialPage(String marker) {
        CleanResult r = clean(P1 + "§" + P2 + "§" + marker);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2);
        assertThat(r.partialPage()).isTrue();
        assertThat(r.removed()).singleElement().satisfies(x -> assertThat(x.kind()).isEqualTo("page-marker"));
    }

    @Test
    void wholeArticleWithoutBoilerplateIsUntouched() {
        CleanResult r = clean(P1 + "§" + P2 + "§" + P3);
        assertThat(r.body()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
        assertThat(r.removed()).isEmpty();
        assertThat(r.dateline()).isNull();
        assertThat(r.credits()).isNull();
        assertThat(r.syndication()).isNull();
        assertThat(r.relatedHeadlines()).isEmpty();
        assertThat(r.partialPage()).isFalse();
    }

    @Test
    void emptyAndBlankInput() {
        assertThat(C.clean("").body()).isEmpty();
        assertThat(C.clean("\n \n\t\n").body()).isEmpty();
        assertThat(C.clean("\n \n\t\n").removed()).isEmpty();
    }
}
