package io.newspipe.enrich.tag;

import io.newspipe.enrich.text.ChunkedText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
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
 * The terms are compiled once per language ({@link CompiledLexicon}); a text's words are found as the analyzer's
 * tokenizer finds them ({@link StandardWords}) and each distinct word is stemmed once ({@link StemCache}), which
 * gives the analyzer's terms without running its chain over every article; the stem codes of each distinct chunk of
 * text (a run between white space) are noted on it, so a chunk met before is not read again.
 *
 * <p>Scoring: a term that fires contributes {@code weight × titleWeight} if it occurs in the title plus
 * {@code weight × (1 + ln(n))} for {@code n} occurrences in the body; a label's raw score is the sum over its terms
 * times the label weight, or 0 when a label it yields to (the taxonomy's {@code yieldsTo}) reaches the given share
 * of it.
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
    private final int[][] yieldsTo; // per label, the labels it gives way to
    private final double[] yieldRatios;
    private final Map<String, Lexicon> lexicons;
    private final List<String> deadTerms;
    private final List<String> collapsedTerms;
    private final LabelThresholds thresholds; // null: the taxonomy's scoring settings alone
    private final double[] labelThresholds; // per label, NaN when the label is never a further label

    private TopicTagger(Taxonomy taxonomy) {
        this(taxonomy, CompiledLexicon::new);
    }

    private TopicTagger(TopicTagger base, LabelThresholds thresholds) {
        this.taxonomy = base.taxonomy;
        this.labelNames = base.labelNames;
        this.iptcCodes = base.iptcCodes;
        this.labelWeights = base.labelWeights;
        this.yieldsTo = base.yieldsTo;
        this.yieldRatios = base.yieldRatios;
        this.lexicons = base.lexicons;
        this.deadTerms = base.deadTerms;
        this.collapsedTerms = base.collapsedTerms;
        this.thresholds = thresholds;
        this.labelThresholds = new double[labelNames.length];
        for (int i = 0; i < labelNames.length; i++) {
            Double t = thresholds == null ? null : thresholds.threshold(labelNames[i]);
            labelThresholds[i] = t == null ? Double.NaN : t;
        }
    }

    /** A tagger whose lexicons come from {@code lexicons} (the differential test gives it a reference one). */
    TopicTagger(Taxonomy taxonomy, Lexicon.Factory lexiconFactory) {
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
        List<String> names = List.of(labelNames);
        yieldsTo = new int[n][];
        yieldRatios = new double[n];
        i = 0;
        for (Taxonomy.Label l : taxonomy.labels.values()) {
            Taxonomy.Yield y = l.yieldsTo();
            yieldsTo[i] = y == null ? new int[0] : y.labels().stream().mapToInt(names::indexOf).toArray();
            yieldRatios[i] = y == null ? 0 : y.ratio();
            i++;
        }
        Map<String, Lexicon> lex = new LinkedHashMap<>();
        List<String> dead = new ArrayList<>();
        List<String> collapsed = new ArrayList<>();
        i = 0;
        for (Taxonomy.Label l : taxonomy.labels.values()) {
            for (Map.Entry<String, List<Taxonomy.Term>> e : l.terms().entrySet()) {
                Lexicon lx = lex.computeIfAbsent(e.getKey(), lang -> lexiconFactory.create(analyzerFor(lang), n));
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
        lex.values().forEach(Lexicon::compile);
        this.lexicons = Collections.unmodifiableMap(lex);
        this.deadTerms = List.copyOf(dead);
        this.collapsedTerms = List.copyOf(collapsed);
        this.thresholds = null;
        this.labelThresholds = null;
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
                    try (InputStream in = TopicTagger.class.getResourceAsStream(LabelThresholds.DEFAULT_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled thresholds " + LabelThresholds.DEFAULT_RESOURCE
                                    + " not on classpath");
                        }
                        t = t.withThresholds(LabelThresholds.parse(in));
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
     * override. The resulting version is {@code base+overlay}. Calibrated thresholds are kept; a label the overlay
     * adds has none, so it is given only as an article's best label. The stream is not closed.
     */
    public TopicTagger extendedWith(InputStream overlayJson) {
        TopicTagger extended = new TopicTagger(taxonomy.extend(overlayJson));
        return thresholds == null ? extended : extended.withThresholds(thresholds);
    }

    /**
     * This tagger with calibrated per-label thresholds ({@link LabelThresholds}) in place of the taxonomy's
     * {@code minSecondaryScore}; null gives the taxonomy's scoring settings alone.
     */
    public TopicTagger withThresholds(LabelThresholds thresholds) {
        return new TopicTagger(this, thresholds);
    }

    /** This tagger without calibrated thresholds: the taxonomy's scoring settings alone, as thresholds are learned. */
    public TopicTagger uncalibrated() {
        return thresholds == null ? this : new TopicTagger(this, null);
    }

    /** Version string of the taxonomy in use (stamped on every record), with the thresholds' version if any. */
    public String taxonomyVersion() {
        return thresholds == null ? taxonomy.version : taxonomy.version + "+thresholds@" + thresholds.version();
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
        return tagChunks(ChunkedText.of(title), ChunkedText.of(cleanBody), language);
    }

    /** {@link #tag(String, String, String)} of a title and a body already cut into chunks (null as empty text). */
    public List<TopicTag> tagChunks(ChunkedText title, ChunkedText cleanBody, String language) {
        LabelScores s = score(title, cleanBody, language);
        return s == null ? List.of() : select(s);
    }

    /**
     * The raw (unnormalised) score of every label for an article, in taxonomy order; for explaining and tuning.
     * Same arguments as {@link #tag(String, String, String)}.
     */
    public Map<String, Double> rawScores(String title, String cleanBody, String language) {
        LabelScores s = score(ChunkedText.of(title), ChunkedText.of(cleanBody), language);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < labelNames.length; i++) {
            out.put(labelNames[i], s == null ? 0.0 : s.raw[i]);
        }
        return Collections.unmodifiableMap(out);
    }

    private LabelScores score(ChunkedText title, ChunkedText cleanBody, String language) {
        ChunkedText t = prefix(title, MAX_TITLE_CHARS);
        ChunkedText b = prefix(cleanBody, MAX_BODY_CHARS);
        if (t.text().isBlank() && b.text().isBlank()) {
            return null;
        }
        LabelScores best = null;
        for (Lexicon lx : lexiconsFor(language)) {
            LabelScores s = lx.score(t, b, taxonomy.scoring.titleWeight(), labelWeights);
            best = best == null ? s : best.maxWith(s);
        }
        return best == null ? null : best.yieldTo(yieldsTo, yieldRatios);
    }

    /** The text, or its first {@code max} characters (less a high surrogate there) cut into chunks anew. */
    private static ChunkedText prefix(ChunkedText text, int max) {
        if (text == null) {
            return ChunkedText.of(null);
        }
        if (text.length() <= max) {
            return text;
        }
        String s = text.text();
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return ChunkedText.of(s.substring(0, end));
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

    private List<TopicTag> select(LabelScores s) {
        Taxonomy.Scoring sc = taxonomy.scoring;
        int[] order = new int[labelNames.length]; // best first, ties in taxonomy order (a stable insertion sort)
        for (int i = 0; i < order.length; i++) {
            int j = i;
            while (j > 0 && Double.compare(s.raw[order[j - 1]], s.raw[i]) < 0) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        double top = s.raw[order[0]];
        if (top < sc.minScore() || top <= 0) {
            return List.of();
        }
        if (thresholds != null) {
            return selectCalibrated(s, order);
        }
        List<TopicTag> out = new ArrayList<>(sc.maxLabels());
        for (int i : order) {
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

    /**
     * The best label when it reaches {@code minScore}, as without thresholds; then the further labels at or above
     * their calibrated threshold and the relative threshold against the best score, best first. A label without a
     * threshold (one the training articles never carried) is never a further label.
     */
    private List<TopicTag> selectCalibrated(LabelScores s, int[] order) {
        Taxonomy.Scoring sc = taxonomy.scoring;
        double top = s.raw[order[0]];
        List<TopicTag> out = new ArrayList<>(sc.maxLabels());
        out.add(tagOf(s, order[0]));
        for (int k = 1; k < order.length; k++) {
            int i = order[k];
            double raw = s.raw[i];
            if (out.size() >= sc.maxLabels() || raw < sc.relativeThreshold() * top || raw <= 0) {
                break;
            }
            if (raw >= labelThresholds[i] && raw >= sc.minScore()) { // false for NaN: never a further label
                out.add(tagOf(s, i));
            }
        }
        return List.copyOf(out);
    }

    private TopicTag tagOf(LabelScores s, int i) {
        Taxonomy.Scoring sc = taxonomy.scoring;
        double raw = s.raw[i];
        double score = Math.round(raw / (raw + sc.saturation()) * 10_000d) / 10_000d;
        return new TopicTag(labelNames[i], iptcCodes[i], score, s.evidence(i, sc.maxEvidence()));
    }

    private static Analyzer analyzerFor(String lang) {
        return switch (lang) {
            case "id", "ms" -> new IndonesianAnalyzer();
            case "en" -> new EnglishAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    @Override
    public String toString() {
        return "TopicTagger[taxonomy " + taxonomy.version + ", " + labelNames.length + " labels, languages "
                + lexicons.keySet() + "]";
    }
}
