package io.newspipe.cli.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one definition of a setting: its option name, type, default, environment variable ({@code NEWSPIPE_…}),
 * validation and documentation, as Kafka's {@code ConfigDef} or Debezium's {@code Field} define a key. A {@link
 * SettingGroup} turns its settings into picocli options; the README's configuration table and the compose-file
 * checks are derived from the same definitions ({@link SettingsReference}).
 *
 * <p>Immutable: the {@code with…} methods return a changed copy. The default is text as on a command line; it may hold
 * picocli's {@code ${sys:…}} interpolation; null means none, "" an empty value.
 *
 * @param <T> the type of the parsed value
 */
public record Setting<T>(String name, String environmentVariable, String defaultText, String doc, Shape<T> shape,
                         String label, Predicate<? super T> rule, String requirement, boolean required) {

    /**
     * How a value is written and read: picocli's type (and element types of a list or map), the parser of a single
     * value (null: picocli's own converter), whether it is an on/off flag ({@code --x} / {@code --no-x}) or a
     * comma-separated list.
     */
    public record Shape<T>(Class<?> type, List<Class<?>> elementTypes, Function<String, T> parser, boolean flag,
                           boolean split) {
    }

    /** Free text. */
    public static Setting<String> text(String name, String environmentVariable, String defaultText, String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(String.class, List.of(), value -> value, false, false), null, null, null, false);
    }

    /** A whole number (Java int). */
    public static Setting<Integer> number(String name, String environmentVariable, String defaultText, String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(int.class, List.of(), Integer::valueOf, false, false), null, null, null, false);
    }

    /** A whole number (Java long): sizes in bytes, milliseconds. */
    public static Setting<Long> longNumber(String name, String environmentVariable, String defaultText, String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(long.class, List.of(), Long::valueOf, false, false), null, null, null, false);
    }

    /** A number with a fraction (Java double): a threshold, a share. */
    public static Setting<Double> decimal(String name, String environmentVariable, String defaultText, String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(double.class, List.of(), Double::valueOf, false, false), null, null, null, false);
    }

    /** A file or folder. */
    public static Setting<Path> path(String name, String environmentVariable, String defaultText, String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(Path.class, List.of(), Path::of, false, false), null, null, null, false);
    }

    /** A duration: 90s, 5m, 1h, 500ms, a number of seconds, or ISO-8601 (PT5M, P7D); see {@link Durations}. */
    public static Setting<Duration> duration(String name, String environmentVariable, String defaultText,
                                             String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(Duration.class, List.of(), Durations::parse, false, false), "DURATION", null, null,
                false);
    }

    /**
     * A point in time in any form newspipe's input takes: ISO-8601 with an offset, a date ({@code 2025-07-01}),
     * RFC 1123, epoch seconds or milliseconds ({@link io.newspipe.ingest.Timestamps}).
     */
    public static Setting<Instant> time(String name, String environmentVariable, String defaultText, String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(Instant.class, List.of(), Setting::parseTime, false, false), "TIME", null, null, false);
    }

    private static Instant parseTime(String value) {
        try {
            return io.newspipe.ingest.Timestamps.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** An on/off flag: {@code --x} turns it on, {@code --no-x} off. */
    public static Setting<Boolean> flag(String name, String environmentVariable, String defaultText, String doc) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(boolean.class, List.of(), Boolean::valueOf, true, false), null, null, null, false);
    }

    /** A switch for one run: {@code --x} turns it on; off without it; no variable, no {@code --no-x}. */
    public static Setting<Boolean> toggle(String name, String doc) {
        return new Setting<>(name, null, null, doc,
                new Shape<>(boolean.class, List.of(), Boolean::valueOf, false, false), null, null, null, false);
    }

    /** One of the constants of {@code type} (case-insensitive on the command line). */
    public static <E extends Enum<E>> Setting<E> choice(String name, String environmentVariable, String defaultText,
                                                        String doc, Class<E> type) {
        return new Setting<>(name, environmentVariable, defaultText, doc,
                new Shape<>(type, List.of(), value -> Enum.valueOf(type, value), false, false), null, null, null,
                false);
    }

    /** Values of {@code elementType}, the option repeated or comma-separated (the variable comma-separated). */
    public static <E> Setting<List<E>> list(String name, String environmentVariable, String doc,
                                            Class<E> elementType) {
        return new Setting<>(name, environmentVariable, null, doc,
                new Shape<>(List.class, List.of(elementType), null, false, true), null, null, null, false);
    }

    /** {@code KEY=VALUE} pairs, the option repeated or comma-separated (the variable comma-separated). */
    public static Setting<Map<String, String>> map(String name, String environmentVariable, String doc) {
        return new Setting<>(name, environmentVariable, null, doc,
                new Shape<>(Map.class, List.of(String.class, String.class), null, false, true), "KEY=VALUE", null,
                null, false);
    }

    /** This setting under another option name, e.g. the console's port as {@code up --console-port}. */
    public Setting<T> named(String otherName) {
        return new Setting<>(otherName, environmentVariable, defaultText, doc, shape, label, rule, requirement,
                required);
    }

    /** This setting without its environment variable: a command where the variable must not apply. */
    public Setting<T> withoutEnvironment() {
        return new Setting<>(name, null, defaultText, doc, shape, label, rule, requirement, required);
    }

    /** This setting with another default. */
    public Setting<T> withDefault(String otherDefault) {
        return new Setting<>(name, environmentVariable, otherDefault, doc, shape, label, rule, requirement, required);
    }

    /** This setting with another documentation. */
    public Setting<T> withDoc(String otherDoc) {
        return new Setting<>(name, environmentVariable, defaultText, otherDoc, shape, label, rule, requirement,
                required);
    }

    /** The placeholder of the value in the usage text, e.g. {@code HOST:PORT}. */
    public Setting<T> withLabel(String otherLabel) {
        return new Setting<>(name, environmentVariable, defaultText, doc, shape, otherLabel, rule, requirement,
                required);
    }

    /** A value must pass {@code check}; {@code what} completes "--name …" in the message when it does not. */
    public Setting<T> withRule(Predicate<? super T> check, String what) {
        return new Setting<>(name, environmentVariable, defaultText, doc, shape, label, check, what, required);
    }

    /** A value that must be given (on the command line or in the variable). */
    public Setting<T> asRequired() {
        return new Setting<>(name, environmentVariable, defaultText, doc, shape, label, rule, requirement, true);
    }

    /** Numbers from {@code least} up. */
    public static Predicate<Number> atLeast(long least) {
        return n -> n.longValue() >= least;
    }

    /** The default, parsed; null when there is none (or it is interpolated at parse time, like {@code ${sys:…}}). */
    public T defaultValue() {
        if (defaultText == null || shape.parser() == null || defaultText.contains("${")) {
            return null;
        }
        return shape.parser().apply(defaultText);
    }

    /**
     * The picocli default value expression: the variable when it is set, else the default ({@code
     * ${env:NEWSPIPE_X:-default}}); null when the setting has neither.
     */
    public String defaultExpression() {
        if (environmentVariable == null) {
            return defaultText;
        }
        return "${env:" + environmentVariable + (defaultText == null ? "" : ":-" + defaultText) + "}";
    }

    /** The option's description: the documentation, then its variable and default. */
    public String description() {
        StringBuilder out = new StringBuilder(doc);
        String env = environmentVariable == null ? null : "env " + environmentVariable;
        String dflt = defaultText == null || defaultText.isEmpty() ? null : "default ${DEFAULT-VALUE}";
        if (env != null || dflt != null) {
            out.append(" (").append(env == null ? dflt : dflt == null ? env : env + "; " + dflt).append(")");
        }
        return out.append('.').toString();
    }

    /** Why {@code value} is refused, or null when it passes the rule (or there is none). */
    public String problem(Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        if (rule == null || value == null || rule.test(typed)) {
            return null;
        }
        return name + " " + requirement + (environmentVariable == null ? "" : " (env " + environmentVariable + ")")
                + ", not " + value;
    }
}
