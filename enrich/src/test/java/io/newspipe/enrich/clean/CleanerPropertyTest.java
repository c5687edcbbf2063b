package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties that hold for any input: cleaning is idempotent, only deletes text, and completes on hostile input.
 * The {@code @Timeout}s only stop a hung build; nothing here measures speed.
 */
class CleanerPropertyTest {

    private static final Cleaner CLEANER = Cleaner.defaults();

    /** Corpus articles, the sample and a few hundred random documents made of corpus lines and noise. */
    static List<String> documents() {
        List<String> docs = new ArrayList<>();
        List<String> pool = new ArrayList<>();
        for (Corpus.Article a : Corpus.all()) {
            docs.add(a.text());
            pool.addAll(List.of(a.lines()));
        }
        docs.add(Corpus.resource("samples/klikanggaran-trump-putin.txt"));
        String[] noise = {"Baca juga:", "Baca Juga", "(BACA JUGA", ")", "Artikel Terkait", "Editor:", "Penulis | : |",
            "JAKARTA, KOMPAS.com -", "(KLIKANGGARAN) -", "ADVERTISEMENT", "-", "", "  ", "Halaman 1 2 3 Selanjutnya",
            "Artikel ini telah tayang di", "(agk)", "“", "\"", "READ MORE", "Sumber :", "• x", "Tim Redaksi", "A B C D E F"};
        Random rnd = new Random(42);
        for (int d = 0; d < 400; d++) {
            StringBuilder b = new StringBuilder();
            int lines = 1 + rnd.nextInt(30);
            for (int i = 0; i < lines; i++) {
                int pick = rnd.nextInt(10);
                String line;
                if (pick < 6) {
                    line = pool.get(rnd.nextInt(pool.size()));
                } else if (pick < 8) {
                    line = noise[rnd.nextInt(noise.length)];
                } else if (pick < 9) {
                    line = noise[rnd.nextInt(noise.length)] + " " + pool.get(rnd.nextInt(pool.size()));
                } else {
                    String p = pool.get(rnd.nextInt(pool.size()));
                    int cut = p.isEmpty() ? 0 : rnd.nextInt(p.length());
                    line = p.substring(0, cut) + " " + noise[rnd.nextInt(noise.length)] + " " + p.substring(cut);
                }
                b.append(line).append(i + 1 < lines ? "\n" : "");
            }
            docs.add(b.toString());
        }
        return docs;
    }

    @Test
    void cleaningIsIdempotent() {
        for (String doc : documents()) {
            CleanResult once = CLEANER.clean(doc);
            CleanResult twice = CLEANER.clean(once.body());
            assertThat(twice.body()).as("clean(clean(x)) for:%n%s", doc).isEqualTo(once.body());
            assertThat(twice.removed()).as("second clean removes nothing for:%n%s", doc).isEmpty();
        }
    }

    @Test
    void cleaningNeverAddsText() {
        for (String doc : documents()) {
            CleanResult r = CLEANER.clean(doc);
            assertThat(isSubsequence(nonSpace(r.body()), nonSpace(doc))).as("output is a deletion of:%n%s", doc).isTrue();
            assertThat(r.body().length()).isLessThanOrEqualTo(doc.length());
            for (Removal x : r.removed()) {
                assertThat(doc).contains(x.text());
                assertThat(x.line()).isBetween(1, (int) doc.chars().filter(c -> c == '\n').count() + 1);
            }
        }
    }

    @Test
    void nothingIsLostEveryRemovedCharacterIsReported() {
        for (String doc : documents()) {
            CleanResult r = CLEANER.clean(doc);
            int removed = r.removed().stream().mapToInt(x -> nonSpace(x.text()).length()).sum();
            assertThat(nonSpace(r.body()).length() + removed).as("kept + removed = input for:%n%s", doc)
                    .isEqualTo(nonSpace(doc).length());
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tenMegabyteSingleLineCompletes() {
        StringBuilder b = new StringBuilder(10_000_000);
        b.append("Baca juga: ");
        while (b.length() < 10_000_000) {
            b.append("Aa Bb (cc) \"Dd\" JAKARTA, KOMPAS.com - Baca juga: Ee ");
        }
        String line = b.toString();
        CleanResult r = CLEANER.clean(line);
        assertThat(r.body().length()).isLessThanOrEqualTo(line.length());
        assertThat(CLEANER.clean("x " + "a".repeat(10_000_000)).body()).hasSize(10_000_002);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void hundredThousandBacaJugaLinesAreAllRemoved() {
        String doc = "Baca juga:\n".repeat(100_000);
        CleanResult r = CLEANER.clean(doc);
        assertThat(r.body()).isEmpty();
        assertThat(r.removed()).hasSize(100_000);
        assertThat(r.removed().stream().filter(x -> !x.kind().startsWith("related")).count()).isZero();

        String withHeadlines = "Isi berita pertama yang panjang dan lengkap sekali di sini.\n"
                + "Baca juga: Judul Berita Lain\n".repeat(100_000);
        CleanResult h = CLEANER.clean(withHeadlines);
        assertThat(h.body()).isEqualTo("Isi berita pertama yang panjang dan lengkap sekali di sini.");
        assertThat(h.relatedHeadlines()).containsExactly("Judul Berita Lain");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void pathologicalInputsComplete() {
        List<String> hostile = List.of(
                "A, ".repeat(200_000) + "-",
                "JAKARTA".repeat(100_000) + " - x",
                "(".repeat(500_000) + ")".repeat(500_000),
                "Penulis: " + "|: ".repeat(300_000),
                "Baca juga: " + "Kata ".repeat(1_000_000),
                "a.b.".repeat(300_000) + "com",
                " ".repeat(1_000_000) + "ADVERTISEMENT",
                "Artikel ini telah tayang di " + "x".repeat(2_000_000),
                "-\n".repeat(200_000),
                ("Judul Berita Yang Sangat Panjang Sekali Tanpa Titik\n").repeat(50_000),
                "Foto: " + "ab ".repeat(400_000),
                "1 2 3 ".repeat(300_000) + "Selanjutnya",
                "https://".repeat(200_000),
                "\"" + "Ab, ".repeat(300_000),
                "Dapatkan update berita " + "Telegram. ".repeat(200_000));
        for (String h : hostile) {
            CleanResult r = CLEANER.clean(h);
            assertThat(isSubsequence(nonSpace(r.body()), nonSpace(h))).isTrue();
        }
    }

    static String nonSpace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(b::appendCodePoint);
        return b.toString();
    }

    static boolean isSubsequence(String small, String big) {
        int j = 0;
        for (int i = 0; i < big.length() && j < small.length(); i++) {
            if (big.charAt(i) == small.charAt(j)) {
                j++;
            }
        }
        return j == small.length();
    }
}
