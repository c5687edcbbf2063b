package io.newspipe.enrich.tag;

import io.newspipe.enrich.text.ChunkTable;
import io.newspipe.enrich.text.ChunkedText;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What one analyzer's filters (possessive, lower case, stop words, stemmer) make of a single word, remembered:
 * the words of a text come from {@link StandardWords}, and each distinct word is analysed by the analyzer itself
 * once, not once per article. The filters of the taxonomy's analyzers look at one word at a time, so a word's
 * result does not depend on its neighbours; a word whose analysis is not exactly one term or nothing is reported
 * as {@link #IRREGULAR} (as is one that alone would not tokenize to itself) and the caller analyses that text the
 * slow way.
 *
 * <p>The answer is a code: the id of the stem among the lexicon's stems (0 or more), {@link #OTHER_STEM} for a
 * stem no term uses, {@link #STOP_WORD} for a word the filters remove. Thread-safe: each thread keeps its own table
 * of at most {@value #CAPACITY} words (looked up by the characters in the text, without copying them), beyond which
 * new words are analysed each time.
 */
final class StemCache {

    /** A word that analyses to a stem no taxonomy term has. */
    static final int OTHER_STEM = -1;
    /** A word the analyzer removes (a stop word): no term, but it takes a position. */
    static final int STOP_WORD = -2;
    /** A word that analyses to more than one term: the text must go through the whole analyzer. */
    static final int IRREGULAR = -3;

    private static final int CAPACITY = 100_000;

    private final Analyzer analyzer;
    private final ToIntFunction<String> stemIds;
    private final ThreadLocal<ChunkTable<Integer>> tables = ThreadLocal.withInitial(() -> new ChunkTable<>(CAPACITY));

    /**
     * @param analyzer the analyzer whose filters decide
     * @param stemIds  the id of a stem in the lexicon, or {@link #OTHER_STEM}
     */
    StemCache(Analyzer analyzer, ToIntFunction<String> stemIds) {
        this.analyzer = analyzer;
        this.stemIds = stemIds;
    }

    /** The code of the word {@code text[start, end)} as the tokenizer found it. */
    int code(char[] text, int start, int end) {
        ChunkTable<Integer> table = tables.get();
        int hash = ChunkedText.hash(text, start, end);
        Integer known = table.get(text, start, end, hash);
        if (known != null) {
            return known;
        }
        int code = analyse(new String(text, start, end - start));
        table.put(text, start, end, hash, code);
        return code;
    }

    private int analyse(String word) {
        if (!tokenizesToItself(word)) {
            return IRREGULAR; // alone, the word would not be the word the tokenizer found in the text
        }
        AnalysedText analysed = AnalysedText.of(analyzer, word);
        if (analysed.size() == 0) {
            return STOP_WORD;
        }
        if (analysed.size() > 1 || analysed.positions()[0] != 0) {
            return IRREGULAR;
        }
        return stemIds.applyAsInt(analysed.terms()[0]);
    }

    private static boolean tokenizesToItself(String word) {
        List<String> words = new ArrayList<>(1);
        new StandardWords().read(word, (text, start, end, increment) -> words.add(new String(text, start, end - start)));
        return words.size() == 1 && words.get(0).equals(word);
    }
}
