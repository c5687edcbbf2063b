package io.newspipe.cli.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Settings of one concern (Kafka connection, database, enrich, …) used as a picocli {@code @Mixin}: every command
 * that takes a setting takes it from the group that defines it, so each option is declared once. The options are
 * built from the {@link Setting} definitions when picocli builds the command ({@link Options}); the parsed values are
 * kept here and read with {@link #value}. A group built in code, not parsed (a test's, the demo's), holds only what
 * was {@link #set}.
 */
@Command(modelTransformer = SettingGroup.Options.class)
public class SettingGroup {

    private final List<Setting<?>> settings;
    private final Map<String, Object> values = new HashMap<>();

    protected SettingGroup(List<Setting<?>> settings) {
        this.settings = List.copyOf(settings);
    }

    /** A group of a few settings defined elsewhere, for a command that takes only these of their concern. */
    public static SettingGroup of(Setting<?>... settings) {
        return new SettingGroup(List.of(settings));
    }

    /** The settings of this group, in the order of their definition. */
    public final List<Setting<?>> definitions() {
        return settings;
    }

    /** The value of {@code setting}: parsed, or {@link #set}; null when it has neither. */
    @SuppressWarnings("unchecked")
    public final <T> T value(Setting<T> setting) {
        return (T) values.get(setting.name());
    }

    /** Whether the flag {@code setting} is on (false when it was not given and has no default). */
    public final boolean isOn(Setting<Boolean> setting) {
        return Boolean.TRUE.equals(value(setting));
    }

    /** The list value of {@code setting}, without blank entries (an empty variable means none). */
    public final <E> List<E> list(Setting<List<E>> setting) {
        List<E> list = value(setting);
        return list == null ? List.of() : list.stream().filter(e -> !e.toString().isBlank()).toList();
    }

    /** The map value of {@code setting}; empty when none was given. */
    public final Map<String, String> map(Setting<Map<String, String>> setting) {
        Map<String, String> map = value(setting);
        return map == null ? Map.of() : Collections.unmodifiableMap(map);
    }

    /** Sets a value in code (pointing a group at a test's stack, say). */
    public final <T> void set(Setting<T> setting, T value) {
        values.put(setting.name(), value);
    }

    /** Copies every value of this group that {@code other} also defines into {@code other}. */
    public final void copyValuesTo(SettingGroup other) {
        for (Setting<?> s : settings) {
            if (other.settings.contains(s)) {
                other.values.put(s.name(), values.get(s.name()));
            }
        }
    }

    /** Every value that breaks its setting's rule, as "--name must …, not value". */
    public final List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Setting<?> s : settings) {
            String problem = s.problem(values.get(s.name()));
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** The groups a command holds (its mixins that are groups, or itself), in declaration order. */
    public static List<SettingGroup> groupsOf(CommandSpec command) {
        List<SettingGroup> groups = new ArrayList<>();
        if (command.userObject() instanceof SettingGroup own) {
            groups.add(own); // a group parsed on its own, as a test may
        }
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof SettingGroup g) {
                groups.add(g);
            }
        }
        return groups;
    }

    /** Every problem of every group {@code command} holds (see {@link #problems()}). */
    public static List<String> problemsOf(CommandSpec command) {
        List<String> problems = new ArrayList<>();
        groupsOf(command).forEach(g -> problems.addAll(g.problems()));
        return problems;
    }

    /**
     * The execution strategy that checks every setting of the command to run and fails once with all problems (exit
     * code 2 and the usage, as for any bad option), then runs the command; {@code --help} and {@code --version}
     * are answered first.
     */
    public static int checkThenRun(CommandLine.ParseResult parsed) {
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine last = chain.get(chain.size() - 1);
        List<String> problems = new ArrayList<>();
        chain.forEach(c -> problems.addAll(problemsOf(c.getCommandSpec())));
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(last, String.join("; ", problems));
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /**
     * Adds the options of every group a command mixes in, each bound to its group. picocli runs it when it builds a
     * command from its annotations (the groups' {@code @Command} names it).
     */
    public static final class Options implements CommandLine.IModelTransformer {

        @Override
        public CommandSpec transform(CommandSpec command) {
            Map<String, OptionSpec> existing = new LinkedHashMap<>(command.optionsMap());
            for (SettingGroup group : groupsOf(command)) {
                for (Setting<?> s : group.settings) {
                    if (!existing.containsKey(s.name())) {
                        OptionSpec option = option(s, group);
                        command.addOption(option);
                        existing.put(s.name(), option);
                    }
                }
            }
            return command;
        }

        private static OptionSpec option(Setting<?> s, SettingGroup group) {
            Setting.Shape<?> shape = s.shape();
            OptionSpec.Builder b = OptionSpec.builder(s.name()).type(shape.type()).description(s.description())
                    .required(s.required()).defaultValue(s.defaultExpression());
            if (!shape.elementTypes().isEmpty()) {
                b.auxiliaryTypes(shape.elementTypes().toArray(Class<?>[]::new));
            }
            if (shape.split()) {
                b.splitRegex(",");
            }
            if (shape.flag()) {
                b.negatable(true).fallbackValue("true");
            } else if (shape.type() == java.time.Duration.class || shape.type() == java.time.Instant.class) {
                b.converters(shape.parser()::apply); // newspipe's own forms, wider than picocli's ISO-8601 only
            }
            if (shape.type() != boolean.class) {
                b.paramLabel(s.label() != null ? s.label() : "<" + s.name().replaceFirst("^-+", "") + ">");
            }
            if (s.defaultText() != null && s.defaultText().isEmpty() && !shape.flag()) {
                b.arity("0..1"); // an empty default: the option may stand alone, meaning "none"
            }
            b.setter(new ISetter() {
                @Override
                public <T> T set(T value) {
                    Object old = group.values.put(s.name(), value);
                    @SuppressWarnings("unchecked")
                    T previous = (T) old;
                    return previous;
                }
            });
            b.getter(new IGetter() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> T get() {
                    return (T) group.values.get(s.name());
                }
            });
            return b.build();
        }
    }
}
