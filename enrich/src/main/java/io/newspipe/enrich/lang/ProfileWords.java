package io.newspipe.enrich.lang;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every word the language profiles name, compiled into one table: for each, whether it is an English function word,
 * a Malay-family word, and its Indonesian and Malay marker weights. Looked up by the characters of a word in the
 * text, lower-cased as they are read, so counting a text's words makes no string per word. Immutable and
 * thread-safe.
 */
final class ProfileWords {

    /** The index of a word not in the table. */
    static final int ABSENT = -1;
    private static final int[] NO_HITS = new int[0];

    private final String[] words;
    private final int[] hashes;
    private final int[] slots; // table slot -> word index, ABSENT where free
    private final boolean[] english;
    private final boolean[] malay;
    private final double[] indonesianWeight;
    private final double[] malayWeight;

    ProfileWords(Set<String> englishWords, Set<String> malayWords, Map<String, Double> idMarkers,
                 Map<String, Double> msMarkers) {
        Set<String> all = new TreeSet<>(englishWords);
        all.addAll(malayWords);
        words = all.toArray(String[]::new);
        hashes = new int[words.length];
        english = new boolean[words.length];
        malay = new boolean[words.length];
        indonesianWeight = new double[words.length];
        malayWeight = new double[words.length];
        slots = new int[Integer.highestOneBit(Math.max(4, words.length * 4))];
        Arrays.fill(slots, ABSENT);
        for (int i = 0; i < words.length; i++) {
            english[i] = englishWords.contains(words[i]);
            malay[i] = malayWords.contains(words[i]);
            indonesianWeight[i] = idMarkers.getOrDefault(words[i], 0.0);
            malayWeight[i] = msMarkers.getOrDefault(words[i], 0.0);
            hashes[i] = hash(words[i].toCharArray(), 0, words[i].length());
            int slot = hashes[i] & (slots.length - 1);
            while (slots[slot] != ABSENT) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = i;
        }
    }

    /** The index of the word {@code text[from, to)} lower-cased, or {@link #ABSENT}. */
    int indexOf(char[] text, int from, int to) {
        int hash = hash(text, from, to);
        for (int slot = hash & (slots.length - 1); slots[slot] != ABSENT; slot = (slot + 1) & (slots.length - 1)) {
            int i = slots[slot];
            if (hashes[i] == hash && sameLowerCase(words[i], text, from, to)) {
                return i;
            }
        }
        return ABSENT;
    }

    private static int hash(char[] text, int from, int to) {
        int h = 0;
        for (int k = from; k < to; k++) {
            h = 31 * h + lowerCase(text[k]);
        }
        return h ^ (h >>> 16);
    }

    private static boolean sameLowerCase(String word, char[] text, int from, int to) {
        if (word.length() != to - from) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) != lowerCase(text[from + k])) {
                return false;
            }
        }
        return true;
    }

    /** The words of a text (as {@link LanguageDetector#tokenize(String)} finds them) that this table holds. */
    LanguageDetector.WordCounts count(String text) {
        Tally tally = new Tally(false);
        char[] s = text.toCharArray(); // read twice over: an array the compiler can range-check once
        scan(s, 0, s.length, tally);
        return tally.counts();
    }

    /**
     * What {@link #count(String)} adds up for the text {@code text[from, to)} standing alone, with the words this
     * table holds in order: a chunk between white space, whose counts add to those of the chunks around it.
     */
    ChunkWords chunkWords(char[] text, int from, int to) {
        Tally tally = new Tally(true);
        scan(text, from, to, tally);
        return new ChunkWords(tally.tokens, tally.letters, tally.latin, tally.recordedHits(),
                LanguageDetector.lowerCasesCharByChar(text, from, to));
    }

    /**
     * The counts of one chunk of a text.
     *
     * @param hits             the indexes of the chunk's words this table holds, in text order
     * @param lowersCharByChar whether the chunk lower-cases character by character (else the text is counted from
     *                         its word strings)
     */
    record ChunkWords(int tokens, int letters, int latin, int[] hits, boolean lowersCharByChar) {
    }

    /** A new tally to add a text's chunks to. */
    Tally tally() {
        return new Tally(false);
    }

    private void scan(char[] s, int from, int to, Tally tally) {
        int start = -1;
        for (int i = from; i <= to; i++) {
            if (i < to && isLetter(s[i])) { // what mostlyLatin counts, in the same pass
                tally.letters++;
                tally.latin += s[i] < 0x80 || Character.UnicodeScript.of(s[i]) == Character.UnicodeScript.LATIN ? 1 : 0;
            }
            char c = i < to ? lowerCase(s[i]) : ' ';
            boolean inWord = c == '-' || c == '\'' || (c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLetter(c));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                int wordFrom = start;
                int wordTo = i;
                while (wordFrom < wordTo && (s[wordFrom] == '-' || s[wordFrom] == '\'')) {
                    wordFrom++;
                }
                while (wordTo > wordFrom && (s[wordTo - 1] == '-' || s[wordTo - 1] == '\'')) {
                    wordTo--;
                }
                if (wordFrom < wordTo) {
                    tally.tokens++;
                    int word = indexOf(s, wordFrom, wordTo);
                    if (word != ABSENT) {
                        tally.hit(word);
                    }
                }
                start = -1;
            }
        }
    }

    /** Running counts of a text's words, in text order (the marker weights are summed in that order). */
    final class Tally {
        private int tokens;
        private int english;
        private int malay;
        private double indonesianScore;
        private double malayScore;
        private int letters;
        private int latin;
        private int[] recorded; // the hits in order, when a chunk's are kept
        private int recordedCount;

        private Tally(boolean record) {
            recorded = record ? new int[4] : null;
        }

        private void hit(int word) {
            if (recorded != null) {
                if (recordedCount == recorded.length) {
                    recorded = Arrays.copyOf(recorded, recordedCount * 2);
                }
                recorded[recordedCount++] = word;
            }
            english += ProfileWords.this.english[word] ? 1 : 0;
            if (ProfileWords.this.malay[word]) {
                malay++;
                indonesianScore += indonesianWeight[word];
                malayScore += malayWeight[word];
            }
        }

        private int[] recordedHits() {
            return recordedCount == 0 ? NO_HITS : Arrays.copyOf(recorded, recordedCount);
        }

        /** Adds a chunk's counts, its hits one by one in order. */
        void add(ChunkWords chunk) {
            tokens += chunk.tokens();
            letters += chunk.letters();
            latin += chunk.latin();
            for (int word : chunk.hits()) {
                hit(word);
            }
        }

        LanguageDetector.WordCounts counts() {
            return new LanguageDetector.WordCounts(tokens, english, malay, indonesianScore, malayScore,
                    letters > 0 && latin * 2 >= letters);
        }
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c);
    }

    /** {@link Character#toLowerCase(char)}, without a table look-up for ASCII. */
    static char lowerCase(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }
}
