package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Related articles laid out without a label of their own line: a related box flattened into a story line (a header
 * and dated headlines) and a run of recommendation cards (a headline, then its summary) that ends the page. The
 * rules alone, without the line model, on texts written for this test.
 */
class RecommendationLayoutsTest {

    private static final Cleaner RULES = Cleaner.defaults().withoutLineModel();

    @Test
    void aRelatedBoxGluedIntoALineIsCutWithItsDatedHeadlines() {
        CleanResult r = RULES.clean("""
                Cara Menghitung Pesangon Pekerja Kontrak
                Pekerja kontrak yang diberhentikan sebelum masa kontraknya berakhir berhak atas ganti rugi sebesar sisa upah kontraknya.
                Terima kasih atas pertanyaan Anda. ARTIKEL TERKAIT Bolehkah Perusahaan Menahan Ijazah Karyawan? 04 Feb, 2025 Hak Cuti Pekerja Harian Lepas 19 Agu, 2024 Ganti rugi itu diatur dalam undang-undang ketenagakerjaan dan wajib dibayar penuh oleh pemberi kerja.""");
        assertThat(r.body()).isEqualTo("""
                Cara Menghitung Pesangon Pekerja Kontrak
                Pekerja kontrak yang diberhentikan sebelum masa kontraknya berakhir berhak atas ganti rugi sebesar sisa upah kontraknya.
                Terima kasih atas pertanyaan Anda. Ganti rugi itu diatur dalam undang-undang ketenagakerjaan dan wajib dibayar penuh oleh pemberi kerja.""");
        assertThat(r.relatedHeadlines()).containsExactly("Bolehkah Perusahaan Menahan Ijazah Karyawan?",
                "Hak Cuti Pekerja Harian Lepas");
        assertThat(r.removed()).extracting(Removal::rule).containsExactly("id.related-block.end");
    }

    @Test
    void aGluedHeaderWithOneDatedItemIsLeftAlone() {
        String text = """
                Rapat Anggaran Ditunda
                Rapat itu batal digelar. Berita Terkait Penundaan Rapat Anggaran 12 Mar, 2024 menurut sekretaris dewan akan dijadwalkan ulang.""";
        assertThat(RULES.clean(text).body()).isEqualTo(text);
    }

    @Test
    void aRunOfCardsThatEndsThePageIsCutWhateverTheCasingOfItsHeadlines() {
        CleanResult r = RULES.clean("""
                Kerajaan negeri memperuntukkan dana tambahan untuk membaiki jalan kampung yang rosak akibat banjir bulan lalu.
                Menurut exco kerja raya, kerja pembaikan dijangka bermula minggu depan dan siap dalam tempoh tiga bulan.
                Penduduk kampung berkata jalan itu menjadi laluan utama anak-anak ke sekolah setiap pagi.
                Pasukan bola sepak negeri tewas di tempat sendiri dalam aksi separuh akhir
                Jurulatih pasukan berkata pemainnya kurang bertenaga pada babak kedua.
                Harga telur ayam dijangka stabil menjelang musim perayaan
                Pembekal memberi jaminan bekalan mencukupi di seluruh negara.""");
        assertThat(r.body()).isEqualTo("""
                Kerajaan negeri memperuntukkan dana tambahan untuk membaiki jalan kampung yang rosak akibat banjir bulan lalu.
                Menurut exco kerja raya, kerja pembaikan dijangka bermula minggu depan dan siap dalam tempoh tiga bulan.
                Penduduk kampung berkata jalan itu menjadi laluan utama anak-anak ke sekolah setiap pagi.""");
        assertThat(r.relatedHeadlines()).containsExactly(
                "Pasukan bola sepak negeri tewas di tempat sendiri dalam aksi separuh akhir",
                "Harga telur ayam dijangka stabil menjelang musim perayaan");
        assertThat(r.removed()).extracting(Removal::rule).containsOnly("id.heuristic.teaser");
    }

    @Test
    void aDigestWhoseItemsAreItsStoryKeepsThem() {
        String text = """
                Morning Briefing: the stories to read today
                The border reopening is drawing shoppers back to the city's malls, traders say, after two slow years.
                Retail rents climb as shoppers return across the causeway
                Landlords in the city centre have raised rents by a tenth since January.
                New ferry link to the islands starts next month
                The service will run twice a day from the old harbour terminal.""";
        assertThat(RULES.clean(text).body()).isEqualTo(text);
    }

    @Test
    void aSubHeadingAndItsParagraphAtTheEndAreTheStory() {
        String text = """
                Petani padi di Kedah mula menuai lebih awal tahun ini kerana cuaca panas yang berpanjangan sejak bulan lalu.
                Pegawai pertanian daerah berkata hasil tuaian padi dijangka menurun sedikit berbanding musim lalu.
                Ramai petani padi kini menggunakan jentuai sewaan untuk menuai lebih cepat sebelum hujan turun.
                Petani padi bimbang harga baja naik lagi
                Harga baja yang tinggi menambah beban petani padi di Kedah musim ini.
                Kerajaan janji bantuan baja kepada petani padi
                Bantuan baja itu akan diagihkan kepada petani padi sebelum musim menanam.""";
        assertThat(RULES.clean(text).body()).isEqualTo(text);
    }

    @Test
    void aLabelMayNameItsTopicBeforeTheColon() {
        CleanResult r = RULES.clean("""
                Regional leaders meet on shipping rules
                Ministers from six countries agreed on Tuesday to share inspection records for ships calling at their ports, officials said.
                More on Shipping: Port fees rise for the third year running
                The agreement takes effect in March.""");
        assertThat(r.relatedHeadlines()).containsExactly("Port fees rise for the third year running");
        assertThat(r.body()).doesNotContain("More on Shipping");
    }

    @Test
    void aHeaderLineOfHeadlinesRunTogetherIsCut() {
        CleanResult r = RULES.clean("""
                Banjir Rendam Tiga Desa di Hulu Sungai
                Harga Beras Naik Jelang Lebaran, Pedagang Pasar Lama Mengeluh Sepi Pembeli Gubernur Resmikan Jembatan Baru di Tapin Dua Pemuda Diamankan Polisi Usai Balap Liar di Jalan A Yani
                Hujan deras sejak Sabtu malam membuat sungai meluap dan merendam ratusan rumah di tiga desa, kata petugas penanggulangan bencana setempat.""");
        assertThat(r.body()).isEqualTo("""
                Banjir Rendam Tiga Desa di Hulu Sungai
                Hujan deras sejak Sabtu malam membuat sungai meluap dan merendam ratusan rumah di tiga desa, kata petugas penanggulangan bencana setempat.""");
        assertThat(r.removed()).extracting(Removal::rule).containsExactly("id.heuristic.header-label");
    }

    @Test
    void aDeckInTheHeaderIsTheStory() {
        String text = """
                Banjir Rendam Tiga Desa di Hulu Sungai
                Ratusan warga mengungsi ke balai desa setelah sungai meluap, dan petugas menyiapkan dapur umum untuk mereka
                Hujan deras sejak Sabtu malam membuat sungai meluap dan merendam ratusan rumah di tiga desa, kata petugas penanggulangan bencana setempat.""";
        assertThat(RULES.clean(text).body()).isEqualTo(text);
    }
}
