package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole articles in the style of outlets that are not in the corpus (written for this test). */
class UnseenOutletsTest {

    private static final Cleaner C = Cleaner.defaults();

    @Test
    void nationalPortalStyle() {
        CleanResult r = C.clean("""
                Polisi Bongkar Sindikat Pemalsuan Dokumen Kendaraan di Bekasi
                Ilustrasi penangkapan. (Foto: Dok. Istimewa)
                Bekasi, Beritasatu.com - Kepolisian Resor Metro Bekasi membongkar sindikat pemalsuan dokumen kendaraan bermotor yang beroperasi sejak awal tahun. Lima orang ditangkap dalam penggerebekan di sebuah rumah kontrakan.
                Kapolres Metro Bekasi Kombes Pol Andi Saputra mengatakan para pelaku memalsukan BPKB dan STNK untuk kendaraan hasil curian.
                ADVERTISEMENT
                "Mereka sudah beroperasi hampir delapan bulan dengan omzet ratusan juta rupiah," kata Andi kepada wartawan, Senin (12/8/2024). Baca Juga: Harga Cabai di Pasar Induk Naik Dua Kali Lipat Kapolres menambahkan, barang bukti yang disita meliputi printer, blangko, dan stempel palsu.
                Modus Operandi
                Para pelaku menawarkan jasa pengurusan dokumen melalui media sosial dengan harga murah.
                [Gambas:Video Beritasatu]
                Polisi masih memburu dua orang lain yang diduga sebagai pemodal sindikat tersebut. (bs/rda)
                Simak Video Pilihan Berikut Ini:
                Ikuti berita terkini dari Beritasatu.com di Google News
                Berita Terkait
                Gempa Magnitudo 5,1 Guncang Sukabumi, Warga Berhamburan
                Dua Pesawat Tempur Baru Tiba di Lanud Iswahjudi
                Kemenkes Catat Lonjakan Kasus DBD di 10 Provinsi""");
        assertThat(r.body()).isEqualTo("""
                Polisi Bongkar Sindikat Pemalsuan Dokumen Kendaraan di Bekasi
                Kepolisian Resor Metro Bekasi membongkar sindikat pemalsuan dokumen kendaraan bermotor yang beroperasi sejak awal tahun. Lima orang ditangkap dalam penggerebekan di sebuah rumah kontrakan.
                Kapolres Metro Bekasi Kombes Pol Andi Saputra mengatakan para pelaku memalsukan BPKB dan STNK untuk kendaraan hasil curian.
                "Mereka sudah beroperasi hampir delapan bulan dengan omzet ratusan juta rupiah," kata Andi kepada wartawan, Senin (12/8/2024). Kapolres menambahkan, barang bukti yang disita meliputi printer, blangko, dan stempel palsu.
                Modus Operandi
                Para pelaku menawarkan jasa pengurusan dokumen melalui media sosial dengan harga murah.
                Polisi masih memburu dua orang lain yang diduga sebagai pemodal sindikat tersebut.""");
        assertThat(r.relatedHeadlines()).containsExactly("Harga Cabai di Pasar Induk Naik Dua Kali Lipat",
                "Gempa Magnitudo 5,1 Guncang Sukabumi, Warga Berhamburan", "Dua Pesawat Tempur Baru Tiba di Lanud Iswahjudi",
                "Kemenkes Catat Lonjakan Kasus DBD di 10 Provinsi");
        assertThat(r.dateline()).isEqualTo(new Dateline("Bekasi", "Beritasatu.com", "Bekasi, Beritasatu.com -"));
        assertThat(r.credits().codes()).containsExactly("bs/rda");
        assertThat(r.partialPage()).isFalse();
    }

    @Test
    void regionalNetworkStyle() {
        CleanResult r = C.clean("""
                Laporan Wartawan Tribunjabar.id, Siti Nurhaliza
                TRIBUNJABAR.ID, BANDUNG - Ribuan buruh menggelar aksi unjuk rasa di depan Gedung Sate, Kota Bandung, Kamis (3/10/2024). Mereka menuntut kenaikan upah minimum tahun depan.
                Koordinator aksi, Dedi Mulyadi, menyebut kenaikan upah sebesar 10 persen adalah angka yang realistis.
                BACA JUGA:
                Jadwal Lengkap Timnas Indonesia di Kualifikasi Piala Dunia
                "Kami hanya meminta hak kami sebagai pekerja yang sudah lama tidak naik secara layak," ujarnya.
                Aksi berlangsung tertib dengan pengawalan ratusan personel kepolisian.
                (Tribunjabar.id/Siti Nurhaliza)
                Artikel ini telah tayang di TribunJabar.id dengan judul Ribuan Buruh Demo di Gedung Sate, Tuntut Upah Naik 10 Persen, https://jabar.tribunnews.com/2024/10/03/ribuan-buruh-demo.
                Halaman 1 2 Selanjutnya""");
        assertThat(r.body()).isEqualTo("""
                Ribuan buruh menggelar aksi unjuk rasa di depan Gedung Sate, Kota Bandung, Kamis (3/10/2024). Mereka menuntut kenaikan upah minimum tahun depan.
                Koordinator aksi, Dedi Mulyadi, menyebut kenaikan upah sebesar 10 persen adalah angka yang realistis.
                "Kami hanya meminta hak kami sebagai pekerja yang sudah lama tidak naik secara layak," ujarnya.
                Aksi berlangsung tertib dengan pengawalan ratusan personel kepolisian.""");
        assertThat(r.relatedHeadlines()).containsExactly("Jadwal Lengkap Timnas Indonesia di Kualifikasi Piala Dunia");
        assertThat(r.dateline().place()).isEqualTo("BANDUNG");
        assertThat(r.dateline().outlet()).isEqualTo("TRIBUNJABAR.ID");
        assertThat(r.credits().reporter()).isEqualTo("Siti Nurhaliza");
        assertThat(r.syndication().outlet()).isEqualTo("TribunJabar.id");
        assertThat(r.syndication().title()).isEqualTo("Ribuan Buruh Demo di Gedung Sate, Tuntut Upah Naik 10 Persen");
        assertThat(r.syndication().url()).isEqualTo("https://jabar.tribunnews.com/2024/10/03/ribuan-buruh-demo");
        assertThat(r.partialPage()).isTrue();
    }

    @Test
    void englishWireStyle() {
        CleanResult r = C.clean("""
                Floods Displace Thousands in Northern Province
                NEW DELHI (Reuters) - Heavy monsoon rains displaced more than 20,000 people in the northern province on Tuesday, officials said, as rivers burst their banks.
                Also Read: Stock Markets Rally as Inflation Cools
                The state disaster agency said rescue teams had evacuated residents from low-lying villages.
                Story continues below advertisement
                "We are doing everything we can," the chief minister told reporters.
                ALSO READ | Monsoon Session of Parliament to Begin Next Week
                Officials warned that more rain was expected over the weekend.
                (With inputs from PTI)
                Follow us on Google News for the latest updates
                Related Articles
                Heatwave Grips Capital as Temperatures Soar
                Government Announces Relief Package for Farmers""");
        assertThat(r.body()).isEqualTo("""
                Floods Displace Thousands in Northern Province
                Heavy monsoon rains displaced more than 20,000 people in the northern province on Tuesday, officials said, as rivers burst their banks.
                The state disaster agency said rescue teams had evacuated residents from low-lying villages.
                "We are doing everything we can," the chief minister told reporters.
                Officials warned that more rain was expected over the weekend.""");
        assertThat(r.relatedHeadlines()).containsExactly("Stock Markets Rally as Inflation Cools",
                "Monsoon Session of Parliament to Begin Next Week", "Heatwave Grips Capital as Temperatures Soar",
                "Government Announces Relief Package for Farmers");
        assertThat(r.dateline()).isEqualTo(new Dateline("NEW DELHI", "Reuters", "NEW DELHI (Reuters) -"));
    }

    @Test
    void featureWithSectionHeadingsKeepsThem() {
        CleanResult r = C.clean("""
                Menelusuri Jejak Kopi Gayo dari Kebun hingga Cangkir
                TAKENGON, KOMPAS.com - Pagi itu kabut masih menyelimuti perbukitan di Kabupaten Aceh Tengah ketika para petani mulai memetik buah kopi yang telah memerah di kebun mereka.
                Kopi arabika Gayo kini menjadi salah satu komoditas unggulan Aceh yang diekspor ke berbagai negara, mulai dari Amerika Serikat hingga Jepang.
                Sejarah Panjang Tanaman Warisan Kolonial Belanda
                Tanaman kopi pertama kali diperkenalkan di dataran tinggi Gayo pada masa kolonial sekitar awal abad ke-20, ketika pemerintah Hindia Belanda membuka perkebunan di sana.
                Sejak saat itu, budidaya kopi berkembang menjadi sumber penghidupan utama bagi puluhan ribu keluarga petani di wilayah tersebut.
                Tantangan Perubahan Iklim Mengancam Produksi Petani
                Namun, cuaca yang semakin sulit diprediksi membuat hasil panen kopi tidak menentu dalam beberapa tahun terakhir.
                "Dulu musim hujan dan kemarau jelas, sekarang tidak bisa ditebak," kata Aman Sari, petani kopi di Kecamatan Bebesen.
                Harapan Baru dari Koperasi dan Sertifikasi Internasional
                Sejumlah koperasi kini membantu petani memperoleh sertifikasi organik dan perdagangan adil agar harga jual kopi mereka lebih tinggi.
                Penulis: Kontributor Takengon, Iwan Bahagia
                Editor: Rina Marlina""");
        assertThat(r.body()).contains("\nSejarah Panjang Tanaman Warisan Kolonial Belanda\n",
                "\nTantangan Perubahan Iklim Mengancam Produksi Petani\n",
                "\nHarapan Baru dari Koperasi dan Sertifikasi Internasional\n");
        assertThat(r.relatedHeadlines()).isEmpty();
        assertThat(r.removed()).extracting(Removal::kind).containsExactly("dateline", "credit", "credit");
        assertThat(r.credits().editor()).isEqualTo("Rina Marlina");
    }

    @Test
    void englishFeatureWithTitleCaseSubHeadingsKeepsThem() {
        CleanResult r = C.clean("""
                Inside the Race to Build Cheaper Batteries
                SAN FRANCISCO (AP) — A handful of startups are betting that sodium, not lithium, will power the next generation of electric cars and grid storage.
                The companies say sodium is abundant, cheap and less prone to supply shocks than lithium, which is mined in only a few countries.
                Why Sodium Could Beat Lithium on Price
                Sodium-ion cells use materials that cost a fraction of those in lithium-ion cells, according to analysts at BloombergNEF.
                But the batteries store less energy by weight, which limits their use in long-range vehicles.
                What Automakers Are Saying About the Technology
                Several automakers have signed supply agreements, though most say the cells will first appear in cheaper city cars.
                "It is not a silver bullet, but it is a very useful tool," said an executive at one carmaker.""");
        assertThat(r.body()).contains("\nWhy Sodium Could Beat Lithium on Price\n",
                "\nWhat Automakers Are Saying About the Technology\n");
        assertThat(r.relatedHeadlines()).isEmpty();
        assertThat(r.removed()).extracting(Removal::kind).containsExactly("dateline");
    }
}
