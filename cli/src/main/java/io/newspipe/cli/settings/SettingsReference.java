package io.newspipe.cli.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * What the setting definitions say about the whole command line: every setting each command takes, and the README's
 * configuration table, rendered from the definitions so it cannot drift from the code. The table stands in the
 * README between {@link #BEGIN} and {@link #END}; {@code ConfigReferenceTest} checks it and rewrites it on request.
 */
public final class SettingsReference {

    public static final String BEGIN = "<!-- settings table: generated from the setting definitions by "
            + "ConfigReferenceTest, do not edit by hand -->";
    public static final String END = "<!-- end of the settings table -->";

    private SettingsReference() {
    }

    /**
     * Every setting the commands under {@code root} take, in the order first met (commands in the order they were
     * added, groups in the order of their declaration), each with the commands that take it ({@code "topics
     * create"}).
     */
    public static Map<Setting<?>, Set<String>> settings(CommandLine root) {
        Map<Setting<?>, Set<String>> out = new LinkedHashMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(CommandLine command, String path, Map<Setting<?>, Set<String>> out) {
        for (SettingGroup group : SettingGroup.groupsOf(command.getCommandSpec())) {
            for (Setting<?> s : group.definitions()) {
                out.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(path);
            }
        }
        Set<CommandLine> seen = new LinkedHashSet<>(); // an alias lists a command twice
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (seen.add(sub.getValue())) {
                collect(sub.getValue(), path.isEmpty() ? sub.getKey() : path + " " + sub.getKey(), out);
            }
        }
    }

    /** The environment variables the settings of the command at {@code path} under {@code root} read. */
    public static Set<String> environmentVariables(CommandLine root, List<String> path) {
        CommandLine command = root;
        for (String name : path) {
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                break;
            }
            command = sub;
        }
        Set<String> out = new LinkedHashSet<>();
        for (SettingGroup group : SettingGroup.groupsOf(command.getCommandSpec())) {
            group.definitions().stream().map(Setting::environmentVariable).filter(v -> v != null).forEach(out::add);
        }
        return out;
    }

    /**
     * The configuration table in Markdown: a row per environment variable, with the options that set it and the
     * commands that take them, its default and what it does. Settings without a variable (options of one run, like
     * {@code --watch}) are left to each command's {@code --help}.
     */
    public static String table(CommandLine root) {
        Map<String, List<Map.Entry<Setting<?>, Set<String>>>> byVariable = new LinkedHashMap<>();
        for (Map.Entry<Setting<?>, Set<String>> e : settings(root).entrySet()) {
            if (e.getKey().environmentVariable() != null) {
                byVariable.computeIfAbsent(e.getKey().environmentVariable(), k -> new ArrayList<>()).add(e);
            }
        }
        StringBuilder out = new StringBuilder("| option (commands) | environment variable | default | meaning |\n"
                + "|---|---|---|---|\n");
        for (Map.Entry<String, List<Map.Entry<Setting<?>, Set<String>>>> row : byVariable.entrySet()) {
            List<String> options = new ArrayList<>();
            for (Map.Entry<Setting<?>, Set<String>> e : row.getValue()) {
                options.add("`" + e.getKey().name() + "` (" + String.join(", ", e.getValue()) + ")");
            }
            Setting<?> first = row.getValue().get(0).getKey();
            out.append("| ").append(String.join("; ", options)).append(" | `").append(row.getKey()).append("` | ")
                    .append(defaultCell(first)).append(" | ").append(cell(first.doc()))
                    .append(first.required() ? " (required)" : "").append(" |\n");
        }
        return out.toString();
    }

    private static String defaultCell(Setting<?> s) {
        if (s.defaultText() == null) {
            return "—";
        }
        return s.defaultText().isEmpty() ? "empty" : "`" + s.defaultText() + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code readme} with the text between the markers replaced by {@code table}; the markers must be there. */
    public static String withTable(String readme, String table) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README has no settings table between " + BEGIN + " and " + END);
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + table + readme.substring(end);
    }

    /** The table between the markers of {@code readme}, as {@link #table} writes it. */
    public static String tableIn(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            return "";
        }
        return readme.substring(begin + BEGIN.length() + 1, end);
    }
}
