package io.newspipe.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads an annotated corpus folder: every {@code NAME.txt} with a {@code NAME.json} annotation beside it (the
 * format of {@code samples/corpus}, described in its README), in name order. A text without its annotation is
 * skipped; an annotation that cannot be read is an error naming the file.
 */
public final class AnnotatedCorpus {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnnotatedCorpus() {
    }

    /** All annotated articles of a folder, in name order. */
    public static List<AnnotatedArticle> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no corpus folder at " + folder.toAbsolutePath()
                    + ": pass --corpus DIR, a folder of NNN.txt files with NNN.json annotations");
        }
        List<AnnotatedArticle> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path txt : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String name = txt.getFileName().toString();
                Path json = txt.resolveSibling(name.substring(0, name.length() - 4) + ".json");
                if (Files.isRegularFile(json)) {
                    out.add(parse(name.substring(0, name.length() - 4), Files.readString(txt, StandardCharsets.UTF_8),
                            json));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + folder, e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no annotated articles (NNN.txt with NNN.json) in " + folder);
        }
        return out;
    }

    /**
     * The outlet an annotation's {@code outlet} field is grouped under: lowercase, without a trailing remark in
     * parentheses ("via …", the regional edition) and without a trailing "network", so the regional sites of one
     * network, which share its page layout, count as one outlet.
     */
    public static String outletKey(String outlet) {
        String key = outlet.strip().replaceAll("\\s*\\(.*\\)$", "").toLowerCase(Locale.ROOT);
        return key.replaceAll("\\s+network$", "");
    }

    private static AnnotatedArticle parse(String id, String text, Path json) {
        JsonNode a;
        try {
            a = MAPPER.readTree(json.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the annotation " + json + ": " + e.getMessage(), e);
        }
        if (!a.path("outlet").isTextual()) {
            throw new IllegalArgumentException("annotation " + json + " has no \"outlet\"");
        }
        Set<Integer> lines = new HashSet<>();
        a.path("boilerplate_lines").forEach(n -> lines.add(n.asInt()));
        List<AnnotatedArticle.Fragment> fragments = new ArrayList<>();
        a.path("inline_boilerplate_fragments").forEach(f -> fragments.add(
                new AnnotatedArticle.Fragment(f.path("line").asInt(), f.path("text").asText())));
        List<String> headlines = new ArrayList<>();
        a.path("related_headlines").forEach(h -> headlines.add(h.asText()));
        Set<String> topics = new LinkedHashSet<>();
        a.path("topics").forEach(t -> topics.add(t.asText()));
        return new AnnotatedArticle(id, outletKey(a.get("outlet").asText()), a.path("language").asText(),
                textOrNull(a.path("title")), text.replace("\r\n", "\n"), lines, fragments, headlines,
                textOrNull(a.path("dateline")), topics);
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
