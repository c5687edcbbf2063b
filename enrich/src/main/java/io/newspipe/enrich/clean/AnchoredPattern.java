package io.newspipe.enrich.clean;

import java.util.regex.Pattern;

/**
 * A rule's compiled pattern and its slot in the {@link AnchorIndex}: the pattern can match a line only if one of its
 * anchors occurs in it ({@link CleaningPass#mayMatch}). Patterns without anchors are tried on every line.
 *
 * @param pattern the compiled pattern
 * @param slot    the pattern's slot in the index, or {@link #UNANCHORED}
 */
record AnchoredPattern(Pattern pattern, int slot) {

    static final int UNANCHORED = -1;
}
