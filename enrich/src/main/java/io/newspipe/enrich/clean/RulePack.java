package io.newspipe.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A versioned set of cleaning rules for one language, loaded from JSON. The bundled packs are
 * {@code rules/id.json} and {@code rules/en.json}; users load their own with {@link #load(Path)} and pass them to
 * {@link Cleaner#fromPacks}. Every record is stamped with the ids and versions of the packs used.
 *
 * <pre>{"id":"id","version":"1.0.0","language":"id","rules":[
 *   {"id":"id.related.baca-juga","kind":"related","type":"related","labels":["Baca juga"],"inline":true}]}</pre>
 *
 * <p>Every rule has an {@code id} (unique, reported on each removal), a {@code kind} (reported, e.g. {@code ad}),
 * a {@code type} and optional {@code "enabled": false}. Patterns are Java regular expressions; keep every quantifier
 * bounded ({@code {0,80}}) and never nest unbounded ones, because rules run on hostile input. Types:
 * <dl>
 *   <dt>{@code line}</dt><dd>removes a whole line that {@code pattern} matches entirely; {@code maxLength},
 *       {@code maxWords}, {@code position} ({@code any}, {@code head}, {@code tail}, {@code edge}), {@code suffix}
 *       (match only the last N characters of the line), {@code requires} (strings that must occur first),
 *       {@code takeNext} (+ {@code takeNextMaxWords}, {@code takeNextHeadOnly}): also remove the next line if it
 *       matches, {@code follow}: also remove following lines that match, {@code takePrevious}: also remove the
 *       previous line in the page header, {@code pageMarker}: flag the article as a partial page.</dd>
 *   <dt>{@code related}</dt><dd>{@code labels} that start a related-article line; the headline is the rest of the
 *       line or the next line; {@code separatorRequired} (a colon or bar must follow the label), {@code inline}
 *       (also cut "label: Headline" fused inside a line, with {@code inlineLabels} and {@code sentenceStarters}
 *       that mark where the sentence after the headline begins).</dd>
 *   <dt>{@code end-block}</dt><dd>header {@code labels} of end-of-article lists, cut only within
 *       {@code maxItems} lines of the end; the list items become related headlines.</dd>
 *   <dt>{@code credit}</dt><dd>{@code roles} (label &rarr; author, editor, reporter) for credit lines and credits
 *       glued to the end of a paragraph; {@code bareRoles} may appear without a colon at the end.</dd>
 *   <dt>{@code credit-regex}</dt><dd>a whole-line {@code pattern} with a {@code name} group stored in
 *       {@code field}; {@code position} as above or {@code last} (the last kept line).</dd>
 *   <dt>{@code writer-code}</dt><dd>{@code lower}, {@code upper}, {@code bracket}: writer codes such as
 *       {@code (agk)}, {@code (SIS)}, {@code [has]} at the end of a line or alone on one.</dd>
 *   <dt>{@code syndication-tayang}</dt><dd>{@code lead} of an "Artikel ini telah tayang di &lt;outlet&gt; dengan
 *       judul &lt;title&gt; &lt;url&gt;" footer, on its own line or glued to one; {@code truncated} for a cut-off
 *       lead at the end of a line.</dd>
 *   <dt>{@code syndication}</dt><dd>a whole-line {@code pattern} with groups {@code outlet}, {@code title},
 *       {@code url} or {@code value} (a URL or an outlet name).</dd>
 *   <dt>{@code dateline}</dt><dd>{@code patterns} anchored at the start of one of the first {@code searchLines}
 *       lines (groups {@code place}, {@code outlet}, or {@code a}/{@code b} resolved by {@code outlets} and domain
 *       shape), {@code midLine} for a dateline after a deck, {@code bare} for a place alone on a header line.</dd>
 *   <dt>{@code inline}</dt><dd>a {@code pattern} cut wherever it occurs in a line; {@code extend: "sentence"}
 *       extends the cut to the end of the sentence and over following sentences with {@code continueWords};
 *       {@code requiresAny} is a cheap pre-check.</dd>
 *   <dt>{@code inline-eol}</dt><dd>a {@code pattern} cut at the end of a line.</dd>
 *   <dt>{@code heuristic}</dt><dd>a named, parameterised heuristic: {@code repeated-title}, {@code teaser}
 *       (unlabelled recommendation headlines: title case, little vocabulary shared with the story),
 *       {@code tail-sweep} (short widget labels among the footer), {@code byline-block}.</dd>
 * </dl>
 */
public final class RulePack {

    static final Set<String> TYPES = Set.of("line", "related", "end-block", "credit", "credit-regex",
            "writer-code", "syndication-tayang", "syndication", "dateline", "inline", "inline-eol", "heuristic");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String id;
    private final String version;
    private final String language;
    private final List<Rule> rules;

    /** One rule of a pack: its id, kind, type and the type-specific settings. */
    public record Rule(String id, String kind, String type, JsonNode spec) {
        /** A string setting, or {@code def}. */
        public String str(String key, String def) {
            JsonNode n = spec.get(key);
            return n == null || n.isNull() ? def : n.asText();
        }

        /** An int setting, or {@code def}. */
        public int integer(String key, int def) {
            JsonNode n = spec.get(key);
            return n == null || n.isNull() ? def : n.asInt(def);
        }

        /** A double setting, or {@code def}. */
        public double dbl(String key, double def) {
            JsonNode n = spec.get(key);
            return n == null || n.isNull() ? def : n.asDouble(def);
        }

        /** A boolean setting, or {@code def}. */
        public boolean bool(String key, boolean def) {
            JsonNode n = spec.get(key);
            return n == null || n.isNull() ? def : n.asBoolean(def);
        }

        /** A list of strings (a single string is a list of one). */
        public List<String> list(String key) {
            JsonNode n = spec.get(key);
            List<String> out = new ArrayList<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (n.isArray()) {
                n.forEach(x -> out.add(x.asText()));
            } else {
                out.add(n.asText());
            }
            return out;
        }
    }

    private RulePack(String id, String version, String language, List<Rule> rules) {
        this.id = id;
        this.version = version;
        this.language = language;
        this.rules = List.copyOf(rules);
    }

    /** Loads a pack from a JSON stream (the stream is not closed). */
    public static RulePack load(InputStream json) {
        Objects.requireNonNull(json, "json");
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule pack: " + e.getMessage(), e);
        }
    }

    /** Loads a pack from a JSON file. */
    public static RulePack load(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule pack " + p + ": " + e.getMessage(), e);
        }
    }

    /** Loads a bundled pack from the classpath, e.g. {@code rules/id.json}. */
    public static RulePack bundled(String resource) {
        try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule pack resource not found on the classpath: " + resource);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RulePack fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("rule pack must be a JSON object");
        }
        String id = required(root, "id", "pack");
        String version = required(root, "version", "pack " + id);
        String language = root.path("language").asText(id);
        JsonNode arr = root.get("rules");
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("rule pack " + id + ": 'rules' must be an array");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode r : arr) {
            String rid = required(r, "id", "a rule of pack " + id);
            if (!seen.add(rid)) {
                throw new IllegalArgumentException("rule pack " + id + ": duplicate rule id " + rid);
            }
            String type = required(r, "type", "rule " + rid);
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("rule " + rid + ": unknown type '" + type + "', expected one of "
                        + new java.util.TreeSet<>(TYPES));
            }
            String kind = r.path("kind").asText("chrome");
            if (r.path("enabled").asBoolean(true)) {
                rules.add(new Rule(rid, kind, type, r));
            }
        }
        return new RulePack(id, version, language, rules);
    }

    private static String required(JsonNode n, String field, String what) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(what + ": missing string field '" + field + "'");
        }
        return v.asText();
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String language() {
        return language;
    }

    public List<Rule> rules() {
        return rules;
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
