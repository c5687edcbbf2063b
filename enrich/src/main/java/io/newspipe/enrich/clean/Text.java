package io.newspipe.enrich.clean;

import java.util.Locale;

/** Small text helpers shared by the cleaner and its tests. All are linear in the input. */
public final class Text {

    private Text() {
    }

    /** Lowercase (ROOT), every run of non-letters/digits to one space, trimmed. */
    public static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c < 128) { // ASCII fast path, same result as the code-point path below
                i++;
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    b.append(c);
                    space = false;
                } else if (c >= 'A' && c <= 'Z') {
                    b.append((char) (c + ('a' - 'A')));
                    space = false;
                } else if (!space) {
                    b.append(' ');
                    space = true;
                }
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    /** Number of whitespace-separated words, counting at most {@code cap}. */
    static int words(String s, int cap) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i));
            if (!ws && !in) {
                n++;
                if (n >= cap) {
                    return n;
                }
            }
            in = !ws;
        }
        return n;
    }

    static int words(String s) {
        return words(s, Integer.MAX_VALUE);
    }

    static boolean isQuote(int c) {
        return c == '"' || c == '“' || c == '”' || c == '\'' || c == '‘' || c == '’' || c == '«' || c == '„';
    }

    static boolean startsWithQuote(String s) {
        return !s.isEmpty() && isQuote(s.charAt(0));
    }

    static String stripPunct(String tok) {
        int a = 0;
        int b = tok.length();
        while (a < b && !Character.isLetterOrDigit(tok.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(tok.charAt(b - 1))) {
            b--;
        }
        return tok.substring(a, b);
    }

    /** True if the line looks like a host name ({@code kompas.com}, {@code VIVA.co.id}). */
    static boolean domainLike(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.matches("(?:www\\.)?[\\p{L}\\d][\\p{L}\\d-]{0,40}(?:\\.[a-z]{2,6}){1,3}");
    }
}
