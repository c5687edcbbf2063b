package io.newspipe.enrich.lang;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The character-trigram profiles of the bundled languages, for texts too short for the function words: each
 * language's trigrams in order of strength, an earlier one weighing more. Immutable and thread-safe.
 */
final class TrigramProfiles {

    private static final double MIN_TRIGRAM_SCORE = 0.10;
    private static final double TRIGRAM_MARGIN = 1.5;

    private final Map<String, Map<String, Double>> trigrams;

    /** The profiles of the {@code trigrams} object of the profiles document (language → trigrams, strongest first). */
    TrigramProfiles(JsonNode profiles) {
        Map<String, Map<String, Double>> byLanguage = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : profiles.properties()) {
            Map<String, Double> profile = new HashMap<>();
            int n = e.getValue().size();
            int rank = 0;
            for (JsonNode g : e.getValue()) {
                profile.put(g.asText().replace('_', ' '), 1.0 - (double) rank++ / (2.0 * n)); // earlier = stronger
            }
            byLanguage.put(e.getKey(), Map.copyOf(profile));
        }
        trigrams = Map.copyOf(byLanguage);
    }

    /**
     * The language whose trigrams score best on the letters of {@code s}, when it scores enough and clearly more
     * than the second; else {@link LanguageDetector#UNDETERMINED}.
     */
    String languageOf(String s) {
        String padded = " " + s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ") + " ";
        int n = 0;
        Map<String, Double> score = new HashMap<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            String g = padded.substring(i, i + 3);
            if (g.charAt(1) == ' ') {
                continue;
            }
            n++;
            for (Map.Entry<String, Map<String, Double>> e : trigrams.entrySet()) {
                Double w = e.getValue().get(g);
                if (w != null) {
                    score.merge(e.getKey(), w, Double::sum);
                }
            }
        }
        if (n == 0) {
            return LanguageDetector.UNDETERMINED;
        }
        String bestLanguage = LanguageDetector.UNDETERMINED;
        double bestScore = 0;
        double second = 0;
        for (Map.Entry<String, Double> e : score.entrySet()) {
            double v = e.getValue() / n;
            if (v > bestScore) {
                second = bestScore;
                bestScore = v;
                bestLanguage = e.getKey();
            } else if (v > second) {
                second = v;
            }
        }
        return bestScore >= MIN_TRIGRAM_SCORE && bestScore >= TRIGRAM_MARGIN * second
                ? bestLanguage : LanguageDetector.UNDETERMINED;
    }
}
