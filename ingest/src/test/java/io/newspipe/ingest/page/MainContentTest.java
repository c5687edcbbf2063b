package io.newspipe.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Main-content extraction on pages laid out like real outlets' (our own text, under src/test/resources/pages). */
class MainContentTest {

    private static MainContent.Extracted page(String name) throws Exception {
        return MainContent.of(Files.readAllBytes(Path.of("src/test/resources/pages/" + name)), "text/html",
                "https://example.test/berita/1");
    }

    @Test
    void shouldKeepTheStoryWithItsBacaJugaLineAndDropTheChromeAroundIt() throws Exception {
        MainContent.Extracted p = page("harian-lembah.html");

        assertThat(p.title()).isEqualTo("Petani Lembah Hijau panen raya lebih awal");
        assertThat(p.body().split("\n")).containsExactly(
                "LEMBAH HIJAU - Ratusan petani di Kecamatan Lembah Hijau memulai panen raya dua minggu lebih awal "
                        + "dari jadwal biasanya.",
                "Ketua kelompok tani setempat menyebut hujan yang datang tepat waktu membuat padi cepat menguning.",
                "Baca juga: Harga gabah kering di tingkat petani naik tipis",
                "Hasil panen tahun ini diperkirakan mencapai enam ton per hektare, naik dibanding musim lalu.",
                "Dinas pertanian berjanji menyiapkan mesin pengering agar gabah tidak rusak saat musim hujan.",
                "Editor: Sari Wulandari");
    }

    @Test
    void shouldPreferTheMarkedArticleBodyAndDropLinkListsInsideIt() throws Exception {
        MainContent.Extracted p = page("portal-pesisir.html");

        assertThat(p.title()).isEqualTo("Nelayan Pesisir Selatan libur melaut karena gelombang tinggi");
        assertThat(p.body().split("\n")).containsExactly(
                "PESISIR SELATAN, Portal Pesisir - Sebagian besar nelayan di Pesisir Selatan memilih tidak melaut "
                        + "sejak Senin karena gelombang setinggi tiga meter.",
                "Mereka memanfaatkan waktu libur untuk memperbaiki jaring dan mengecat perahu.",
                "Baca Juga: Tangkapan ikan turun, harga di pelelangan melonjak",
                "Badan cuaca memperkirakan gelombang mulai reda pada akhir pekan.",
                "Sementara itu, pemerintah kabupaten menyalurkan bantuan beras kepada keluarga nelayan yang "
                        + "terdampak.");
    }

    @Test
    void shouldReadTheCharsetTheServerNames() {
        byte[] latin1 = "<html><body><div><p>Kopi d\u00e9cafe\u00edn\u00e9 dijual di kedai itu sejak pagi.</p></div></body></html>"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(MainContent.of(latin1, "text/html; charset=ISO-8859-1", "https://example.test/").body())
                .isEqualTo("Kopi d\u00e9cafe\u00edn\u00e9 dijual di kedai itu sejak pagi.");
    }

    @Test
    void shouldGiveAnEmptyBodyForAPageWithoutText() {
        assertThat(MainContent.of("<html><body><nav><a href='/'>Beranda</a></nav></body></html>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "text/html", "https://example.test/").body()).isEmpty();
    }
}
