package io.newspipe.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The annotated corpus ({@code corpus/NNN.txt} + {@code corpus/NNN.json}, from {@code samples/corpus}) read from
 * the classpath, annotations as JSON trees (the golden files and property tests need nothing more).
 */
final class Corpus {

    static final ObjectMapper MAPPER = new ObjectMapper();

    record Article(String id, String text, JsonNode ann) {
        String[] lines() {
            return text.split("\n", -1);
        }
    }

    private Corpus() {
    }

    static String resource(String name) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All articles, in id order (ids are consecutive from 001). */
    static List<Article> all() {
        List<Article> out = new ArrayList<>();
        for (int k = 1; k < 1000; k++) {
            String id = String.format(java.util.Locale.ROOT, "%03d", k);
            String txt = resource("corpus/" + id + ".txt");
            String json = resource("corpus/" + id + ".json");
            if (txt == null || json == null) {
                break;
            }
            try {
                out.add(new Article(id, txt, MAPPER.readTree(json)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no corpus on the classpath (expected corpus/001.txt)");
        }
        return out;
    }
}
