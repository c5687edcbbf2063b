package io.newspipe.enrich.tag;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terms of a text after a whole Lucene analysis chain, with their positions (a removed stop word leaves a gap).
 *
 * @param terms     the analysed terms in text order
 * @param positions the position of each term, counted from 0
 */
record AnalysedText(String[] terms, int[] positions) {

    int size() {
        return terms.length;
    }

    /** Runs {@code analyzer} over {@code text}. */
    static AnalysedText of(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        int[] positions = new int[16];
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                if (terms.size() == positions.length) {
                    positions = Arrays.copyOf(positions, positions.length * 2);
                }
                positions[terms.size()] = position;
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for a String reader
        }
        return new AnalysedText(terms.toArray(String[]::new), Arrays.copyOf(positions, terms.size()));
    }
}
