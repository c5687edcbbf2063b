package io.newspipe.enrich.tag;

import io.newspipe.enrich.text.ChunkedText;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lexicon as it was before terms were compiled and words stemmed once: every title and body runs through the
 * whole Lucene analysis chain, and terms match as strings. Kept in the tests only, as the reference the
 * differential test holds {@link CompiledLexicon} to.
 */
final class WholeChainLexicon implements Lexicon {

    private record Phrase(String[] tokens, int[] offsets, int label, String surface, double weight) {
    }

    private final Analyzer analyzer;
    private final int labels;
    private final Map<String, List<Phrase>> byFirst = new HashMap<>();
    private final Map<String, Phrase> byKey = new HashMap<>();

    WholeChainLexicon(Analyzer analyzer, int labels) {
        this.analyzer = analyzer;
        this.labels = labels;
    }

    @Override
    public int add(int label, Taxonomy.Term term) {
        AnalysedText toks = AnalysedText.of(analyzer, term.text());
        if (toks.size() == 0) {
            return 0;
        }
        int[] offsets = new int[toks.size()];
        StringBuilder key = new StringBuilder().append(label);
        for (int k = 0; k < toks.size(); k++) {
            offsets[k] = toks.positions()[k] - toks.positions()[0];
            key.append('\u0000').append(offsets[k]).append(':').append(toks.terms()[k]);
        }
        Phrase existing = byKey.get(key.toString());
        if (existing != null) {
            if (existing.weight() >= term.weight()) {
                return toks.size();
            }
            byFirst.get(existing.tokens()[0]).remove(existing);
        }
        Phrase p = new Phrase(toks.terms(), offsets, label, term.text(), term.weight());
        byKey.put(key.toString(), p);
        byFirst.computeIfAbsent(p.tokens()[0], k -> new ArrayList<>(2)).add(p);
        return toks.size();
    }

    @Override
    public void compile() {
    }

    @Override
    public LabelScores score(ChunkedText title, ChunkedText body, double titleWeight, double[] labelWeights) {
        Map<Phrase, int[]> hits = new LinkedHashMap<>();
        match(AnalysedText.of(analyzer, title.text()), hits, 0);
        match(AnalysedText.of(analyzer, body.text()), hits, 1);
        LabelScores s = new LabelScores(labelWeights.length);
        for (Map.Entry<Phrase, int[]> e : hits.entrySet()) {
            Phrase p = e.getKey();
            int th = e.getValue()[0];
            int bh = e.getValue()[1];
            double c = (th > 0 ? titleWeight : 0) + (bh > 0 ? 1 + Math.log(bh) : 0);
            c *= p.weight() * labelWeights[p.label()];
            s.add(p.label(), p.surface(), c);
        }
        return s;
    }

    private void match(AnalysedText text, Map<Phrase, int[]> hits, int field) {
        String[] toks = text.terms();
        int[] pos = text.positions();
        int n = toks.length;
        int[] coveredUntil = new int[labels];
        Phrase[] best = new Phrase[labels];
        for (int i = 0; i < n; i++) {
            List<Phrase> cands = byFirst.get(toks[i]);
            if (cands == null) {
                continue;
            }
            Arrays.fill(best, null);
            for (Phrase p : cands) {
                int len = p.tokens().length;
                int label = p.label();
                if (i + len > n || i + len <= coveredUntil[label]
                        || (best[label] != null && best[label].tokens().length >= len)) {
                    continue;
                }
                boolean ok = true;
                for (int k = 1; k < len && ok; k++) {
                    ok = pos[i + k] - pos[i] == p.offsets()[k] && p.tokens()[k].equals(toks[i + k]);
                }
                if (ok) {
                    best[label] = p;
                }
            }
            for (Phrase p : best) {
                if (p == null) {
                    continue;
                }
                hits.computeIfAbsent(p, k -> new int[2])[field]++;
                coveredUntil[p.label()] = Math.max(coveredUntil[p.label()], i + p.tokens().length);
            }
        }
    }
}
