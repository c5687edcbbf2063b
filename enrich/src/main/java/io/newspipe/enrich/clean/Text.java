package io.newspipe.enrich.clean;

import io.newspipe.enrich.text.TextNormaliser;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the cleaner and its tests. All are linear in the input. */
public final class Text {

    private Text() {
    }

    /** The shared normal form of text ({@link TextNormaliser}): lower case, one space between words. */
    public static String norm(String s) {
        return TextNormaliser.normalise(s);
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

    /**
     * True if the line ends like a sentence (a full stop, a question or exclamation mark, a closing quote), before
     * a final line terminator if there is one: what {@code [.!?"”]$} finds, read from the end instead of searched for
     * from the start.
     */
    static boolean endsSentence(String s) {
        int end = s.length();
        if (end >= 2 && s.charAt(end - 2) == '\r' && s.charAt(end - 1) == '\n') {
            end -= 2;
        } else if (end >= 1 && isLineTerminator(s.charAt(end - 1))) {
            end -= 1;
        }
        if (end == 0) {
            return false;
        }
        char last = s.charAt(end - 1);
        return last == '.' || last == '!' || last == '?' || last == '"' || last == '”';
    }

    /** The line terminators of {@link Pattern} outside UNIX_LINES mode. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** A named group of a match, stripped, or null when the group is absent from the pattern or did not take part. */
    static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null ? null : g.strip();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True if the text before {@code pos} ends a sentence (after optional spaces). */
    static boolean afterSentence(String s, int pos) {
        int k = pos - 1;
        while (k >= 0 && Character.isWhitespace(s.charAt(k))) {
            k--;
        }
        return k >= 0 && ".!?\"”'’)".indexOf(s.charAt(k)) >= 0;
    }

    /** The first letter or digit of {@code s} in lower case, or -1. */
    static int firstAlphanumericLower(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return Character.toLowerCase(cp);
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** True if {@code s} has letters and all of them are upper case. */
    static boolean isUpper(String s) {
        if (s == null) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    /** {@code s} stripped, without the brackets around it. */
    static String stripBrackets(String s) {
        String x = s.strip();
        if (x.length() >= 2 && (x.charAt(0) == '(' || x.charAt(0) == '[')) {
            x = x.substring(1, x.length() - 1);
        }
        return x.strip();
    }

    /** End of the sentence that contains {@code from} (after its final punctuation), at most 400 chars on. */
    static int sentenceEnd(String s, int from) {
        int limit = Math.min(s.length(), from + 400);
        for (int k = from; k < limit; k++) {
            char c = s.charAt(k);
            if ((c == '.' || c == '!' || c == '?') && (k + 1 == s.length() || Character.isWhitespace(s.charAt(k + 1)))) {
                return k + 1;
            }
        }
        return limit == s.length() ? limit : from;
    }
}
