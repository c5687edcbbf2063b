package io.newspipe.enrich.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnotatedCorpusTest {

    @Test
    void shouldReadEachTextWithItsAnnotationInNameOrderAndSkipTextsWithoutOne(@TempDir Path dir) {
        new SmallCorpus(dir)
                .article("002", "Warta Pesisir", List.of("economy"), List.of(3), List.of(),
                        "Nelayan Menunda Melaut", "Ombak tinggi membuat nelayan menunda melaut.", "Editor: Rina")
                .article("001", "kabarhulu.example (via agregator.example)", List.of("disaster", "society"),
                        List.of(2), List.of("Jembatan Gantung Diperbaiki"),
                        "Sungai Meluap di Hulu", "Baca juga: Jembatan Gantung Diperbaiki", "Air naik semalam.")
                .write("003.txt", "A text without an annotation is not part of the corpus.");

        List<AnnotatedArticle> corpus = AnnotatedCorpus.read(dir);

        assertThat(corpus).extracting(AnnotatedArticle::id).containsExactly("001", "002");
        AnnotatedArticle first = corpus.get(0);
        assertThat(first.outlet()).isEqualTo("kabarhulu.example");
        assertThat(first.title()).isEqualTo("Sungai Meluap di Hulu");
        assertThat(first.boilerplateLines()).containsExactly(2);
        assertThat(first.relatedHeadlines()).containsExactly("Jembatan Gantung Diperbaiki");
        assertThat(first.topics()).containsExactly("disaster", "society");
        assertThat(first.cleanBody()).isEqualTo("Air naik semalam.");
    }

    @Test
    void shouldGroupRegionalSitesOfANetworkAndRepublicationsUnderOneOutlet() {
        assertThat(AnnotatedCorpus.outletKey("tribunnews network (Tribun-Timur)")).isEqualTo("tribunnews");
        assertThat(AnnotatedCorpus.outletKey("grid.id network (Tabloid Nova)")).isEqualTo("grid.id");
        assertThat(AnnotatedCorpus.outletKey("detik (via xcloud.id)")).isEqualTo("detik");
        assertThat(AnnotatedCorpus.outletKey("Mongabay Indonesia")).isEqualTo("mongabay indonesia");
        assertThat(AnnotatedCorpus.outletKey("radarjember.jawapos.com")).isEqualTo("radarjember.jawapos.com");
    }

    @Test
    void shouldCutFragmentsAndTheHeadlineLineFromTheCleanBody() {
        AnnotatedArticle a = new AnnotatedArticle("009", "x", "id", "Judul", "Judul\nKalimat satu. (ant)\nEditor: A",
                java.util.Set.of(3), List.of(new AnnotatedArticle.Fragment(2, "(ant)")), List.of(), null,
                java.util.Set.of("society"));
        assertThat(a.cleanBody()).isEqualTo("Kalimat satu.  ");
    }

    @Test
    void shouldSayWhatToPassWhenTheFolderIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> AnnotatedCorpus.read(dir.resolve("nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--corpus");
    }

    @Test
    void shouldRefuseAFolderWithoutAnnotatedArticles(@TempDir Path dir) {
        new SmallCorpus(dir).write("001.txt", "Only text.");
        assertThatThrownBy(() -> AnnotatedCorpus.read(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no annotated articles");
    }

    @Test
    void shouldNameTheAnnotationThatCannotBeRead(@TempDir Path dir) {
        new SmallCorpus(dir).write("001.txt", "Text.").write("001.json", "{\"outlet\": ");
        assertThatThrownBy(() -> AnnotatedCorpus.read(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("001.json");
    }

    @Test
    void shouldRefuseAnAnnotationWithoutOutlet(@TempDir Path dir) {
        new SmallCorpus(dir).write("001.txt", "Text.").write("001.json", "{\"language\": \"id\"}");
        assertThatThrownBy(() -> AnnotatedCorpus.read(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("001.json")
                .hasMessageContaining("outlet");
    }
}
