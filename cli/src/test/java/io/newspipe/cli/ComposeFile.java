package io.newspipe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml (and the Dockerfile's runtime {@code ENV}) as the tests read them: each service's environment
 * exactly as written, with compose's {@code ${VAR:-default}} interpolation resolved the way a user without an
 * {@code .env} file gets it (every variable unset, so the defaults apply).
 */
final class ComposeFile {

    static final Path DEFAULT = Path.of("../docker-compose.yml");
    static final Path DOCKERFILE = Path.of("../Dockerfile");

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|(\\S*))");

    private final Path file;
    private final JsonNode root;

    private ComposeFile(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static ComposeFile read(Path file) {
        try {
            return new ComposeFile(file, new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        root.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode s = root.path("services").path(name);
        if (s.isMissingNode()) {
            throw new IllegalArgumentException(file + " has no service " + name);
        }
        return s;
    }

    /** The services built from this project's Dockerfile (they run {@code newspipe <command>}). */
    List<String> ourServices() {
        return serviceNames().stream().filter(n -> service(n).has("build")).toList();
    }

    /** The service's environment, interpolated with every compose variable unset. */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service(service).path("environment");
        if (e.isObject()) {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().isNull() ? "" : interpolate(
                    f.getValue().asText())));
        } else if (e.isArray()) {
            for (JsonNode item : e) {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : interpolate(s.substring(eq + 1)));
            }
        }
        return env;
    }

    /** The service's command as a list of arguments (a string is split on white space, as compose does). */
    List<String> command(String service) {
        JsonNode c = service(service).path("command");
        List<String> args = new ArrayList<>();
        if (c.isArray()) {
            c.forEach(a -> args.add(interpolate(a.asText())));
        } else if (c.isTextual()) {
            for (String a : interpolate(c.asText()).trim().split("\\s+")) {
                args.add(a);
            }
        }
        return args;
    }

    /** Bind mounts of the service: host path (resolved against the compose file's folder) by container path. */
    Map<String, Path> bindMounts(String service) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (JsonNode v : service(service).path("volumes")) {
            String[] parts = interpolate(v.asText()).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                mounts.put(parts[1], file.toAbsolutePath().getParent().resolve(parts[0]).normalize());
            }
        }
        return mounts;
    }

    /** Compose interpolation with no variable set: {@code ${X:-d}} and {@code ${X-d}} give d, {@code $$} gives $. */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(2) != null && m.group(2).endsWith("?")) {
                throw new IllegalStateException("compose variable " + m.group(1) + " is required (" + value + ")");
            } else if (m.group(2) != null) {
                replacement = m.group(3);
            } else {
                replacement = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The {@code ENV} settings of the Dockerfile's last stage (the runtime image every service starts from). */
    static Map<String, String> dockerfileEnv(Path dockerfile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dockerfile, e);
        }
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (current.length() == 0 && line.strip().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                instructions.add(current.append(line).toString().strip());
                current.setLength(0);
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String i : instructions) {
            if (i.regionMatches(true, 0, "FROM ", 0, 5)) {
                env.clear(); // only the last stage counts
            } else if (i.regionMatches(true, 0, "ENV ", 0, 4)) {
                Matcher m = ENV_PAIR.matcher(i.substring(4));
                while (m.find()) {
                    env.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
                }
            }
        }
        return env;
    }
}
