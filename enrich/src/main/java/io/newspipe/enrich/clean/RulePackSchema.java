package io.newspipe.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The JSON Schema of rule packs ({@code rules/rule-pack.schema.json}) and the checks made with it when a pack is
 * loaded. The schema is the one description of the format: it names the keys of every rule type and heuristic,
 * which of them are required, the documented credit roles, the whole-line families a pack can order, and (with
 * {@code "format": "regex"}) which values are regular expressions, which are compiled here so that a bad pattern
 * fails at load time rather than on the first article.
 */
final class RulePackSchema {

    static final String RESOURCE = "rules/rule-pack.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RulePackSchema INSTANCE = new RulePackSchema();

    private final JsonNode tree;
    private final JsonSchema schema;

    private RulePackSchema() {
        try (InputStream in = RulePackSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rule pack schema not found on the classpath: " + RESOURCE);
            }
            tree = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        // regular expressions are compiled with java.util.regex below, with the error named; the schema's own
        // format check would use another dialect
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree, config);
    }

    static RulePackSchema get() {
        return INSTANCE;
    }

    /** The schema itself, e.g. for a test or a tool that wants to show it. */
    JsonNode tree() {
        return tree;
    }

    /** The whole-line families in their documented default order. */
    List<String> defaultPrecedence() {
        List<String> out = new ArrayList<>();
        tree.path("$defs").path("wholeLineFamily").path("enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The rule types the format knows. */
    Set<String> ruleTypes() {
        Set<String> out = new TreeSet<>();
        tree.path("$defs").path("ruleType").path("enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The heuristic names the format knows. */
    Set<String> heuristicNames() {
        Set<String> out = new TreeSet<>();
        tree.path("$defs").path("heuristicName").path("enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Checks a pack against the schema, then compiles every regular expression in it.
     *
     * @throws RulePackException naming the source, the rule id and the key of every problem
     */
    void check(JsonNode pack, String source) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ValidationMessage m : schema.validate(pack)) {
            String problem = describe(m, pack, source);
            if (seen.add(problem)) {
                problems.add(problem);
            }
        }
        if (problems.isEmpty()) {
            JsonNode rules = pack.path("rules");
            for (JsonNode rule : rules) {
                compileRegexes(rule, source, problems);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(null);
            throw new RulePackException(String.join("\n", problems));
        }
    }

    private String describe(ValidationMessage m, JsonNode pack, String source) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < m.getInstanceLocation().getNameCount(); i++) {
            path.add(m.getInstanceLocation().getElement(i));
        }
        String type = m.getType();
        String key;
        String where;
        if (path.size() >= 2 && "rules".equals(path.get(0)) && path.get(1) instanceof Integer index) {
            JsonNode rule = pack.path("rules").path(index);
            String id = rule.path("id").isTextual() ? rule.path("id").asText() : "#" + (index + 1);
            where = "rule " + id;
            key = path.size() > 2 ? String.valueOf(path.get(2)) : m.getProperty();
            if (path.size() > 2 && m.getProperty() != null && !"required".equals(type)
                    && !"additionalProperties".equals(type)) {
                key = path.get(2) + "." + m.getProperty();
            } else if (path.size() > 3) {
                key = path.get(2) + "." + path.get(3);
            }
        } else {
            where = "pack";
            key = path.isEmpty() ? m.getProperty() : String.valueOf(path.get(0));
            if (path.size() > 1) {
                key = path.get(0) + "." + path.get(1);
            }
        }
        String what = switch (type) {
            case "required" -> "missing required key";
            case "additionalProperties" -> "unknown key" + allowedKeys(path, pack);
            case "enum", "const" -> "value " + m.getInstanceNode() + " is not one of " + enumOf(m);
            default -> plain(m);
        };
        return "rule pack " + source + ": " + where + ": key '" + key + "': " + what;
    }

    private String allowedKeys(List<Object> path, JsonNode pack) {
        if (path.size() != 2 || !(path.get(1) instanceof Integer index)) {
            return "";
        }
        JsonNode rule = pack.path("rules").path(index);
        String def = rule.path("type").asText();
        if ("heuristic".equals(def)) {
            def = "heuristic-" + rule.path("name").asText();
        }
        JsonNode props = tree.path("$defs").path(def).path("properties");
        if (props.isMissingNode()) {
            return "";
        }
        Set<String> keys = new TreeSet<>();
        props.fieldNames().forEachRemaining(keys::add);
        return " (a " + rule.path("type").asText() + " rule has " + String.join(", ", keys) + ")";
    }

    private static String enumOf(ValidationMessage m) {
        JsonNode schemaNode = m.getSchemaNode();
        return schemaNode != null && schemaNode.isArray() ? schemaNode.toString() : plain(m);
    }

    /** The library's message without the location it starts with (the caller names file, rule and key). */
    private static String plain(ValidationMessage m) {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        return colon >= 0 && (text.startsWith("$") || text.startsWith("/")) ? text.substring(colon + 2) : text;
    }

    private void compileRegexes(JsonNode rule, String source, List<String> problems) {
        String def = rule.path("type").asText();
        if ("heuristic".equals(def)) {
            def = "heuristic-" + rule.path("name").asText();
        }
        JsonNode props = tree.path("$defs").path(def).path("properties");
        rule.fieldNames().forEachRemaining(key -> {
            JsonNode prop = props.path(key);
            boolean single = "regex".equals(prop.path("format").asText());
            boolean list = "regex".equals(prop.path("items").path("format").asText());
            if (!single && !list) {
                return;
            }
            List<JsonNode> values = new ArrayList<>();
            if (single) {
                values.add(rule.get(key));
            } else {
                rule.get(key).forEach(values::add);
            }
            for (JsonNode value : values) {
                try {
                    Pattern.compile(value.asText());
                } catch (PatternSyntaxException e) {
                    problems.add("rule pack " + source + ": rule " + rule.path("id").asText() + ": key '" + key
                            + "': invalid regular expression: " + e.getDescription() + " near index " + e.getIndex()
                            + " of " + value.asText());
                }
            }
        });
    }
}
