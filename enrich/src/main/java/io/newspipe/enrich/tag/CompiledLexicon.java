package io.newspipe.enrich.tag;

import io.newspipe.enrich.text.Chunk;
import io.newspipe.enrich.text.ChunkedText;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy terms of one language, compiled: each term analysed once into stem ids and relative positions,
 * indexed by its first stem, and matched against texts read through the same analyzer (by way of
 * {@link StandardWords} and a {@link StemCache}, or the whole analyzer for a text the cache cannot answer).
 * Not thread-safe while terms are added; thread-safe once {@link #compile()} has run.
 */
final class CompiledLexicon implements Lexicon {

    /**
     * A term: its stem ids and their positions relative to the first one (a gap where the term has a stop word, so
     * "menteri dalam negeri" needs exactly one removed word in between).
     */
    record Phrase(int id, int[] stems, int[] offsets, int label, String surface, double weight) {
        int length() {
            return stems.length;
        }
    }

    /** A text as stem ids ({@link StemCache#OTHER_STEM} for a stem no term has) and positions. */
    record EncodedText(int[] stems, int[] positions) {
    }

    private static final Phrase[] NONE = new Phrase[0];
    /** The remembered codes of a chunk that has no word. */
    private static final int[] NO_WORDS = new int[0];
    /** The remembered codes of a chunk that only Lucene's tokenizer reads (compared by identity). */
    private static final int[] NOT_PLAIN = new int[0];

    private final Analyzer analyzer;
    private final int labels;
    private final Map<String, Integer> stemIds = new HashMap<>();
    private final List<List<Phrase>> byFirstStem = new ArrayList<>();
    private final Map<String, Phrase> byKey = new HashMap<>();
    private final StemCache cache;
    private Phrase[][] compiled;
    private int phrases; // how many were made, and the next one's id
    private final ThreadLocal<Hits> scratch = ThreadLocal.withInitial(() -> new Hits(phrases));

    CompiledLexicon(Analyzer analyzer, int labels) {
        this.analyzer = analyzer;
        this.labels = labels;
        this.cache = new StemCache(analyzer, stem -> stemIds.getOrDefault(stem, StemCache.OTHER_STEM));
    }

    @Override
    public int add(int label, Taxonomy.Term term) {
        AnalysedText analysed = AnalysedText.of(analyzer, term.text());
        if (analysed.size() == 0) {
            return 0;
        }
        int[] stems = new int[analysed.size()];
        int[] offsets = new int[analysed.size()];
        StringBuilder key = new StringBuilder().append(label);
        for (int k = 0; k < analysed.size(); k++) {
            stems[k] = stemIds.computeIfAbsent(analysed.terms()[k], stem -> {
                byFirstStem.add(new ArrayList<>(2));
                return stemIds.size();
            });
            offsets[k] = analysed.positions()[k] - analysed.positions()[0];
            key.append('\u0000').append(offsets[k]).append(':').append(analysed.terms()[k]);
        }
        Phrase existing = byKey.get(key.toString());
        if (existing != null) {
            if (existing.weight() >= term.weight()) {
                return analysed.size(); // same stems as an earlier term of this label: keep the stronger one
            }
            byFirstStem.get(existing.stems()[0]).remove(existing);
        }
        Phrase phrase = new Phrase(phrases++, stems, offsets, label, term.text(), term.weight());
        byKey.put(key.toString(), phrase);
        byFirstStem.get(stems[0]).add(phrase);
        return analysed.size();
    }

    @Override
    public void compile() {
        compiled = new Phrase[byFirstStem.size()][];
        for (int s = 0; s < compiled.length; s++) {
            compiled[s] = byFirstStem.get(s).isEmpty() ? NONE : byFirstStem.get(s).toArray(Phrase[]::new);
        }
    }

    @Override
    public LabelScores score(ChunkedText title, ChunkedText body, double titleWeight, double[] labelWeights) {
        Hits hits = scratch.get();
        try {
            match(encode(title), hits, 0);
            match(encode(body), hits, 1);
            LabelScores scores = new LabelScores(labelWeights.length);
            for (int k = 0; k < hits.size; k++) {
                Phrase p = hits.phrases[k];
                int titleHits = hits.counts[2 * k];
                int bodyHits = hits.counts[2 * k + 1];
                double c = (titleHits > 0 ? titleWeight : 0) + (bodyHits > 0 ? 1 + Math.log(bodyHits) : 0);
                c *= p.weight() * labelWeights[p.label()];
                scores.add(p.label(), p.surface(), c);
            }
            return scores;
        } finally {
            hits.clear();
        }
    }

    /** The phrases that fired in one article, in first-seen order, with their title and body counts. */
    private static final class Hits {
        final int[] slotOf;
        Phrase[] phrases = new Phrase[16];
        int[] counts = new int[32];
        int size;

        Hits(int phraseCount) {
            slotOf = new int[phraseCount];
            Arrays.fill(slotOf, -1);
        }

        void count(Phrase p, int field) {
            int slot = slotOf[p.id()];
            if (slot < 0) {
                if (size == phrases.length) {
                    phrases = Arrays.copyOf(phrases, size * 2);
                    counts = Arrays.copyOf(counts, size * 4);
                }
                slot = size++;
                slotOf[p.id()] = slot;
                phrases[slot] = p;
            }
            counts[2 * slot + field]++;
        }

        void clear() {
            for (int k = 0; k < size; k++) {
                slotOf[phrases[k].id()] = -1;
                phrases[k] = null;
                counts[2 * k] = 0;
                counts[2 * k + 1] = 0;
            }
            size = 0;
        }
    }

    /**
     * A text's stems and positions, as the analyzer would give them: each distinct plain chunk's words coded once and
     * noted on the chunk ({@link #chunkCodes}), the other chunks read by Lucene, and a text with a word the stem cache
     * cannot answer analysed whole.
     */
    EncodedText encode(ChunkedText text) {
        Encoder encoder = new Encoder(text.length() / 6 + 8);
        StandardWords words = new StandardWords();
        if (StandardWords.endsInHalfPair(text)) {
            words.read(text, encoder);
        } else {
            for (int k = 0; k < text.chunks(); k++) {
                Chunk chunk = text.chunk(k);
                int[] codes = (int[]) chunk.note(this);
                if (codes == null) {
                    codes = chunkCodes(chunk.chars());
                    chunk.remember(this, codes);
                }
                if (codes == NOT_PLAIN) {
                    words.readChunk(text, k, encoder);
                } else if (codes.length > 0) {
                    encoder.add(codes[0], 1 + words.takeCarriedSkips());
                    for (int j = 1; j < codes.length; j++) {
                        encoder.add(codes[j], 1);
                    }
                }
            }
        }
        if (!encoder.irregular) {
            return encoder.result();
        }
        AnalysedText analysed = AnalysedText.of(analyzer, text.text());
        int[] stems = new int[analysed.size()];
        for (int k = 0; k < stems.length; k++) {
            stems[k] = stemIds.getOrDefault(analysed.terms()[k], StemCache.OTHER_STEM);
        }
        return new EncodedText(stems, analysed.positions());
    }

    /**
     * The codes of a chunk's words in order (each a word after the one before, stop words included), or
     * {@link #NOT_PLAIN} for a chunk Lucene must read.
     */
    private int[] chunkCodes(char[] chunk) {
        if (!StandardWords.isPlain(chunk, 0, chunk.length)) {
            return NOT_PLAIN;
        }
        int[][] codes = {new int[4]};
        int[] size = {0};
        new StandardWords().readPlain(chunk, 0, chunk.length, (chars, from, to, increment) -> {
            if (size[0] == codes[0].length) {
                codes[0] = Arrays.copyOf(codes[0], size[0] * 2);
            }
            codes[0][size[0]++] = cache.code(chars, from, to);
        });
        return size[0] == 0 ? NO_WORDS : Arrays.copyOf(codes[0], size[0]);
    }

    /** Collects the codes of a text's words; notes a word the cache cannot answer. */
    private final class Encoder implements StandardWords.Sink {
        private int[] stems;
        private int[] positions;
        private int size;
        private int position = -1;
        private boolean irregular;

        Encoder(int capacity) {
            stems = new int[capacity];
            positions = new int[capacity];
        }

        @Override
        public void word(char[] text, int start, int end, int positionIncrement) {
            add(cache.code(text, start, end), positionIncrement);
        }

        void add(int code, int positionIncrement) {
            position += positionIncrement;
            if (code == StemCache.STOP_WORD) {
                return;
            }
            irregular |= code == StemCache.IRREGULAR;
            if (size == stems.length) {
                stems = Arrays.copyOf(stems, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
            }
            stems[size] = code;
            positions[size] = position;
            size++;
        }

        EncodedText result() {
            return new EncodedText(Arrays.copyOf(stems, size), Arrays.copyOf(positions, size));
        }
    }

    /**
     * Leftmost-longest matching over token positions, per label: at each position every label counts its longest
     * matching term, and a term lying wholly inside an earlier match of the same label is not counted again (so
     * "menteri kesehatan" fires for health and "menteri" still fires for politics, but "sepak bola" does not also
     * count "bola").
     */
    private void match(EncodedText text, Hits hits, int field) {
        int[] stems = text.stems();
        int[] positions = text.positions();
        int n = stems.length;
        int[] coveredUntil = new int[labels];
        Phrase[] best = new Phrase[labels];
        int[] fired = new int[labels]; // the labels with a best term at this position, in label order
        for (int i = 0; i < n; i++) {
            Phrase[] candidates = stems[i] < 0 ? NONE : compiled[stems[i]];
            if (candidates.length == 0) {
                continue;
            }
            int firedCount = 0;
            for (Phrase p : candidates) {
                int length = p.length();
                int label = p.label();
                if (i + length > n || i + length <= coveredUntil[label]
                        || (best[label] != null && best[label].length() >= length)) {
                    continue;
                }
                boolean matches = true;
                for (int k = 1; k < length && matches; k++) {
                    matches = positions[i + k] - positions[i] == p.offsets()[k] && p.stems()[k] == stems[i + k];
                }
                if (matches) {
                    if (best[label] == null) {
                        int at = firedCount++;
                        for (; at > 0 && fired[at - 1] > label; at--) {
                            fired[at] = fired[at - 1];
                        }
                        fired[at] = label;
                    }
                    best[label] = p;
                }
            }
            for (int f = 0; f < firedCount; f++) { // in label order, as the first hits are kept
                int label = fired[f];
                Phrase p = best[label];
                best[label] = null;
                hits.count(p, field);
                coveredUntil[label] = Math.max(coveredUntil[label], i + p.length());
            }
        }
    }
}
