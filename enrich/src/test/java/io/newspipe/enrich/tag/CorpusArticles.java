package io.newspipe.enrich.tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the annotated corpus from the test classpath ({@code corpus/NNN.txt} + {@code corpus/NNN.json}) and turns
 * each article into what the tagger is given in production: the title and the clean body, i.e. the body lines minus
 * the annotated boilerplate lines (1-based) and minus the annotated inline boilerplate fragments.
 */
public final class CorpusArticles {

    /** One corpus article as the tagger sees it, with the gold annotation. */
    public record Article(String id, String title, String cleanBody, String language, Set<String> topics) {}

    /** The number of the last article of the first part (001–037), the one the tagger was first tuned on. */
    public static final int LAST_FIRST_PART_ARTICLE = 37;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CorpusArticles() {}

    /** Articles 001–037, the part the tagger was first tuned on. */
    public static List<Article> firstPart() {
        return load().stream().filter(a -> Integer.parseInt(a.id()) <= LAST_FIRST_PART_ARTICLE).toList();
    }

    /** Articles 038 onwards, from outlets added after the tagger was tuned. */
    public static List<Article> laterPart() {
        return load().stream().filter(a -> Integer.parseInt(a.id()) > LAST_FIRST_PART_ARTICLE).toList();
    }

    public static List<Article> load() {
        List<Article> out = new ArrayList<>();
        for (int i = 1; i < 1000; i++) {
            String id = String.format(java.util.Locale.ROOT, "%03d", i);
            String txt = read("corpus/" + id + ".txt");
            String json = read("corpus/" + id + ".json");
            if (txt == null || json == null) {
                break;
            }
            out.add(parse(id, txt, json));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no corpus/NNN.txt on the test classpath");
        }
        return out;
    }

    private static Article parse(String id, String txt, String json) {
        JsonNode meta;
        try {
            meta = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = meta.path("title").isTextual() ? meta.get("title").asText() : null;
        Set<Integer> drop = new HashSet<>();
        meta.path("boilerplate_lines").forEach(n -> drop.add(n.asInt()));
        String[] lines = txt.split("\\R", -1);
        List<String> kept = new ArrayList<>();
        for (int n = 1; n <= lines.length; n++) {
            if (n == 1 && title != null) {
                continue; // line 1 is the headline when the title is known
            }
            if (drop.contains(n)) {
                continue;
            }
            String line = lines[n - 1];
            for (JsonNode frag : meta.path("inline_boilerplate_fragments")) {
                if (frag.path("line").asInt() == n) {
                    line = line.replace(frag.path("text").asText(), " ");
                }
            }
            kept.add(line);
        }
        Set<String> topics = new LinkedHashSet<>();
        meta.path("topics").forEach(t -> topics.add(t.asText()));
        return new Article(id, title, String.join("\n", kept), meta.path("language").asText(), topics);
    }

    private static String read(String resource) {
        try (InputStream in = CorpusArticles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
