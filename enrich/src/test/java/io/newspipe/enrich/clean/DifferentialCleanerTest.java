package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuilt cleaner gives byte-identical results to the engine it replaces ({@link LegacyCleaner}, a copy kept
 * only for this comparison) on mutated articles of the project's corpus and the shared corpus.
 */
class DifferentialCleanerTest {

    private static final int PER_ARTICLE_MINIMUM = 20_000;

    /** Boilerplate in the shapes the rules look for, written for this test. */
    private static final String[] BOILERPLATE = {
        "Baca Juga: Harga Cabai Naik Menjelang Lebaran", "BACA JUGA: Jalan Tol Baru Dibuka Pekan Depan",
        "Baca juga:", "Lihat Juga: Banjir Rob Genangi Pesisir Utara", "Simak juga video berikut ini",
        "(Baca juga: Pasar Murah Digelar di Alun-alun)", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT",
        "Artikel ini telah tayang di Kabarlembah.com dengan judul \"Warga Gotong Royong Bersihkan Sungai\", "
                + "https://kabarlembah.example/berita/123",
        "Artikel ini telah tayang", "Penulis: Sari Wulandari | Editor: Bambang Prasetyo", "Editor: Dewi Lestari",
        "Pewarta: Agus Salim dan Editor: Rina", "(agk)", "(SIS)", "[has]", "Halaman 2", "1 2 3 Selanjutnya",
        "Tags: banjir, sungai, gotong royong", "Artikel Terkait", "Berita Terkait", "Terpopuler",
        "Also Read: City Council Approves New Budget", "Related Articles", "Advertisement",
        "JAKARTA, KOMPAS.com - ", "BANDUNG (Antara) - ", "Foto: Dok. Warga", "Sumber: kabarlembah.example",
        "Dapatkan update berita pilihan setiap hari. Gabung di Telegram kami.", "Copyright © 2025 Kabar Lembah",
        "Tim Redaksi", "Reporter: Yudi", "kabarlembah.example", "Home / Berita / Daerah", "5 menit baca",
        "(adsbygoogle = window.adsbygoogle || []).push({});", "[Gambas:Video 20detik]", "READ MORE",
        "Baca artikel detikcom, \"Hujan Deras Guyur Kota\" selengkapnya https://example.com/x",
    };

    @Test
    void newAndLegacyEnginesAgreeOnMutatedCorpusArticles() throws IOException {
        List<String> articles = new ArrayList<>();
        Corpus.all().forEach(a -> articles.add(a.text()));
        for (Path dir : List.of(Path.of("../../shared/corpus"), Path.of("/work/shared/corpus"), Path.of("../samples"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                        articles.add(Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
        }
        Cleaner current = Cleaner.defaults();
        LegacyCleaner legacy = LegacyCleaner.defaults();
        Random random = new Random(20_251_202L);
        int compared = 0;
        int differed = 0;
        List<String> examples = new ArrayList<>();
        int rounds = PER_ARTICLE_MINIMUM / articles.size() + 1;
        for (int round = 0; round < rounds; round++) {
            for (String article : articles) {
                String input = round == 0 ? article : mutate(article, random);
                CleanResult expected = legacy.clean(input);
                CleanResult actual = current.clean(input);
                compared++;
                if (!expected.equals(actual)) {
                    differed++;
                    if (examples.size() < 5) {
                        examples.add("INPUT:\n" + input + "\nLEGACY: " + expected + "\nNEW:    " + actual);
                    }
                }
            }
        }
        System.out.printf("differential: %d articles, %d inputs compared, %d differed%n", articles.size(), compared,
                differed);
        assertThat(compared).isGreaterThanOrEqualTo(PER_ARTICLE_MINIMUM);
        assertThat(examples).as("inputs where the engines differ").isEmpty();
    }

    static String mutate(String article, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(article.split("\n", -1)));
        int steps = 1 + random.nextInt(4);
        for (int step = 0; step < steps && !lines.isEmpty(); step++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(12)) {
                case 0 -> Collections.swap(lines, i, random.nextInt(lines.size()));
                case 1 -> lines.add(i, line);
                case 2 -> lines.set(i, line.toUpperCase(Locale.ROOT));
                case 3 -> lines.set(i, line.toLowerCase(Locale.ROOT));
                case 4 -> lines.add(i, BOILERPLATE[random.nextInt(BOILERPLATE.length)]);
                case 5 -> lines.set(i, line + " " + BOILERPLATE[random.nextInt(BOILERPLATE.length)]);
                case 6 -> lines.set(i, BOILERPLATE[random.nextInt(BOILERPLATE.length)] + line);
                case 7 -> {
                    if (i + 1 < lines.size()) {
                        lines.set(i, line + " " + lines.remove(i + 1));
                    }
                }
                case 8 -> lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
                case 9 -> lines.remove(i);
                case 10 -> lines.add(i, random.nextBoolean() ? "" : "   ");
                default -> {
                    int cut = line.indexOf(' ', random.nextInt(line.length() + 1));
                    if (cut > 0) {
                        lines.set(i, line.substring(0, cut));
                        lines.add(i + 1, line.substring(cut + 1));
                    }
                }
            }
        }
        String text = String.join("\n", lines);
        return random.nextInt(10) == 0 ? text.substring(0, random.nextInt(text.length() + 1)) : text;
    }
}
