package io.newspipe.enrich.tag;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-label, explainable topic tagger driven by a versioned taxonomy (labels → IPTC Media Topic codes, with a
 * lexicon of words and phrases per language).
 *
 * <p>Terms and text go through the same Lucene analyzer ({@link IndonesianAnalyzer} for {@code id}/{@code ms},
 * {@link EnglishAnalyzer} for {@code en}, {@link StandardAnalyzer} for any other language a taxonomy adds), so
 * stemming and stop words apply alike on both sides and "kebakaran" matches "terbakar". Multi-word terms match as
 * token sequences at the same relative positions (a stop word inside a term must be a stop word in the text too),
 * each label counts its longest match at a position and not again the shorter terms of that label inside it.
 *
 * <p>Scoring: a term that fires contributes {@code weight × titleWeight} if it occurs in the title plus
 * {@code weight × (1 + ln(n))} for {@code n} occurrences in the body; a label's raw score is the sum over its terms
 * times the label weight.
 * The best label is returned when its raw score reaches {@code minScore}; further labels (best first, at most
 * {@code maxLabels} in all) when they reach both {@code minSecondaryScore} and {@code relativeThreshold × best}.
 * The reported score is {@code raw / (raw + saturation)}, in (0, 1).
 *
 * <p>Only the first {@value #MAX_BODY_CHARS} characters of a body (and {@value #MAX_TITLE_CHARS} of a title) are
 * read, so time and memory stay bounded on hostile input. Instances are immutable and thread-safe.
 */
public final class TopicTagger {

    /** Classpath location of the bundled taxonomy. */
    public static final String DEFAULT_TAXONOMY = "/taxonomy/topics.json";
    /** Longest body prefix that is analysed; a news story's topics are settled well before this. */
    public static final int MAX_BODY_CHARS = 100_000;
    /** Longest title prefix that is analysed. */
    public static final int MAX_TITLE_CHARS = 2_000;

    private static volatile TopicTagger defaultInstance;

    private final Taxonomy taxonomy;
    private final String[] labelNames;
    private final String[] iptcCodes;
    private final double[] labelWeights;
    private final Map<String, Lexicon> lexicons;
    private final List<String> deadTerms;
    private final List<String> collapsedTerms;

    private TopicTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        int n = taxonomy.labels.size();
        labelNames = new String[n];
        iptcCodes = new String[n];
        labelWeights = new double[n];
        int i = 0;
        for (Taxonomy.Label l : taxonomy.labels.values()) {
            labelNames[i] = l.label();
            iptcCodes[i] = l.iptc();
            labelWeights[i] = l.weight();
            i++;
        }
        Map<String, Lexicon> lex = new LinkedHashMap<>();
        List<String> dead = new ArrayList<>();
        List<String> collapsed = new ArrayList<>();
        i = 0;
        for (Taxonomy.Label l : taxonomy.labels.values()) {
            for (Map.Entry<String, List<Taxonomy.Term>> e : l.terms().entrySet()) {
                Lexicon lx = lex.computeIfAbsent(e.getKey(), lang -> new Lexicon(analyzerFor(lang)));
                for (Taxonomy.Term t : e.getValue()) {
                    int tokens = lx.add(i, t);
                    String id = e.getKey() + ":" + l.label() + ":" + t.text();
                    if (tokens == 0) {
                        dead.add(id);
                    } else if (tokens == 1 && t.text().trim().split("[\\s\\-]+").length > 1) {
                        collapsed.add(id);
                    }
                }
            }
            i++;
        }
        this.lexicons = Collections.unmodifiableMap(lex);
        this.deadTerms = List.copyOf(dead);
        this.collapsedTerms = List.copyOf(collapsed);
    }

    /** The tagger with the bundled taxonomy ({@value #DEFAULT_TAXONOMY}); built once and shared. */
    public static TopicTagger defaults() {
        TopicTagger t = defaultInstance;
        if (t == null) {
            synchronized (TopicTagger.class) {
                t = defaultInstance;
                if (t == null) {
                    try (InputStream in = TopicTagger.class.getResourceAsStream(DEFAULT_TAXONOMY)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled taxonomy " + DEFAULT_TAXONOMY + " not on classpath");
                        }
                        t = fromTaxonomy(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    defaultInstance = t;
                }
            }
        }
        return t;
    }

    /** A tagger for a complete taxonomy JSON document (replacing the bundled one). The stream is not closed. */
    public static TopicTagger fromTaxonomy(InputStream json) {
        return new TopicTagger(Taxonomy.parse(json));
    }

    /**
     * A tagger for this taxonomy extended by an overlay JSON document of the same shape: named labels get extra
     * terms (or replaced terms with {@code "replaceTerms": true}), new labels are added, {@code scoring} values
     * override. The resulting version is {@code base+overlay}. The stream is not closed.
     */
    public TopicTagger extendedWith(InputStream overlayJson) {
        return new TopicTagger(taxonomy.extend(overlayJson));
    }

    /** Version string of the taxonomy in use (stamped on every record). */
    public String taxonomyVersion() {
        return taxonomy.version;
    }

    /** The labels of the taxonomy in file order. */
    public List<String> labels() {
        return List.of(labelNames);
    }

    /** The IPTC Media Topic QCode of a label, or null if the label is unknown. */
    public String iptcCode(String label) {
        Taxonomy.Label l = taxonomy.labels.get(label);
        return l == null ? null : l.iptc();
    }

    /** Taxonomy terms that analyse to nothing (only stop words) and can never fire, as {@code lang:label:term}. */
    public List<String> deadTerms() {
        return deadTerms;
    }

    /**
     * Multi-word taxonomy terms whose other words are all stop words, so that they match like their one remaining
     * word (e.g. "keluarga kecil" matches every "keluarga"), as {@code lang:label:term}. A taxonomy should have none.
     */
    public List<String> collapsedTerms() {
        return collapsedTerms;
    }

    /**
     * Tags an article.
     *
     * @param title     the headline, may be null
     * @param cleanBody the body after boilerplate removal, may be null
     * @param language  ISO 639-1 code of the text; {@code ms} uses the Indonesian lexicon when there is no Malay
     *                  one; null, "und" or a language without a lexicon uses every lexicon (best per label)
     * @return usually 1-3 tags, best first; empty when nothing scores
     */
    public List<TopicTag> tag(String title, String cleanBody, String language) {
        Scores s = score(title, cleanBody, language);
        return s == null ? List.of() : select(s);
    }

    /**
     * The raw (unnormalised) score of every label for an article, in taxonomy order; for explaining and tuning.
     * Same arguments as {@link #tag(String, String, String)}.
     */
    public Map<String, Double> rawScores(String title, String cleanBody, String language) {
        Scores s = score(title, cleanBody, language);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < labelNames.length; i++) {
            out.put(labelNames[i], s == null ? 0.0 : s.raw[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    private Scores score(String title, String cleanBody, String language) {
        String t = prefix(title, MAX_TITLE_CHARS);
        String b = prefix(cleanBody, MAX_BODY_CHARS);
        if (t.isBlank() && b.isBlank()) {
            return null;
        }
        Scores best = null;
        for (Lexicon lx : lexiconsFor(language)) {
            Scores s = lx.score(t, b, taxonomy.scoring.titleWeight(), labelWeights);
            best = best == null ? s : best.maxWith(s);
        }
        return best;
    }

    private static String prefix(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private List<Lexicon> lexiconsFor(String language) {
        String lang = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
        int cut = lang.indexOf('-') >= 0 ? lang.indexOf('-') : lang.indexOf('_');
        if (cut > 0) {
            lang = lang.substring(0, cut);
        }
        if (lang.equals("in")) {
            lang = "id";
        }
        Lexicon lx = lexicons.get(lang);
        if (lx == null && lang.equals("ms")) {
            lx = lexicons.get("id");
        }
        if (lx != null) {
            return List.of(lx);
        }
        return new ArrayList<>(lexicons.values());
    }

    private List<TopicTag> select(Scores s) {
        Taxonomy.Scoring sc = taxonomy.scoring;
        Integer[] order = new Integer[labelNames.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> {
            int cmp = Double.compare(s.raw[c], s.raw[a]);
            return cmp != 0 ? cmp : Integer.compare(a, c);
        });
        double top = s.raw[order[0]];
        if (top < sc.minScore() || top <= 0) {
            return List.of();
        }
        List<TopicTag> out = new ArrayList<>(sc.maxLabels());
        for (Integer i : order) {
            double raw = s.raw[i];
            boolean first = out.isEmpty();
            if (out.size() >= sc.maxLabels()
                    || (!first && (raw < sc.minSecondaryScore() || raw < sc.relativeThreshold() * top))) {
                break;
            }
            double score = Math.round(raw / (raw + sc.saturation()) * 10_000d) / 10_000d;
            out.add(new TopicTag(labelNames[i], iptcCodes[i], score, s.evidence(i, sc.maxEvidence())));
        }
        return List.copyOf(out);
    }

    private static Analyzer analyzerFor(String lang) {
        return switch (lang) {
            case "id", "ms" -> new IndonesianAnalyzer();
            case "en" -> new EnglishAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /** Analysed tokens of a text with their positions (stop words leave gaps in the positions). */
    record Tokens(String[] terms, int[] positions) {
        int size() {
            return terms.length;
        }
    }

    static Tokens analyze(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        int[] positions = new int[16];
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                if (terms.size() == positions.length) {
                    positions = Arrays.copyOf(positions, positions.length * 2);
                }
                positions[terms.size()] = pos;
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen for a String reader
        }
        return new Tokens(terms.toArray(String[]::new), Arrays.copyOf(positions, terms.size()));
    }

    /**
     * A term compiled for one language: its analysed tokens and their positions relative to the first one (a gap
     * where the term has a stop word, so "menteri dalam negeri" needs exactly one removed word in between).
     */
    private record Phrase(String[] tokens, int[] offsets, int label, String surface, double weight) {}

    /** Per-article raw scores with per-term contributions for the evidence. */
    private static final class Scores {
        final double[] raw;
        final List<List<Map.Entry<String, Double>>> contributions;

        Scores(int labels) {
            raw = new double[labels];
            contributions = new ArrayList<>(labels);
            for (int i = 0; i < labels; i++) {
                contributions.add(new ArrayList<>());
            }
        }

        Scores maxWith(Scores o) {
            for (int i = 0; i < raw.length; i++) {
                if (o.raw[i] > raw[i]) {
                    raw[i] = o.raw[i];
                    contributions.set(i, o.contributions.get(i));
                }
            }
            return this;
        }

        List<String> evidence(int label, int max) {
            List<Map.Entry<String, Double>> c = new ArrayList<>(contributions.get(label));
            c.sort((a, b) -> {
                int cmp = Double.compare(b.getValue(), a.getValue());
                return cmp != 0 ? cmp : a.getKey().compareTo(b.getKey());
            });
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, Double> e : c) {
                if (out.size() >= max) {
                    break;
                }
                if (!out.contains(e.getKey())) {
                    out.add(e.getKey());
                }
            }
            return out;
        }
    }

    /** All terms of one language, indexed by first token. */
    private final class Lexicon {
        final Analyzer analyzer;
        final Map<String, List<Phrase>> byFirst = new HashMap<>();
        final Map<String, Phrase> byKey = new HashMap<>();

        Lexicon(Analyzer analyzer) {
            this.analyzer = analyzer;
        }

        /** Adds a term; returns its number of analysed tokens (0: the term can never match and is skipped). */
        int add(int label, Taxonomy.Term term) {
            Tokens toks = analyze(analyzer, term.text());
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
                    return toks.size(); // same stems as an earlier term of this label: keep the stronger one
                }
                byFirst.get(existing.tokens()[0]).remove(existing);
            }
            Phrase p = new Phrase(toks.terms(), offsets, label, term.text(), term.weight());
            byKey.put(key.toString(), p);
            byFirst.computeIfAbsent(p.tokens()[0], k -> new ArrayList<>(2)).add(p);
            return toks.size();
        }

        Scores score(String title, String body, double titleWeight, double[] labelWeights) {
            Map<Phrase, int[]> hits = new LinkedHashMap<>(); // phrase -> {title hits, body hits}, first-seen order
            match(analyze(analyzer, title), hits, 0);
            match(analyze(analyzer, body), hits, 1);
            Scores s = new Scores(labelWeights.length);
            for (Map.Entry<Phrase, int[]> e : hits.entrySet()) {
                Phrase p = e.getKey();
                int th = e.getValue()[0];
                int bh = e.getValue()[1];
                double c = (th > 0 ? titleWeight : 0) + (bh > 0 ? 1 + Math.log(bh) : 0);
                c *= p.weight() * labelWeights[p.label()];
                s.raw[p.label()] += c;
                s.contributions.get(p.label()).add(Map.entry(p.surface(), c));
            }
            return s;
        }

        /**
         * Leftmost-longest matching over token positions, per label: at each position every label counts its longest
         * matching term, and a term lying wholly inside an earlier match of the same label is not counted again (so
         * "menteri kesehatan" fires for health and "menteri" still fires for politics, but "sepak bola" does not also
         * count "bola").
         */
        private void match(Tokens text, Map<Phrase, int[]> hits, int field) {
            String[] toks = text.terms();
            int[] pos = text.positions();
            int n = toks.length;
            int[] coveredUntil = new int[labelNames.length];
            Phrase[] best = new Phrase[labelNames.length];
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

    @Override
    public String toString() {
        return "TopicTagger[taxonomy " + taxonomy.version + ", " + labelNames.length + " labels, languages "
                + lexicons.keySet() + "]";
    }
}
