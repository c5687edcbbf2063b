package io.newspipe.enrich.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which ASCII characters an anchored match of a pattern can start with, found by asking the regex engine itself: if
 * matching one character neither succeeds nor reaches the end of the input, no line that starts with that character
 * can match. Derived from the compiled pattern, so it cannot drift from it. A cheap check that skips most rules for
 * most lines.
 */
final class StartFilter {

    /**
     * Bits [0, 128) for the first character, bits 128 + c * 128 + d for the first two characters (the same
     * reasoning for two characters). Small (2 KiB) so that the filters of all rules stay in cache.
     */
    private final long[] bits;

    private StartFilter(long[] bits) {
        this.bits = bits;
    }

    /** The filter of {@code pattern} used with {@code lookingAt()} or {@code matches()}. */
    static StartFilter of(Pattern pattern) {
        long[] ok = new long[(128 + 128 * 128) / 64];
        Matcher m = pattern.matcher("");
        char[] two = new char[2];
        for (char c = 0; c < 128; c++) {
            m.reset(String.valueOf(c));
            boolean first = m.lookingAt() || m.hitEnd();
            if (first) {
                ok[c >>> 6] |= 1L << c;
            }
            for (char d = 0; d < 128; d++) {
                boolean pass = true;
                if (first && c >= ' ' && c < 127 && d >= ' ' && d < 127) {
                    two[0] = c;
                    two[1] = d;
                    m.reset(new String(two));
                    pass = m.lookingAt() || m.hitEnd();
                }
                if (pass) {
                    int bit = 128 + c * 128 + d;
                    ok[bit >>> 6] |= 1L << bit;
                }
            }
        }
        return new StartFilter(ok);
    }

    /** False only if no match can start at the beginning of {@code s}. */
    boolean canStart(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        if (c >= 128) {
            return true;
        }
        if ((bits[c >>> 6] & (1L << c)) == 0) {
            return false;
        }
        if (s.length() < 2) {
            return true;
        }
        char d = s.charAt(1);
        if (d >= 128) {
            return true;
        }
        int bit = 128 + c * 128 + d;
        return (bits[bit >>> 6] & (1L << bit)) != 0;
    }
}
