package io.newspipe.enrich.clean;

import java.util.HashMap;
import java.util.Map;

/**
 * The packs' function and stop words ({@link Vocabulary}) in one map, so the line classifier's features ask once
 * per word what kind of word it is.
 */
final class WordClasses {

    static final int FUNCTION = 1;
    static final int STOP = 2;

    private final Map<String, Integer> classes = new HashMap<>();

    WordClasses(Vocabulary vocabulary) {
        vocabulary.functionWords().forEach(word -> classes.merge(word, FUNCTION, (a, b) -> a | b));
        vocabulary.stopWords().forEach(word -> classes.merge(word, STOP, (a, b) -> a | b));
    }

    /** The classes of a lower-case word: {@link #FUNCTION} and {@link #STOP} bits, 0 for any other word. */
    int of(String word) {
        Integer found = classes.get(word);
        return found == null ? 0 : found;
    }
}
