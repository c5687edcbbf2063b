package io.newspipe.enrich.text;

import java.util.Arrays;

/**
 * The one normal form of text that the cleaner compares lines in and the duplicate detector fingerprints: letters
 * and digits lower-cased, every other run of characters one space, no space at either end. It reads code points,
 * so a letter outside the Basic Multilingual Plane is a letter (not two non-letters), and lower-cases each code
 * point on its own ({@link Character#toLowerCase(int)}: no locale, no context, so {@code İ} becomes {@code i} and a
 * final {@code Σ} becomes {@code σ} wherever it stands). Linear in the input, with a fast path for ASCII.
 */
public final class TextNormaliser {

    private static final char[] ASCII_WORD_CHARS = new char[0x80];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD_CHARS[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD_CHARS[c] = c;
            ASCII_WORD_CHARS[c - 'a' + 'A'] = c;
        }
    }

    private TextNormaliser() {
    }

    /** {@code text} in the normal form described above; the empty string for text with no letter or digit. */
    public static String normalise(String text) {
        char[] out = new char[text.length()];
        int len = 0;
        boolean space = true;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c < 0x80) {
                i++;
                char word = ASCII_WORD_CHARS[c];
                if (word != 0) {
                    out[len++] = word;
                    space = false;
                    continue;
                }
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isLetterOrDigit(cp)) {
                    int lower = Character.toLowerCase(cp);
                    if (len + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length + 16); // a lower case longer than its letter
                    }
                    len += Character.toChars(lower, out, len);
                    space = false;
                    continue;
                }
            }
            if (!space) {
                out[len++] = ' ';
                space = true;
            }
        }
        if (len > 0 && out[len - 1] == ' ') {
            len--;
        }
        return new String(out, 0, len);
    }
}
