package io.newspipe.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How the console writes times: UTC, to the second, e.g. {@code 2025-07-06 03:00:00Z}. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** The time in UTC, or null. */
    public static String format(Timestamp t) {
        return t == null ? null : format(t.toInstant());
    }

    /** The time in UTC, or null. */
    public static String format(Instant t) {
        return t == null ? null : FORMAT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
