package io.newspipe.enrich.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.enrich.text.Chunk;
import io.newspipe.enrich.text.ChunkedText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Detects the language of a news text: {@code "id"} (Indonesian), {@code "en"} (English), {@code "ms"} (Malay) or
 * {@code "und"} (undetermined).
 *
 * <p>Profile approach, bundled as {@code lang/profiles.json}:
 * <ol>
 *   <li>function words decide between English and the Malay family (Indonesian/Malay share most function words,
 *       "yang", "dan", "di", "dengan" …); a text where neither list covers enough of the words is {@code und};</li>
 *   <li>within the Malay family, weighted marker words decide Indonesian vs Malay: Malay "kerana", "boleh",
 *       "daripada", "sahaja", "bahawa", "kerajaan", "polis", "syarikat" … against Indonesian "karena", "bisa",
 *       "bahwa", "yaitu", "pemerintah", "polisi", "perusahaan" …; Indonesian wins ties;</li>
 *   <li>texts too short for step 1 fall back to character-trigram profiles.</li>
 * </ol>
 * A non-blank hint from ingest that is a valid ISO 639-1 code wins ({@code "in"} is read as {@code "id"}, region
 * suffixes such as {@code en-US} are dropped). Instances are immutable and thread-safe.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";
    /** Classpath location of the bundled profiles. */
    public static final String DEFAULT_PROFILES = "/lang/profiles.json";

    private static final int MAX_CHARS = 20_000;
    private static final int MIN_FUNCTION_WORD_HITS = 2;
    private static final double MIN_COVERAGE = 0.12;
    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
    private static volatile LanguageDetector defaultInstance;

    private final String version;
    private final Set<String> englishWords;
    private final Set<String> malayWords;
    private final String malayDefault;
    private final Map<String, Double> idMarkers;
    private final Map<String, Double> msMarkers;
    private final TrigramProfiles trigrams;
    private final ProfileWords profileWords;

    private LanguageDetector(JsonNode root) {
        version = root.path("version").asText("unversioned");
        englishWords = words(root.path("en").path("words"));
        JsonNode malay = root.path("malay");
        idMarkers = weights(malay.path("markers").path("id"));
        msMarkers = weights(malay.path("markers").path("ms"));
        Set<String> family = new HashSet<>(words(malay.path("words")));
        family.addAll(idMarkers.keySet());
        family.addAll(msMarkers.keySet());
        malayWords = Set.copyOf(family);
        malayDefault = malay.path("default").asText("id");
        trigrams = new TrigramProfiles(root.path("trigrams"));
        if (englishWords.isEmpty() || malayWords.isEmpty()) {
            throw new IllegalArgumentException("language profiles need en.words and malay.words");
        }
        profileWords = new ProfileWords(englishWords, malayWords, idMarkers, msMarkers);
    }

    /** The detector with the bundled profiles; built once and shared. */
    public static LanguageDetector defaults() {
        LanguageDetector d = defaultInstance;
        if (d == null) {
            synchronized (LanguageDetector.class) {
                d = defaultInstance;
                if (d == null) {
                    try (InputStream in = LanguageDetector.class.getResourceAsStream(DEFAULT_PROFILES)) {
                        if (in == null) {
                            throw new IllegalStateException("bundled " + DEFAULT_PROFILES + " not on classpath");
                        }
                        d = fromProfiles(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    defaultInstance = d;
                }
            }
        }
        return d;
    }

    /** A detector for a profiles JSON document of the bundled shape. The stream is not closed. */
    public static LanguageDetector fromProfiles(InputStream json) {
        Objects.requireNonNull(json, "profiles stream");
        try {
            return new LanguageDetector(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language profiles", e);
        }
    }

    /** Version of the profiles in use. */
    public String profilesVersion() {
        return version;
    }

    /**
     * @param text the text (title and/or body); may be null
     * @param hint language code from ingest, nullable; wins when it is a valid ISO 639-1 code
     * @return an ISO 639-1 code ("id", "en", "ms", or the hint) or {@code "und"}
     */
    public String detect(String text, String hint) {
        String h = normaliseHint(hint);
        if (h != null) {
            return h;
        }
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        WordCounts counts = lowerCasesCharByChar(s) ? countInPlace(s) : countTokens(tokenize(s), mostlyLatin(s));
        return decide(counts, () -> s);
    }

    /**
     * {@link #detect(String, String)} of the title, a line feed and the body ({@code title} null: the body alone),
     * from the chunks the texts are already cut into: each distinct chunk's words are counted once and noted on the
     * chunk. A text past {@value #MAX_CHARS} characters, or with a chunk that does not lower-case character by
     * character, is read as a whole string as before.
     */
    public String detect(ChunkedText title, ChunkedText body, String hint) {
        String h = normaliseHint(hint);
        if (h != null) {
            return h;
        }
        if ((title == null ? 0 : title.length() + 1) + body.length() > MAX_CHARS) {
            return detect(joined(title, body), null);
        }
        ProfileWords.Tally tally = profileWords.tally();
        if (!addChunks(title, tally) || !addChunks(body, tally)) {
            return detect(joined(title, body), null);
        }
        WordCounts counts = tally.counts();
        return decide(counts, () -> joined(title, body));
    }

    private static String joined(ChunkedText title, ChunkedText body) {
        return title == null ? body.text() : title.text() + "\n" + body.text();
    }

    /** Adds the counts of every chunk of {@code text} (none for null); false at a chunk counted from word strings. */
    private boolean addChunks(ChunkedText text, ProfileWords.Tally tally) {
        if (text == null) {
            return true;
        }
        for (int k = 0; k < text.chunks(); k++) {
            Chunk chunk = text.chunk(k);
            ProfileWords.ChunkWords words = (ProfileWords.ChunkWords) chunk.note(profileWords);
            if (words == null) {
                words = profileWords.chunkWords(chunk.chars(), 0, chunk.chars().length);
                chunk.remember(profileWords, words);
            }
            if (!words.lowersCharByChar()) {
                return false;
            }
            tally.add(words);
        }
        return true;
    }

    /** The language of a text of at most {@value #MAX_CHARS} characters from the counts of its words. */
    private String decide(WordCounts counts, Supplier<String> text) {
        if (counts.tokens() == 0 || !counts.mostlyLatin()) {
            return UNDETERMINED;
        }
        int en = counts.english();
        int malay = counts.malay();
        double idScore = counts.indonesianScore();
        double msScore = counts.malayScore();
        int tokenCount = counts.tokens();
        int best = Math.max(en, malay);
        double coverage = (double) best / tokenCount;
        boolean shortAndOneSided = tokenCount < 8 && best >= 1 && Math.min(en, malay) == 0;
        if (shortAndOneSided
                || (best >= MIN_FUNCTION_WORD_HITS && (coverage >= MIN_COVERAGE || tokenCount < 8))) {
            if (en > malay) {
                return "en";
            }
            return malayVariant(idScore, msScore);
        }
        if (tokenCount >= 30) {
            return UNDETERMINED; // plenty of words, but neither English nor Malay-family function words
        }
        String byTrigram = trigrams.languageOf(text.get());
        if (byTrigram.equals("id")) {
            return malayVariant(idScore, msScore);
        }
        return byTrigram;
    }

    /** The words of a text and the profile words among them (marker weights summed in text order). */
    record WordCounts(int tokens, int english, int malay, double indonesianScore, double malayScore,
                      boolean mostlyLatin) {
    }

    WordCounts countTokens(String[] tokens, boolean mostlyLatin) {
        int en = 0;
        int malay = 0;
        double idScore = 0;
        double msScore = 0;
        for (String tok : tokens) {
            if (englishWords.contains(tok)) {
                en++;
            }
            if (malayWords.contains(tok)) {
                malay++;
                idScore += idMarkers.getOrDefault(tok, 0.0);
                msScore += msMarkers.getOrDefault(tok, 0.0);
            }
        }
        return new WordCounts(tokens.length, en, malay, idScore, msScore, mostlyLatin);
    }

    /**
     * Whether {@code s.toLowerCase(Locale.ROOT)} is {@code s} with each character lower-cased alone: true unless
     * it holds a surrogate, the dotted capital I or the capital sigma, whose lower case depends on more.
     */
    static boolean lowerCasesCharByChar(String s) {
        return lowerCasesCharByChar(s.toCharArray(), 0, s.length());
    }

    /** {@link #lowerCasesCharByChar(String)} of {@code s[from, to)}. */
    static boolean lowerCasesCharByChar(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c >= '\u0130' && (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #countTokens(String[], boolean)} of {@link #tokenize(String)} and {@link #mostlyLatin(String)}, for a
     * text that lower-cases character by character: the same words, read and looked up in place, in one pass.
     */
    WordCounts countInPlace(String text) {
        return profileWords.count(text);
    }

    private String malayVariant(double idScore, double msScore) {
        if (msScore >= 2.0 && msScore > 1.25 * idScore) {
            return "ms";
        }
        if (idScore >= 2.0 && idScore > 1.25 * msScore) {
            return "id";
        }
        return malayDefault;
    }

    static String normaliseHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String h = hint.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = h.indexOf('-');
        if (dash > 0) {
            h = h.substring(0, dash);
        }
        h = switch (h) {
            case "in" -> "id";
            case "iw" -> "he";
            case "ji" -> "yi";
            default -> h;
        };
        return h.length() == 2 && ISO_639_1.contains(h) ? h : null;
    }

    /**
     * The lower-cased words of {@code s}: runs of letters, hyphens and apostrophes, without leading or trailing
     * hyphens and apostrophes, empty ones dropped (what splitting on {@code [^\p{L}\-']+} and trimming
     * {@code [-']} gives, in one pass with no regular expression).
     */
    static String[] tokenize(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(lower.length() / 5 + 1);
        int start = -1;
        int i = 0;
        while (i <= lower.length()) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean inWord = cp == '-' || cp == '\'' || Character.isLetter(cp);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                int from = start;
                int to = i;
                while (from < to && isTrim(lower.charAt(from))) {
                    from++;
                }
                while (to > from && isTrim(lower.charAt(to - 1))) {
                    to--;
                }
                if (from < to) {
                    out.add(lower.substring(from, to));
                }
                start = -1;
            }
            i += i < lower.length() ? Character.charCount(cp) : 1;
        }
        return out.toArray(String[]::new);
    }

    private static boolean isTrim(char c) {
        return c == '-' || c == '\'';
    }

    static boolean mostlyLatin(String s) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                if (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z') {
                    letters++;
                    latin++;
                }
            } else if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return letters > 0 && latin * 2 >= letters;
    }

    private static Set<String> words(JsonNode arr) {
        Set<String> out = new HashSet<>();
        arr.forEach(w -> out.add(w.asText().toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    private static Map<String, Double> weights(JsonNode obj) {
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            double w = e.getValue().asDouble(0);
            if (w > 0) {
                out.put(e.getKey().toLowerCase(Locale.ROOT), w);
            }
        }
        return Map.copyOf(out);
    }

    @Override
    public String toString() {
        return "LanguageDetector[profiles " + version + "]";
    }
}
