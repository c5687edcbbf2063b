package io.newspipe.cli.settings;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** The duration forms every duration setting takes: 90s, 5m, 1h, 2d, 500ms, a number of seconds, ISO-8601 (PT5M). */
public final class Durations implements CommandLine.ITypeConverter<Duration> {

    /** Parses one duration; a value in none of the forms is refused with the forms it may take. */
    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
            }
            char unit = v.charAt(v.length() - 1);
            String amount = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1).trim();
            long n = Long.parseLong(amount);
            return switch (Character.isDigit(unit) ? 's' : unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException(value);
            };
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: use 90s, 5m, 1h "
                    + "or PT5M");
        }
    }

    @Override
    public Duration convert(String value) {
        return parse(value);
    }
}
