package io.newspipe.enrich.lang;

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

    private final String[] words;
    private final int[] hashes;
    private final int[] slots; // table slot -> word index, ABSENT where free
    final boolean[] english;
    final boolean[] malay;
    final double[] indonesianWeight;
    final double[] malayWeight;

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
        java.util.Arrays.fill(slots, ABSENT);
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
        char[] s = text.toCharArray(); // read twice over: an array the compiler can range-check once
        int tokens = 0;
        int englishHits = 0;
        int malayHits = 0;
        double idScore = 0;
        double msScore = 0;
        int letters = 0;
        int latin = 0;
        int start = -1;
        for (int i = 0; i <= s.length; i++) {
            if (i < s.length && isLetter(s[i])) { // what mostlyLatin counts, in the same pass
                letters++;
                latin += s[i] < 0x80 || Character.UnicodeScript.of(s[i]) == Character.UnicodeScript.LATIN ? 1 : 0;
            }
            char c = i < s.length ? lowerCase(s[i]) : ' ';
            boolean inWord = c == '-' || c == '\'' || (c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLetter(c));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                int from = start;
                int to = i;
                while (from < to && (s[from] == '-' || s[from] == '\'')) {
                    from++;
                }
                while (to > from && (s[to - 1] == '-' || s[to - 1] == '\'')) {
                    to--;
                }
                if (from < to) {
                    tokens++;
                    int word = indexOf(s, from, to);
                    if (word != ABSENT) {
                        englishHits += english[word] ? 1 : 0;
                        if (malay[word]) {
                            malayHits++;
                            idScore += indonesianWeight[word];
                            msScore += malayWeight[word];
                        }
                    }
                }
                start = -1;
            }
        }
        return new LanguageDetector.WordCounts(tokens, englishHits, malayHits, idScore, msScore,
                letters > 0 && latin * 2 >= letters);
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
