package io.newspipe.enrich.tag;

import io.newspipe.enrich.text.ChunkedText;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Finds the words Lucene's {@link StandardTokenizer} finds (Unicode word boundaries, UAX #29), in the same order
 * and with the same position increments, reading plain text itself and handing Lucene only what it cannot read.
 *
 * <p>Text is cut into chunks at ASCII white space ({@link ChunkedText}), which no word crosses and after which the
 * tokenizer starts afresh. A chunk made only of the characters in {@link #classOf(char)}'s table (ASCII, the Latin-1 and Latin
 * Extended-A letters, typographic quotes, dashes and the bullet) is split here by the word-boundary rules those
 * characters take part in: letters and digits join each other and the connector {@code _}; a full stop, an
 * apostrophe or a single quotation mark joins two letters or two digits, a colon two letters, a comma or a
 * semicolon two digits. Any other chunk (another script, an emoji, a format character, or a chunk longer than the
 * tokenizer's 255-character limit) goes through a {@link StandardTokenizer} of its own. The tokenizers of the
 * taxonomy's analyzers are default {@code StandardTokenizer}s, so the words and positions are theirs (a text that
 * ends in half a surrogate pair, which makes the tokenizer drop words, goes to it whole); a
 * differential test holds the two to the same output on the corpus and on mutated text.
 *
 * <p>Instances are cheap and single-threaded: one per text being read.
 */
final class StandardWords {

    /**
     * Receives each word, the characters {@code text[start, end)} (valid during the call only), with its position
     * increment (1, more after a word the tokenizer skipped).
     */
    interface Sink {
        void word(char[] text, int start, int end, int positionIncrement);
    }

    private static final int LONGEST_PLAIN_CHUNK = 255;

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte CONNECTOR = 3;
    private static final byte MID_LETTER = 4;
    private static final byte MID_NUMBER_OR_LETTER = 5;
    private static final byte MID_NUMBER = 6;
    private static final byte SPACE = 7;
    private static final byte UNREAD = 8;

    private static final byte[] CLASSES = classes();

    private StandardTokenizer tokenizer;
    private int carriedSkips;

    /** Reports every word of {@code text} to {@code sink}. */
    void read(String text, Sink sink) {
        read(ChunkedText.of(text), sink);
    }

    /** Reports every word of a text cut into chunks to {@code sink}. */
    void read(ChunkedText text, Sink sink) {
        carriedSkips = 0;
        if (endsInHalfPair(text)) {
            readWithLucene(text.text(), sink);
            return;
        }
        for (int k = 0; k < text.chunks(); k++) {
            readChunk(text, k, sink);
        }
    }

    /**
     * Whether a text ends in half a surrogate pair: the tokenizer then drops the words of its last buffer, and where
     * that buffer starts is its own business, so such a text is read by the tokenizer whole.
     */
    static boolean endsInHalfPair(ChunkedText text) {
        return text.length() > 0 && Character.isHighSurrogate(text.chars()[text.length() - 1]);
    }

    /** Reports the words of chunk {@code k} of a text that does not {@link #endsInHalfPair(ChunkedText)}. */
    void readChunk(ChunkedText text, int k, Sink sink) {
        int start = text.start(k);
        int end = text.end(k);
        if (isPlain(text.chars(), start, end)) {
            readPlain(text.chars(), start, end, sink);
        } else {
            // with the white space after it, so that half a surrogate pair does not end the chunk
            readWithLucene(text.text().substring(start, Math.min(text.length(), end + 1)), sink);
        }
    }

    /** Whether a chunk is read here (short enough, and only characters of the table) rather than by Lucene. */
    static boolean isPlain(char[] text, int from, int to) {
        if (to - from > LONGEST_PLAIN_CHUNK) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (classOf(text[i]) == UNREAD) {
                return false;
            }
        }
        return true;
    }

    /**
     * The skipped positions (words too long to keep at the end of a chunk Lucene read) that the next word's
     * increment must add, forgotten once taken.
     */
    int takeCarriedSkips() {
        int skips = carriedSkips;
        carriedSkips = 0;
        return skips;
    }

    /** Reports the words of a plain chunk {@code text[from, to)}, the first one after any carried skips. */
    void readPlain(char[] text, int from, int to, Sink sink) {
        int i = from;
        while (i < to) {
            byte first = classOf(text[i]);
            if (first != LETTER && first != DIGIT && first != CONNECTOR) {
                i++;
                continue;
            }
            boolean hasLetterOrDigit = first != CONNECTOR;
            byte last = first;
            int j = i + 1;
            while (j < to) {
                byte c = classOf(text[j]);
                if (c == LETTER || c == DIGIT || c == CONNECTOR) {
                    hasLetterOrDigit |= c != CONNECTOR;
                    last = c;
                    j++;
                } else if (j + 1 < to && joinsAcross(last, c, classOf(text[j + 1]))) {
                    last = classOf(text[j + 1]);
                    j += 2;
                } else {
                    break;
                }
            }
            if (hasLetterOrDigit) {
                sink.word(text, i, j, 1 + carriedSkips);
                carriedSkips = 0;
            }
            i = j;
        }
    }

    /** Whether a middle character joins the letter or digit before it to the one after it. */
    private static boolean joinsAcross(byte before, byte middle, byte after) {
        if (before == LETTER && after == LETTER) {
            return middle == MID_LETTER || middle == MID_NUMBER_OR_LETTER;
        }
        if (before == DIGIT && after == DIGIT) {
            return middle == MID_NUMBER || middle == MID_NUMBER_OR_LETTER;
        }
        return false;
    }

    private void readWithLucene(String chunk, Sink sink) {
        if (tokenizer == null) {
            tokenizer = new StandardTokenizer();
        }
        CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = tokenizer.addAttribute(PositionIncrementAttribute.class);
        try {
            tokenizer.setReader(new StringReader(chunk));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                sink.word(term.buffer(), 0, term.length(), increment.getPositionIncrement() + carriedSkips);
                carriedSkips = 0;
            }
            tokenizer.end();
            carriedSkips += increment.getPositionIncrement(); // words too long to keep, at the chunk's end
            tokenizer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for a String reader
        }
    }

    /** The word-boundary class of a character, {@link #UNREAD} for one this class leaves to Lucene. */
    private static byte classOf(char c) {
        return c < CLASSES.length ? CLASSES[c] : UNREAD;
    }

    private static byte[] classes() {
        byte[] classes = new byte[0x2100];
        for (char c = 0; c < classes.length; c++) {
            classes[c] = c < 0x80 ? asciiClass(c) : c < 0x180 ? latinClass(c) : switch (c) {
                case '\u2018', '\u2019' -> MID_NUMBER_OR_LETTER;
                case '\u201C', '\u201D', '\u2013', '\u2014', '\u2022' -> OTHER;
                default -> UNREAD;
            };
        }
        return classes;
    }

    private static byte latinClass(char c) {
        return c >= 0xC0 && c != 0xD7 && c != 0xF7 ? LETTER : UNREAD;
    }

    private static byte asciiClass(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return LETTER;
        }
        if (c >= '0' && c <= '9') {
            return DIGIT;
        }
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r' -> SPACE;
            case '_' -> CONNECTOR;
            case ':' -> MID_LETTER;
            case '.', '\'' -> MID_NUMBER_OR_LETTER;
            case ',', ';' -> MID_NUMBER;
            default -> c < 0x20 || c == 0x7F ? UNREAD : OTHER;
        };
    }
}
