package io.newspipe.enrich.clean;

import java.util.Locale;

/**
 * Where on the page a rule's line may stand (a rule's {@code position} key): read once when the pack loads, so
 * that the test on every line is a comparison rather than a string lookup.
 */
enum LinePosition {
    /** Anywhere. */
    ANY,
    /** In the page header: after the title, among the first lines, before the dateline. */
    HEAD,
    /** Among the last lines. */
    TAIL,
    /** In the header or among the last lines. */
    EDGE,
    /** The last line nothing else claimed (credit patterns only, tried after the other rules). */
    LAST;

    /** The position named {@code name} in a pack ({@code any}, {@code head}, ...). */
    static LinePosition of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
