package io.newspipe.enrich.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled duplicate-pair set on the test classpath ({@code dedup-pairs/}, described in its README): articles as
 * outlets publish them, and pairs of them labelled {@code duplicate} (one agency copy republished) or
 * {@code distinct} (the same event reported independently, a follow-up, a daily template, shared boilerplate).
 */
final class LabelledPairs {

    /** One labelled pair of article ids. */
    record Pair(String first, String second, boolean duplicate, String kind) {
    }

    final Map<String, String> articles = new LinkedHashMap<>();
    final List<Pair> pairs = new ArrayList<>();

    static LabelledPairs load() {
        LabelledPairs set = new LabelledPairs();
        String[] lines = read("dedup-pairs/pairs.csv").split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            if (f.length != 4 || !(f[2].equals("duplicate") || f[2].equals("distinct"))) {
                throw new IllegalStateException("dedup-pairs/pairs.csv line " + (i + 1) + " is not first,second,"
                        + "duplicate|distinct,kind: " + lines[i]);
            }
            set.pairs.add(new Pair(f[0], f[1], f[2].equals("duplicate"), f[3]));
            for (String id : List.of(f[0], f[1])) {
                set.articles.computeIfAbsent(id, k -> read("dedup-pairs/articles/" + k + ".txt"));
            }
        }
        return set;
    }

    /** A resource of the test classpath as UTF-8 text. */
    static String read(String resource) {
        try (InputStream in = LabelledPairs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
