package io.newspipe.enrich.clean;

import java.util.Locale;

/**
 * What the line classifier reads from one line's text alone, measured in one scan of its characters: its length,
 * casing, punctuation, digits and the share of the pack vocabulary's function and stop words among its first
 * words. A function of the text only, so it is computed once per line and kept on its {@link PageLine} across
 * passes.
 *
 * @param words             whitespace-separated words (counted up to 64)
 * @param capitalised       share of the first words (function words left out) that start with a capital or a digit
 * @param upperCase         share of the letters that are capitals
 * @param functionWords     share of the first words that are the packs' function or stop words
 * @param endsSentence      the line ends like a sentence ({@link Text#endsSentence})
 * @param colon             it holds a colon
 * @param endsWithColon     its last character is a colon
 * @param pipe              it holds a vertical bar
 * @param bullet            it opens with a bullet or a dash
 * @param quote             it opens with a quotation mark
 * @param bracket           it opens with a parenthesis or a bracket
 * @param digits            share of its letters and digits that are digits
 * @param time              it holds a clock time such as {@code 10:45} or {@code 10.45}
 * @param year              it holds a four-digit number from 1900 to 2099
 * @param link              it holds a web address, an e-mail address or a handle ({@code http}, {@code www.},
 *                          {@code @})
 */
record LineShape(int words, double capitalised, double upperCase, double functionWords, boolean endsSentence,
                 boolean colon, boolean endsWithColon, boolean pipe, boolean bullet, boolean quote, boolean bracket,
                 double digits, boolean time, boolean year, boolean link) {

    /** How many characters are scanned for casing, punctuation and digits: a label, a caption or a lead's start. */
    static final int CHARACTERS_READ = 200;

    /** How many words are read for casing and function words: enough for a label, a caption's start or a lead. */
    static final int WORDS_READ = 16;

    /** The shape of {@code text} (already stripped), with the packs' function and stop words. */
    static LineShape of(String text, int words, WordClasses vocabulary) {
        int length = Math.min(text.length(), CHARACTERS_READ);
        int letters = 0;
        int capitals = 0;
        int digitCount = 0;
        boolean colon = false;
        boolean pipe = false;
        boolean time = false;
        boolean year = false;
        boolean link = false;
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digitCount++;
                run++;
                continue;
            }
            if (run == 4 && (text.charAt(i - 4) == '1' && text.charAt(i - 3) == '9'
                    || text.charAt(i - 4) == '2' && text.charAt(i - 3) == '0')) {
                year = true;
            }
            if ((c == ':' || c == '.') && run >= 1 && run <= 2 && i + 2 < length
                    && Character.isDigit(text.charAt(i + 1)) && Character.isDigit(text.charAt(i + 2))
                    && (i + 3 == length || !Character.isDigit(text.charAt(i + 3)))) {
                time = true;
            }
            run = 0;
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            } else if (c == ':') {
                colon = true;
            } else if (c == '|') {
                pipe = true;
            } else if (c == '@' || c == 'w' && text.startsWith("www.", i) || c == 'h' && text.startsWith("http", i)) {
                link = true;
            }
        }
        if (run == 4 && (text.charAt(length - 4) == '1' && text.charAt(length - 3) == '9'
                || text.charAt(length - 4) == '2' && text.charAt(length - 3) == '0')) {
            year = true;
        }
        int first = text.isEmpty() ? 0 : text.charAt(0);
        WordShares shares = WordShares.of(text, vocabulary);
        return new LineShape(words, shares.capitalised(), share(capitals, letters),
                shares.functionWords(), Text.endsSentence(text), colon,
                !text.isEmpty() && text.charAt(text.length() - 1) == ':', pipe, isBullet(first),
                Text.startsWithQuote(text),
                first == '(' || first == '[', share(digitCount, digitCount + letters), time, year, link);
    }

    /** True if {@code text} opens with a bullet or a dash. */
    static boolean isBullet(String text) {
        return !text.isEmpty() && isBullet(text.charAt(0));
    }

    private static boolean isBullet(int c) {
        return c == '•' || c == '·' || c == '▪' || c == '►' || c == '-' || c == '–' || c == '—' || c == '*'
                || c == '>' || c == '»';
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * One scan of the first {@link #WORDS_READ} words of a line: the share of words (function words left out) that
     * start with a capital or a digit, and the share that are function or stop words of the packs.
     */
    private record WordShares(double capitalised, double functionWords) {

        static WordShares of(String text, WordClasses vocabulary) {
            int seen = 0;
            int counted = 0;
            int capitalised = 0;
            int function = 0;
            int i = 0;
            int length = text.length();
            while (i < length && seen < WORDS_READ) {
                while (i < length && !Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < length && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    break;
                }
                seen++;
                int end = i;
                while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
                    end--;
                }
                String word = text.substring(start, end).toLowerCase(Locale.ROOT);
                int classes = vocabulary.of(word);
                boolean isFunction = (classes & WordClasses.FUNCTION) != 0;
                if (classes != 0) {
                    function++;
                }
                char c = text.charAt(start);
                if (Character.isUpperCase(c) || Character.isDigit(c)) {
                    counted++;
                    capitalised++;
                } else if (!isFunction) {
                    counted++;
                }
            }
            return new WordShares(counted == 0 ? 0 : (double) capitalised / counted,
                    seen == 0 ? 0 : (double) function / seen);
        }
    }
}
