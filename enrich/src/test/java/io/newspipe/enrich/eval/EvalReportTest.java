package io.newspipe.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled rules and taxonomy evaluated on a hand-made corpus of four outlets, rendered both ways. */
class EvalReportTest {

    private static EvalReport report(Path dir) {
        new SmallCorpus(dir)
                .article("001", "Kabar Hulu", List.of("disaster"), List.of(3, 5), List.of("Warga Diminta Waspada Longsor"),
                        "Sungai Meluap Rendam Dua Desa",
                        "Sungai di hulu meluap setelah hujan deras turun sepanjang malam dan merendam dua desa.",
                        "Baca juga: Warga Diminta Waspada Longsor",
                        "Petugas membuka dapur umum bagi warga yang mengungsi ke balai desa.",
                        "Editor: Rina Lestari")
                .article("002", "Warta Pesisir", List.of("economy"), List.of(3), List.of("Harga Ikan Turun Menjelang Akhir Pekan"),
                        "Nelayan Menunda Melaut karena Ombak Tinggi",
                        "Ombak setinggi tiga meter membuat ratusan nelayan menunda melaut selama sepekan terakhir.",
                        "Baca juga: Harga Ikan Turun Menjelang Akhir Pekan",
                        "Pasokan ikan di pelelangan berkurang dan harga di pasar mulai naik.")
                .article("003", "Suara Lembah", List.of("sport"), List.of(3), List.of("Tim Bola Voli Desa Juara Lagi"),
                        "Lomba Lari Desa Diikuti Ratusan Peserta",
                        "Lomba lari sepuluh kilometer di lembah diikuti ratusan pelari dari berbagai kecamatan.",
                        "Baca juga: Tim Bola Voli Desa Juara Lagi",
                        "Panitia menyiapkan pos minum di setiap dua kilometer sepanjang rute.")
                .article("004", "Gema Kota", List.of("politics"), List.of(3), List.of("Wali Kota Resmikan Taman Baru"),
                        "Dewan Kota Setujui Anggaran Perbaikan Jalan",
                        "Dewan kota menyetujui anggaran perbaikan jalan dalam rapat paripurna pada Senin.",
                        "Baca juga: Wali Kota Resmikan Taman Baru",
                        "Fraksi-fraksi meminta pekerjaan diawasi agar selesai sebelum musim hujan.");
        return EvalReport.of(dir, 200, 1);
    }

    @Test
    void shouldRemoveEveryRelatedLineOnEveryOutletWithAGeneralisingRule(@TempDir Path dir) {
        EvalReport r = report(dir);

        assertThat(r.articles()).isEqualTo(4);
        assertThat(r.outlets()).extracting(OutletResult::outlet)
                .containsExactly("gema kota", "kabar hulu", "suara lembah", "warta pesisir");
        assertThat(r.value(Metric.RELATED_REMOVED)).isEqualTo(1.0);
        assertThat(r.value(Metric.HEADLINES_FOUND)).isEqualTo(1.0);
        assertThat(r.outletsAtFullRelatedRecall()).isEqualTo(4);
        assertThat(r.intervals().get(Metric.RELATED_REMOVED)).isEqualTo(new Bootstrap.Interval(1.0, 1.0));
        // "Editor:" appears on one outlet only, so the credit rule does not generalise for it
        assertThat(r.value(Metric.BOILERPLATE_REMOVED)).isEqualTo(4.0 / 5);
        assertThat(r.valueAllRules(Metric.BOILERPLATE_REMOVED)).isEqualTo(1.0);
        assertThat(r.narrowRules()).containsKey("id.credit.roles");
        assertThat(r.byLanguage()).singleElement().satisfies(l -> {
            assertThat(l.language()).isEqualTo("id");
            assertThat(l.outlets()).isEqualTo(4);
            assertThat(l.cleaning()).isEqualTo(r.generalising());
        });
    }

    @Test
    void shouldRenderTheFiguresAsTablesAndAsJson(@TempDir Path dir) throws Exception {
        EvalReport r = report(dir);

        String table = EvalTable.render(r, 3, true);
        assertThat(table).contains("leave-one-outlet-out over 4 articles from 4 outlets")
                .contains("related-article lines removed", "4/4")
                .contains("outlets with every related-article line removed: 4 of 4 (1.000)")
                .contains("by language of the outlet").contains("precision per topic label").contains("id.credit.roles").contains("kabar hulu")
                .contains("NOT REMOVED 001 line 5: Editor: Rina Lestari");

        JsonNode json = new ObjectMapper().readTree(EvalJson.render(r, 3));
        assertThat(json.get("articles").asInt()).isEqualTo(4);
        assertThat(json.at("/figures/related_lines_removed/value").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/figures/boilerplate_removed/value").asDouble()).isEqualTo(0.8);
        assertThat(json.at("/figures/boilerplate_removed/all_rules_credited").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/outlets_at_full_related_recall/count").asInt()).isEqualTo(4);
        assertThat(json.at("/worst_outlets/boilerplate_removed/0/outlet").asText()).isEqualTo("kabar hulu");
        assertThat(json.get("per_outlet")).hasSize(4);
        assertThat(json.at("/by_language/id/articles").asInt()).isEqualTo(4);
        assertThat(json.at("/by_language/id/figures/related_lines_removed").asDouble()).isEqualTo(1.0);
        assertThat(json.get("topic_labels").fieldNames()).toIterable().isNotEmpty();
    }
}
