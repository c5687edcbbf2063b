package io.newspipe.enrich.tag;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One typical short story per label and language: the label must come first. */
class TopicLabelStoriesTest {

    static Stream<Arguments> stories() {
        return Stream.of(
                Arguments.of("politics", "id", "DPR Sahkan RUU Pemilu dalam Rapat Paripurna",
                        "Fraksi-fraksi di DPR menyetujui rancangan undang-undang tersebut. Partai oposisi menilai "
                                + "aturan ambang batas parlemen merugikan partai kecil menjelang pemilihan umum."),
                Arguments.of("international", "id", "Menlu Bertemu Dubes Jepang Bahas Kerja Sama Bilateral",
                        "Menteri Luar Negeri menerima kunjungan duta besar di Kementerian Luar Negeri. Kedua negara "
                                + "sepakat memperkuat hubungan diplomatik menjelang KTT ASEAN."),
                Arguments.of("economy", "id", "Inflasi Mei Melandai, BI Tahan Suku Bunga",
                        "Badan Pusat Statistik mencatat inflasi tahunan turun seiring harga pangan yang stabil. "
                                + "Ekonom memperkirakan pertumbuhan ekonomi kuartal II tetap terjaga dan nilai tukar rupiah menguat."),
                Arguments.of("business", "id", "Laba Bersih Emiten Rokok Naik 20 Persen",
                        "Perseroan membukukan penjualan Rp 30 triliun pada semester I. Direktur utama mengatakan "
                                + "perusahaan akan membagikan dividen kepada pemegang saham setelah RUPS."),
                Arguments.of("crime-law", "id", "Polisi Tangkap Dua Pelaku Pencurian Sepeda Motor",
                        "Kapolsek mengatakan kedua tersangka diringkus di rumah kontrakannya. Barang bukti berupa "
                                + "kunci letter T disita dan pelaku dijerat pasal pencurian dengan ancaman hukuman tujuh tahun penjara."),
                Arguments.of("disaster", "id", "Gempa Magnitudo 5,6 Guncang Cianjur",
                        "BPBD mencatat ratusan rumah rusak berat dan warga mengungsi ke tenda darurat. Tim SAR "
                                + "gabungan masih mencari korban yang tertimbun reruntuhan."),
                Arguments.of("health", "id", "Kasus DBD Meningkat, Dinkes Imbau Warga Lakukan 3M",
                        "Puskesmas merawat puluhan pasien demam berdarah. Dinas Kesehatan melakukan fogging dan "
                                + "meminta masyarakat memberantas jentik nyamuk."),
                Arguments.of("science-tech", "id", "Peneliti BRIN Kembangkan Satelit Nano",
                        "Tim peneliti merancang satelit berukuran kecil untuk memantau cuaca. Teknologi ini "
                                + "diharapkan mendorong riset antariksa dan inovasi di dalam negeri."),
                Arguments.of("sport", "id", "Jonatan Christie Melaju ke Final Indonesia Open",
                        "Tunggal putra Indonesia itu menang straight game atas wakil Denmark di semifinal. "
                                + "Pelatih PBSI memuji konsistensi pebulu tangkis berusia 26 tahun tersebut."),
                Arguments.of("entertainment-culture", "id", "Film Horor Karya Joko Anwar Tembus 5 Juta Penonton",
                        "Film tersebut masih tayang di bioskop seluruh Indonesia. Sutradara dan para pemeran "
                                + "mengucapkan terima kasih kepada penggemar film horor tanah air."),
                Arguments.of("religion", "id", "Kemenag Tetapkan Awal Ramadan Lewat Sidang Isbat",
                        "Menteri Agama mengumumkan hasil sidang isbat setelah pemantauan hilal. Umat Islam "
                                + "diimbau memperbanyak ibadah dan menjaga toleransi selama bulan puasa."),
                Arguments.of("education", "id", "PPDB Jalur Zonasi Dibuka Pekan Depan",
                        "Dinas Pendidikan meminta orang tua siswa menyiapkan dokumen pendaftaran. Kuota sekolah "
                                + "negeri untuk SMP dan SMA dibagi ke jalur zonasi, afirmasi, dan prestasi."),
                Arguments.of("environment", "id", "Sungai Citarum Tercemar Limbah Pabrik Tekstil",
                        "Dinas Lingkungan Hidup menemukan pabrik membuang limbah cair tanpa diolah di IPAL. "
                                + "Aktivis lingkungan menuntut penegakan izin lingkungan dan pemulihan ekosistem sungai."),
                Arguments.of("transport", "id", "KAI Tambah Perjalanan Kereta Api Selama Libur Natal",
                        "Penumpang diminta membeli tiket lebih awal melalui aplikasi. Stasiun Gambir dan Pasar "
                                + "Senen diperkirakan menjadi titik keberangkatan tersibuk, sementara jalan tol juga dipadati pemudik."),
                Arguments.of("lifestyle", "id", "Lima Destinasi Wisata Kuliner untuk Libur Panjang",
                        "Wisatawan bisa mencicipi hidangan khas di kafe dan restoran lokal. Jangan lupa memilih "
                                + "penginapan dekat pusat kota agar liburan lebih nyaman."),
                Arguments.of("military-conflict", "id", "Israel Lancarkan Serangan Udara ke Gaza",
                        "Puluhan warga sipil tewas dalam pengeboman semalam. Hamas membalas dengan serangan roket, "
                                + "sementara upaya gencatan senjata belum membuahkan hasil."),
                Arguments.of("society", "id", "Warga Tolak Penggusuran Permukiman di Bantaran Kali",
                        "Ratusan warga menggelar unjuk rasa di depan kantor wali kota. Komnas HAM meminta "
                                + "pemerintah daerah mengedepankan dialog dan menghormati hak warga atas tempat tinggal."),
                Arguments.of("politics", "en", "Opposition wins majority in state assembly election",
                        "The ruling party conceded defeat as votes were counted. Lawmakers from the coalition will "
                                + "elect a new chief minister on Monday."),
                Arguments.of("economy", "en", "Central bank holds interest rates as inflation eases",
                        "Economists said GDP growth remained steady in the second quarter while the rupee "
                                + "strengthened against the dollar."),
                Arguments.of("sport", "en", "Kohli's century guides India to victory in first Test",
                        "The batsman struck 14 boundaries as the bowlers took five wickets on the final day."),
                Arguments.of("health", "en", "Dengue cases rise as hospitals report shortage of beds",
                        "Doctors urged residents to prevent mosquito breeding. The health department said "
                                + "patients with high fever should get tested."),
                Arguments.of("disaster", "en", "Heavy rain triggers landslide, five dead",
                        "Rescue teams from the NDRF evacuated hundreds of residents after flooding inundated low-lying areas."),
                Arguments.of("education", "en", "Board exam results declared, 92 per cent students pass",
                        "Schools across the state celebrated as the education minister congratulated teachers and students."),
                Arguments.of("military-conflict", "en", "Troops repel militants near Line of Control",
                        "The army said two terrorists were killed in the gunfight and weapons and ammunition were recovered."),
                Arguments.of("entertainment-culture", "en", "Shah Rukh Khan's new film breaks box office records",
                        "The actor thanked fans as the movie crossed 500 crore worldwide in its first week in cinemas."));
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @MethodSource("stories")
    void typicalStoryGetsItsLabelFirst(String label, String language, String title, String body) {
        List<TopicTag> tags = TopicTagger.defaults().tag(title, body, language);
        assertThat(tags).as("tags for %s", title).isNotEmpty();
        assertThat(tags.get(0).label()).as("tags %s", tags).isEqualTo(label);
    }
}
