package io.newspipe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Deterministic benchmark articles built from the bundled samples and corpus: each body is 6–18 story sentences
 * drawn from the corpus, with a dateline in front and the boilerplate real outlets add ("Baca juga" lines, an
 * "Artikel Terkait" block, credits), so cleaning and tagging do the work they do on real input. The same seed
 * gives the same articles. Tests and benchmarks turn each into the record they need.
 */
public final class ArticleGenerator {

    /** One generated article: its id ({@code bench-00000042}), source, title and body. */
    public record Article(String id, String source, String title, String body) {
    }


    private final List<String> sentences = new ArrayList<>();
    private final List<String> headlines = new ArrayList<>();
    private final Random random;

    /** Reads the sentences and headlines of every {@code .txt} file under {@code samplesDir}. */
    public ArticleGenerator(Path samplesDir, long seed) {
        this.random = new Random(seed);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(samplesDir)) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read samples from " + samplesDir, e);
        }
        for (Path f : files) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.length() < 60 || l.toLowerCase(Locale.ROOT).startsWith("baca")) {
                        if (l.length() >= 25 && l.length() < 120 && !l.contains(":")) {
                            headlines.add(l);
                        }
                        continue;
                    }
                    for (String sentence : l.split("(?<=[.!?\"])\\s+(?=[A-Z\"])")) {
                        if (sentence.length() >= 40 && sentence.length() <= 600) {
                            sentences.add(sentence);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (sentences.isEmpty()) {
            throw new IllegalStateException("no sentences found under " + samplesDir);
        }
        if (headlines.isEmpty()) {
            headlines.add("Pemerintah Umumkan Kebijakan Baru untuk Sektor Pertanian");
        }
    }

    /** A story sentence from the corpus, drawn with this generator's random sequence. */
    public String sentence() {
        return sentences.get(random.nextInt(sentences.size()));
    }

    /** A headline from the samples (for "Baca juga" lines and related-article blocks), drawn the same way. */
    public String headline() {
        return headlines.get(random.nextInt(headlines.size()));
    }

    /** The {@code i}-th article: 6–18 sentences with a dateline, a "Baca juga" line and a related block. */
    public Article next(int i) {
        StringBuilder body = new StringBuilder("JAKARTA, KOMPAS.com - ");
        int n = 6 + random.nextInt(13);
        for (int s = 0; s < n; s++) {
            body.append(sentence());
            body.append(s % 3 == 2 ? "\n" : " ");
            if (s == n / 2) {
                body.append("\nBaca juga: ").append(headline()).append('\n');
            }
        }
        body.append("\nArtikel Terkait\n");
        for (int h = 0; h < 3; h++) {
            body.append(headline()).append('\n');
        }
        body.append("Penulis: Redaksi ").append(i % 17).append("\nEditor: Meja ").append(i % 5);
        return new Article(String.format(Locale.ROOT, "bench-%08d", i), "bench", "Berita " + i, body.toString());
    }
}
