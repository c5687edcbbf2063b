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
import java.util.function.Predicate;

/**
 * A versioned set of cleaning rules for one language, loaded from JSON. The bundled packs are
 * {@code rules/id.json}, {@code rules/en.json} and {@code rules/markup.json} (boilerplate told by its HTML markup,
 * in any language); users load their own with {@link #load(Path)} and pass them to
 * {@link Cleaner#fromPacks}. Every record is stamped with the ids and versions of the packs used.
 *
 * <p>Every pack, bundled or a user's, goes through the same loader, which validates it against the JSON Schema
 * {@code rules/rule-pack.schema.json} (shipped in this jar) and compiles its regular expressions: an unknown key,
 * a missing required key (such as a line rule's {@code pattern}), an unknown type or heuristic, a credit role
 * outside {@code author}, {@code editor}, {@code reporter}, {@code photo}, or an invalid regular expression fails
 * with a {@link RulePackException} that names the file, the rule id and the key. The schema is the full reference
 * of the keys; the overview below says what each type does.
 *
 * <p>A pack may declare {@code precedence}, the order in which the whole-line families are tried on a line (the
 * first that matches wins), and {@code vocabulary}, the language words the heuristics use (function words, stop
 * words, stemming affixes); vocabularies of all packs in use are merged.
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
 *   <dt>{@code credit}</dt><dd>{@code roles} (label &rarr; author, editor, reporter or photo) for credit lines and
 *       credits glued to the end of a paragraph; {@code bareRoles} may appear without a colon at the end;
 *       {@code joiners} join several roles before one name; {@code copyrightMarkers} start a notice that is not
 *       part of the name.</dd>
 *   <dt>{@code credit-regex}</dt><dd>a whole-line {@code pattern} with a {@code name} group stored in
 *       {@code field}; {@code position} as above or {@code last} (the last kept line).</dd>
 *   <dt>{@code writer-code}</dt><dd>{@code lower}, {@code upper}, {@code bracket}: writer codes such as
 *       {@code (agk)}, {@code (SIS)}, {@code [has]} at the end of a line or alone on one.</dd>
 *   <dt>{@code syndication-tayang}</dt><dd>{@code lead} of an "Artikel ini telah tayang di &lt;outlet&gt; dengan
 *       judul &lt;title&gt; &lt;url&gt;" footer, on its own line or glued to one; {@code titleMarker} before the title;
 *       {@code titleTails} calls to action cut from the end of the title; {@code truncated} for a cut-off
 *       lead at the end of a line.</dd>
 *   <dt>{@code syndication}</dt><dd>a whole-line {@code pattern} with groups {@code outlet}, {@code title},
 *       {@code url} or {@code value} (a URL or an outlet name).</dd>
 *   <dt>{@code dateline}</dt><dd>{@code patterns} anchored at the start of one of the first {@code searchLines}
 *       lines (groups {@code place}, {@code outlet}, or {@code a}/{@code b} resolved by {@code outlets} and domain
 *       shape), {@code midLine} for a dateline after a deck, {@code bare} for a place alone on a header line.</dd>
 *   <dt>{@code inline}</dt><dd>a {@code pattern} cut wherever it occurs in a line; {@code extend: "sentence"}
 *       extends the cut to the end of the sentence and over following sentences with {@code continueWords}.
 *       The cheap pre-check in front of the pattern is read off the pattern itself (its literal prefixes).</dd>
 *   <dt>{@code inline-eol}</dt><dd>a {@code pattern} cut at the end of a line.</dd>
 *   <dt>{@code heuristic}</dt><dd>a named, parameterised heuristic: {@code repeated-title}, {@code teaser}
 *       (unlabelled recommendation headlines: title case, little vocabulary shared with the story),
 *       {@code tail-sweep} (short widget labels among the footer), {@code byline-block}.</dd>
 * </dl>
 */
public final class RulePack {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The bundled packs, in the order the default cleaner applies them. */
    public static final List<String> BUNDLED = List.of("rules/id.json", "rules/en.json", "rules/markup.json");

    private final String id;
    private final String version;
    private final String language;
    private final String source;
    private final List<String> precedence;
    private final Vocabulary vocabulary;
    private final List<Rule> rules;

    /** One rule of a pack: its id, kind, type and the type-specific settings (already checked by the schema). */
    public record Rule(String id, String kind, String type, JsonNode spec) {
        /** A string setting, or {@code fallback}. */
        public String string(String key, String fallback) {
            JsonNode value = spec.get(key);
            return value == null || value.isNull() ? fallback : value.asText();
        }

        /** An int setting, or {@code fallback}. */
        public int integer(String key, int fallback) {
            JsonNode value = spec.get(key);
            return value == null || value.isNull() ? fallback : value.asInt(fallback);
        }

        /** A decimal setting, or {@code fallback}. */
        public double decimal(String key, double fallback) {
            JsonNode value = spec.get(key);
            return value == null || value.isNull() ? fallback : value.asDouble(fallback);
        }

        /** A boolean setting, or {@code fallback}. */
        public boolean bool(String key, boolean fallback) {
            JsonNode value = spec.get(key);
            return value == null || value.isNull() ? fallback : value.asBoolean(fallback);
        }

        /** A list of strings (empty when the key is absent). */
        public List<String> list(String key) {
            JsonNode value = spec.get(key);
            List<String> out = new ArrayList<>();
            if (value != null && value.isArray()) {
                value.forEach(x -> out.add(x.asText()));
            }
            return out;
        }
    }

    private RulePack(String id, String version, String language, String source, List<String> precedence,
                     Vocabulary vocabulary, List<Rule> rules) {
        this.id = id;
        this.version = version;
        this.language = language;
        this.source = source;
        this.precedence = precedence == null ? null : List.copyOf(precedence);
        this.vocabulary = vocabulary;
        this.rules = List.copyOf(rules);
    }

    /**
     * Loads and validates a pack from a JSON stream (the stream is not closed).
     *
     * @param source the name used in error messages, e.g. the file name
     * @throws RulePackException if the pack is not valid
     */
    public static RulePack load(InputStream json, String source) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new RulePackException("rule pack " + source + ": not JSON: " + e.getMessage(), e);
        }
        return fromTree(root, source);
    }

    /** Loads and validates a pack from a JSON file. */
    public static RulePack load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule pack " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a bundled pack from the classpath, e.g. {@code rules/id.json}, through the same validation. */
    public static RulePack bundled(String resource) {
        try (InputStream in = RulePack.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule pack resource not found on the classpath: " + resource);
            }
            return load(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All bundled packs ({@link #BUNDLED}). */
    public static List<RulePack> bundled() {
        return BUNDLED.stream().map(RulePack::bundled).toList();
    }

    private static RulePack fromTree(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new RulePackException("rule pack " + source + ": must be a JSON object");
        }
        RulePackSchema.get().check(root, source);
        String id = root.get("id").asText();
        List<Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode r : root.get("rules")) {
            String ruleId = r.get("id").asText();
            if (!seen.add(ruleId)) {
                throw new RulePackException("rule pack " + source + ": rule " + ruleId + ": key 'id': duplicate rule id");
            }
            if (r.path("enabled").asBoolean(true)) {
                rules.add(new Rule(ruleId, r.path("kind").asText("chrome"), r.get("type").asText(), r));
            }
        }
        List<String> precedence = null;
        if (root.has("precedence")) {
            precedence = new ArrayList<>();
            for (JsonNode family : root.get("precedence")) {
                precedence.add(family.asText());
            }
        }
        return new RulePack(id, root.get("version").asText(), root.path("language").asText(id), source, precedence,
                Vocabulary.of(root.get("vocabulary")), rules);
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

    /** Where the pack was loaded from (a file or a classpath resource), as named in error messages. */
    public String source() {
        return source;
    }

    /** The declared order of the whole-line families, or {@code null} when the pack declares none. */
    public List<String> precedence() {
        return precedence;
    }

    /** The pack's language words (empty if it declares none). */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * This pack with only the rules {@code keep} accepts, under the same id, version and words: what a cleaner costs
     * without one rule family is measured with it (the version stamp does not say that rules were left out).
     */
    public RulePack keeping(Predicate<Rule> keep) {
        return new RulePack(id, version, language, source, precedence, vocabulary,
                rules.stream().filter(keep).toList());
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
