package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Removal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CleaningScorerTest {

    /** Title, dateline + body, a related line, a body line with a writer code, a credit line. */
    private static final AnnotatedArticle ARTICLE = new AnnotatedArticle("001", "warta contoh", "id",
            "Harga Gabah Naik di Tiga Kabupaten",
            String.join("\n", "Harga Gabah Naik di Tiga Kabupaten",
                    "KOTA, Warta Contoh - Harga gabah kering naik pekan ini.",
                    "Baca juga: Petani Panen Raya Lebih Awal",
                    "Penyuluh meminta petani menyimpan gabah. (wc)",
                    "Editor: Sari"),
            Set.of(3, 5), List.of(new AnnotatedArticle.Fragment(4, "(wc)")), List.of("Petani Panen Raya Lebih Awal"),
            "KOTA, Warta Contoh -", Set.of("economy"));

    private static final List<Removal> ALL_REMOVALS = List.of(
            new Removal("x.dateline", "dateline", "KOTA, Warta Contoh -", 2),
            new Removal("x.related", "related", "Baca juga: Petani Panen Raya Lebih Awal", 3),
            new Removal("x.code", "credit", "(wc)", 4),
            new Removal("x.credit", "credit", "Editor: Sari", 5));

    private static CleanResult result(String body, List<Removal> removed, List<String> headlines) {
        return new CleanResult(body, removed, headlines, null, null, null, false, "test@1");
    }

    private static final String CLEAN_BODY = "Harga Gabah Naik di Tiga Kabupaten\nHarga gabah kering naik pekan ini.\n"
            + "Penyuluh meminta petani menyimpan gabah.";

    @Test
    void shouldCountEverythingWhenTheCleaningIsPerfect() {
        List<String> misses = new ArrayList<>();
        CleaningCounts c = CleaningScorer.score(ARTICLE,
                result(CLEAN_BODY, ALL_REMOVALS, List.of("Petani Panen Raya Lebih Awal")), misses::add);

        assertThat(c).isEqualTo(new CleaningCounts(1, 1, 3, 3, 3, 3, 1, 1));
        assertThat(misses).isEmpty();
    }

    @Test
    void shouldCountALinePartlyRemovedAsNotRemoved() {
        List<Removal> partly = List.of(ALL_REMOVALS.get(0), ALL_REMOVALS.get(1), ALL_REMOVALS.get(2),
                new Removal("x.credit", "credit", "Editor:", 5));
        List<String> misses = new ArrayList<>();
        CleaningCounts c = CleaningScorer.score(ARTICLE, result(CLEAN_BODY + "\nSari", partly,
                List.of("Petani Panen Raya Lebih Awal")), misses::add);

        assertThat(c.boilerplateRemoved()).isEqualTo(2);
        assertThat(c.relatedRemoved()).isEqualTo(1);
        assertThat(misses).singleElement().asString().contains("NOT REMOVED 001 line 5");
    }

    @Test
    void shouldCountABodyLineWithAPieceMissingAsLost() {
        String body = "Harga Gabah Naik di Tiga Kabupaten\nHarga gabah kering naik pekan ini.";
        List<String> misses = new ArrayList<>();
        CleaningCounts c = CleaningScorer.score(ARTICLE, result(body, ALL_REMOVALS,
                List.of("Petani Panen Raya Lebih Awal")), misses::add);

        assertThat(c.bodyLines()).isEqualTo(3);
        assertThat(c.bodyKept()).isEqualTo(2);
        assertThat(misses).singleElement().asString().contains("BODY LOST line 4");
    }

    @Test
    void shouldGiveNoCreditForRemovalsAndHeadlinesOfRulesThatAreNotCredited() {
        List<String> misses = new ArrayList<>();
        CleaningCounts c = CleaningScorer.score(ARTICLE,
                result(CLEAN_BODY, ALL_REMOVALS, List.of("Petani Panen Raya Lebih Awal")),
                x -> !x.rule().equals("x.related"), misses::add);

        assertThat(c).isEqualTo(new CleaningCounts(1, 0, 3, 2, 3, 3, 1, 0));
        assertThat(misses).hasSize(2).anySatisfy(m -> assertThat(m).startsWith("[related] NOT REMOVED 001 line 3"))
                .anySatisfy(m -> assertThat(m).contains("HEADLINE MISSED"));
    }

    @Test
    void shouldStillChargeAnUncreditedRuleForTheBodyTextItAte() {
        List<Removal> greedy = new ArrayList<>(ALL_REMOVALS);
        greedy.add(new Removal("x.greedy", "chrome", "Penyuluh meminta petani menyimpan gabah.", 4));
        CleaningCounts c = CleaningScorer.score(ARTICLE, result("Harga Gabah Naik di Tiga Kabupaten\n"
                + "Harga gabah kering naik pekan ini.", greedy, List.of("Petani Panen Raya Lebih Awal")),
                x -> !x.rule().equals("x.greedy"), m -> { });

        assertThat(c.bodyKept()).isEqualTo(2);
    }
}
