package io.newspipe.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one reader of points in time written by people: the {@code Published:} header of a text article, the
 * {@code published_at} of a JSON line and the times given on the command line ({@code ingest --from/--to}). Each
 * accepts the same forms, tried in this order: ISO-8601 with an offset ({@code 2025-07-06T10:00:00+07:00}), an
 * ISO-8601 instant ({@code 2025-07-06T03:00:00Z}), RFC 1123 ({@code Sun, 6 Jul 2025 10:00:00 +0700}, as feeds write
 * it) and a bare date ({@code 2025-07-06}, the start of that day in UTC).
 */
public final class Timestamps {

    /** The accepted forms, for error messages. */
    public static final String FORMS = "ISO-8601 (2025-07-06T10:00:00+07:00 or 2025-07-06T03:00:00Z), "
            + "RFC 1123 (Sun, 6 Jul 2025 10:00:00 +0700) or a date (2025-07-06)";

    private Timestamps() {
    }

    /**
     * Reads {@code text} (surrounding spaces ignored) as one of the accepted forms.
     *
     * @throws DateTimeParseException when it is none of them; the message lists the forms
     */
    public static Instant parse(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException("\"" + s + "\" is not a time: use " + FORMS, s, 0, e);
        }
    }
}
