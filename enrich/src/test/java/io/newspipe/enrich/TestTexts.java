package io.newspipe.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Texts for differential tests (an old and a new implementation must agree on every one): the bundled corpus and
 * sample articles, the articles of an extra folder when there is one (system property
 * {@code newspipe.corpus.extra}, else {@code ../../shared/corpus} from the module when it exists), and mutations of
 * them that put hard characters where the fast paths must notice them.
 */
public final class TestTexts {

    /** Characters that word splitters, case folding and the like treat in special ways. */
    private static final String[] HARD = {
            ".", ",", ";", ":", "'", "_", "-", "#", "*", "/", "@", "&", "0", "7", "A", "z", "É", "é", "ß", "ÿ", "Ł",
            "ı", "İ", "ſ", "ǅ", "Σ", "ς", "\u201C", "\u201D", "\u2018", "\u2019", "\u2013", "\u2014", "\u2022",
            "\u2026", "\u00A0", "\u00A9", "\u00AE", "\u00AD", "\u00B7", "\u200B", "\u200D", "\uFE0F", "\u20E3",
            "\u0301", "\u2028", "\u0085", "\t", "\r", "\n", " ", "  ", "\u0627\u0644", "\u0E42\u0E06", "\u65E5\u672C",
            "\uA9A9\uA9B8", "\uD83D\uDE04", "\uD83D\uDC4D\uD83C\uDFFD", "\uFF10", "\u0660", "\u00BD", "\u2160",
            "'s", "\u2019s", "\u00AA", "\u00B5", "\u00BA", "\u00D7", "\u00F7", "\u0000", "\uFFFD", "\u202F",
            "\u2024", "\uFE52", "\uFF0E", "\u037E", "\u05D0\"\u05D1", "\u30AB\u30BF", "\uD83D", "\uDE04", " \uD83D", "\uD83D "};

    private TestTexts() {
    }

    /** The bundled corpus and sample articles, then those of the extra folder, each as its whole text. */
    public static List<String> articles() {
        List<String> out = new ArrayList<>();
        out.addAll(readFolder(resourceFolder("corpus")));
        out.addAll(readFolder(resourceFolder("samples")));
        String extra = System.getProperty("newspipe.corpus.extra", "../../shared/corpus");
        Path extraFolder = Path.of(extra);
        if (Files.isDirectory(extraFolder)) {
            out.addAll(readFolder(extraFolder));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no articles on the test classpath (corpus/, samples/)");
        }
        return out;
    }

    /**
     * {@code count} texts made from {@code bases} by seeded random edits: hard characters inserted, windows cut out,
     * spans upper-cased, spaces replaced by joining punctuation, words glued into very long ones, texts spliced.
     */
    public static List<String> mutated(List<String> bases, int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String base = bases.get(random.nextInt(bases.size()));
            out.add(mutate(base, bases, random));
        }
        return out;
    }

    private static String mutate(String base, List<String> bases, Random random) {
        StringBuilder text = new StringBuilder(window(base, random, 3000));
        int edits = 1 + random.nextInt(12);
        for (int e = 0; e < edits; e++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(7)) {
                case 0, 1 -> text.insert(at, HARD[random.nextInt(HARD.length)]);
                case 2 -> {
                    int end = Math.min(text.length(), at + random.nextInt(40));
                    text.replace(at, end, text.substring(at, end).toUpperCase(java.util.Locale.ROOT));
                }
                case 3 -> {
                    int space = text.indexOf(" ", at);
                    if (space >= 0) {
                        text.replace(space, space + 1, HARD[random.nextInt(8)]);
                    }
                }
                case 4 -> text.insert(at, "kata".repeat(20 + random.nextInt(60)));
                case 5 -> text.append(HARD[random.nextInt(HARD.length)]);
                default -> text.insert(at, window(bases.get(random.nextInt(bases.size())), random, 200));
            }
        }
        return text.toString();
    }

    private static String window(String text, Random random, int longest) {
        if (text.length() <= 1) {
            return text;
        }
        int from = random.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + random.nextInt(longest));
        if (random.nextInt(4) == 0) {
            from = 0;
        }
        return text.substring(from, to);
    }

    private static Path resourceFolder(String name) {
        URL url = TestTexts.class.getClassLoader().getResource(name);
        if (url == null) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readFolder(Path folder) {
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                out.add(Files.readString(f, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
