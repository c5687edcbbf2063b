package io.newspipe.enrich.tag;

import io.newspipe.enrich.text.ChunkedText;
import org.apache.lucene.analysis.Analyzer;

/** The taxonomy terms of one language, and how they score a text. */
interface Lexicon {

    /** Makes an empty lexicon for terms and texts analysed by {@code analyzer}, with {@code labels} labels. */
    interface Factory {
        Lexicon create(Analyzer analyzer, int labels);
    }

    /** Adds a term; returns its number of analysed tokens (0: the term can never match and is skipped). */
    int add(int label, Taxonomy.Term term);

    /** Ends the adding of terms; the lexicon is thread-safe from then on. */
    void compile();

    /** The raw score of every label for a title and a body, with each term's contribution. */
    LabelScores score(ChunkedText title, ChunkedText body, double titleWeight, double[] labelWeights);
}
