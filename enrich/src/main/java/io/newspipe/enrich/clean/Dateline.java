package io.newspipe.enrich.clean;

/**
 * A dateline such as {@code JAKARTA, KOMPAS.com -}.
 *
 * @param place  the place, or {@code null}
 * @param outlet the outlet, or {@code null}
 * @param text   the dateline as it appeared
 */
public record Dateline(String place, String outlet, String text) {
}
