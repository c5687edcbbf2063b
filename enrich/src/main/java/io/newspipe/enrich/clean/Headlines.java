package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** What a headline looks like, where one ends inside a line, and how one is tidied before it is reported. */
final class Headlines {

    static final int MAX_WORDS = 30;
    static final int MAX_CHARS = 250;

    private static final Pattern TRAILING_CODE =
            Pattern.compile("\\s{0,3}\\((?:[a-z][a-z0-9]{1,5}(?:/[a-z0-9]{2,8}){0,2}|\\*{1,3})\\)$");

    private Headlines() {
    }

    /** The headline without a trailing writer code and without separators at its ends. */
    static String clean(String headline) {
        String s = headline.strip();
        if (s.endsWith(")")) {
            s = TRAILING_CODE.matcher(s).replaceFirst("");
        }
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ':' || s.charAt(a) == '|' || s.charAt(a) == '-' || s.charAt(a) == '–'
                || s.charAt(a) == '»' || Character.isWhitespace(s.charAt(a)))) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ',' || s.charAt(b - 1) == ';' || s.charAt(b - 1) == ':'
                || s.charAt(b - 1) == '-' || s.charAt(b - 1) == '|' || s.charAt(b - 1) == '»'
                || Character.isWhitespace(s.charAt(b - 1)))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** A short line that is not a quote and, if it ends with a full stop, is mostly capitalised. */
    static boolean looksLikeOne(String s, int maxWords, Vocabulary vocabulary) {
        return !Text.startsWithQuote(s) && looksLikeListItem(s, maxWords, vocabulary);
    }

    /**
     * Whether a line under a confirmed related-list header reads like one of its headlines: as
     * {@link #looksLikeOne}, but a headline may open with a quote there ("'A true friend', says ...").
     */
    static boolean looksLikeListItem(String s, int maxWords, Vocabulary vocabulary) {
        if (s.length() > MAX_CHARS) {
            return false;
        }
        if (Text.words(s, maxWords + 1) > maxWords) {
            return false;
        }
        return !s.endsWith(".") || vocabulary.titleCaseShare(s) >= 0.6;
    }

    /** True if a headline can start with this character. */
    static boolean canStartWith(int c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '\'' || c == '‘';
    }

    /**
     * The end of a headline that starts at {@code from}: a run of capitalised words, numbers and lowercase
     * function words. A lowercase word ends it, and the capitalised word before that word is given back to the
     * sentence that follows (or from a known sentence starter on); a quote or a bracket ends it without giving
     * anything back.
     */
    static int end(String s, int from, int limit, Set<String> starters, Vocabulary vocabulary) {
        int pos = from;
        List<int[]> tokens = new ArrayList<>();
        List<Integer> types = new ArrayList<>(); // 0 other, 1 capital/digit, 2 function word
        boolean backoff = false;
        while (pos < limit && tokens.size() < 25) {
            while (pos < limit && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            if (pos >= limit) {
                break;
            }
            int end = pos;
            while (end < limit && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            char c0 = s.charAt(pos);
            if ((Text.isQuote(c0) || c0 == '(' || c0 == '[') && !tokens.isEmpty()) {
                break;
            }
            String token = s.substring(pos, end);
            String word = Text.stripPunct(token);
            int type;
            if (word.isEmpty()) {
                type = 0;
            } else {
                int c = word.codePointAt(0);
                if (Character.isUpperCase(c) || Character.isDigit(c)) {
                    type = 1;
                } else if (vocabulary.isFunctionWord(word)) {
                    type = 2;
                } else {
                    backoff = true;
                    break;
                }
            }
            tokens.add(new int[] {pos, end});
            types.add(type);
            pos = end;
            if (token.endsWith(".") && word.length() > 3 && type == 1) {
                break;
            }
        }
        int k = tokens.size();
        if (backoff) {
            while (k > 0 && types.get(k - 1) != 1) {
                k--;
            }
            // the next sentence may open with a known starter ("Presiden Joko Widodo mengatakan ...")
            int cut = -1;
            for (int x = k - 1; x >= Math.max(2, k - 5) && types.get(x) != 2; x--) {
                int[] token = tokens.get(x);
                if (starters.contains(Text.stripPunct(s.substring(token[0], token[1])).toLowerCase(java.util.Locale.ROOT))) {
                    cut = x;
                }
            }
            if (cut >= 2) {
                k = cut;
            } else if (k >= 3) {
                k--;
            }
            while (k > 0 && types.get(k - 1) != 1) {
                k--;
            }
        }
        if (k == 0) {
            return from;
        }
        int end = tokens.get(k - 1)[1];
        while (end > from && ",;:-".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
