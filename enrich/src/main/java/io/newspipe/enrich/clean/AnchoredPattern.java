package io.newspipe.enrich.clean;

import java.util.regex.Pattern;

/**
 * A rule's compiled pattern and its slot in the {@link AnchorIndex}: the pattern can match a line only if one of its
 * anchors occurs in it ({@link CleaningPass#mayMatch}). Patterns without anchors are tried on every line.
 *
 * @param pattern    the compiled pattern
 * @param slot       the pattern's slot in the index, or {@link #UNANCHORED}
 * @param needsDigit every match holds a digit ({@link RequiredLiterals#requiresDigit}): a line without one is
 *                   skipped, anchored or not
 */
record AnchoredPattern(Pattern pattern, int slot, boolean needsDigit) {

    static final int UNANCHORED = -1;
}
