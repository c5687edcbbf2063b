package io.newspipe.enrich.clean;

/**
 * One input line of the page being cleaned: its text (trailing white space removed) and its 1-based number in the
 * input. A line that survives a pass unchanged is handed to the next pass as the same object, so the failures
 * remembered on it stay valid: each is a function of the text alone.
 */
final class PageLine {

    final String text;
    final int number;
    /** Whole-line tests on the stripped text already known to fail, one byte per slot of {@link CompiledRules}. */
    private byte[] lineFailures;
    /** The same for the searches of the inline stage on {@link #text}. */
    private byte[] inlineFailures;
    /** Per anchored pattern, where its last anchor starts in {@link #text}, or -1: one scan, on first use. */
    private int[] anchorStarts;
    /** The content stems of the stripped text, as the teaser heuristic compares lines, on first use. */
    private Teasers.LineStems stems;
    /**
     * Where its last digit is ({@link Character#isDigit}; half of a surrogate pair counts, as it may be one), -1 if
     * it has none, {@link #UNKNOWN} before first use.
     */
    private int lastDigit = UNKNOWN;
    private static final int UNKNOWN = -2;
    /** What the line classifier reads from the stripped text, on first use. */
    private LineShape shape;
    /** The words the line classifier compares with the headline, on first use. */
    private LineFeatures.LineWords lineWords;
    /** The start the line classifier compares with other lines' starts, on first use. */
    private String start;
    /** Its words, counted up to {@link #WORDS_KEPT} on first use; -1 before. */
    private int wordsUpToKept = -1;

    /** The word counts the families ask for are small: this many are counted once and kept. */
    private static final int WORDS_KEPT = 64;

    PageLine(String text, int number) {
        this.text = text;
        this.number = number;
    }

    byte[] lineFailures(int slots) {
        if (lineFailures == null) {
            lineFailures = new byte[slots];
        }
        return lineFailures;
    }

    int[] anchorStarts(AnchorIndex index) {
        if (anchorStarts == null) {
            anchorStarts = index.scan(text);
        }
        return anchorStarts;
    }

    /** Index of the last digit of {@link #text}, or -1 when it has none; found once. */
    int lastDigit() {
        if (lastDigit == UNKNOWN) {
            int at = text.length() - 1;
            while (at >= 0 && !Character.isDigit(text.charAt(at)) && !Character.isSurrogate(text.charAt(at))) {
                at--;
            }
            lastDigit = at;
        }
        return lastDigit;
    }

    LineShape shape(String stripped, WordClasses vocabulary) {
        if (shape == null) {
            shape = LineShape.of(stripped, words(WORDS_KEPT), vocabulary);
        }
        return shape;
    }

    String start(String stripped) {
        if (start == null) {
            start = LineFeatures.start(stripped);
        }
        return start;
    }

    LineFeatures.LineWords lineWords(String stripped, WordClasses vocabulary) {
        if (lineWords == null) {
            lineWords = LineFeatures.LineWords.of(stripped, vocabulary);
        }
        return lineWords;
    }

    Teasers.LineStems stems(Vocabulary vocabulary) {
        if (stems == null) {
            stems = Teasers.LineStems.of(vocabulary, text.strip());
        }
        return stems;
    }

    /** Its words up to {@code cap}, as {@link Text#words(String, int)} counts them (white space ends a word). */
    int words(int cap) {
        if (cap > WORDS_KEPT) {
            return Text.words(text, cap);
        }
        if (wordsUpToKept < 0) {
            wordsUpToKept = Text.words(text, WORDS_KEPT);
        }
        return Math.min(wordsUpToKept, cap);
    }

    byte[] inlineFailures(int slots) {
        if (inlineFailures == null) {
            inlineFailures = new byte[slots];
        }
        return inlineFailures;
    }
}
