package io.newspipe.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language words the heuristics need, declared under {@code vocabulary} in the packs and merged over all packs
 * in use: function words (may sit inside a headline, do not count for title case), stop words (left out when the
 * vocabulary of two lines is compared) and the affixes of a crude stemmer used for that comparison.
 *
 * @param functionWords lower-case function words
 * @param stopWords     lower-case stop words
 * @param stemSuffixes  suffixes, the first that fits is stripped
 * @param stemPrefixes  prefixes, the first that fits is stripped
 */
public record Vocabulary(Set<String> functionWords, Set<String> stopWords, List<String> stemSuffixes,
                         List<String> stemPrefixes) {

    /** No words at all. */
    public static final Vocabulary EMPTY = new Vocabulary(Set.of(), Set.of(), List.of(), List.of());

    public Vocabulary {
        functionWords = Set.copyOf(functionWords);
        stopWords = Set.copyOf(stopWords);
        stemSuffixes = List.copyOf(stemSuffixes);
        stemPrefixes = List.copyOf(stemPrefixes);
    }

    /** The {@code vocabulary} object of a pack (missing: {@link #EMPTY}). */
    static Vocabulary of(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return EMPTY;
        }
        return new Vocabulary(new LinkedHashSet<>(strings(node.path("functionWords"))),
                new LinkedHashSet<>(strings(node.path("stopWords"))), strings(node.path("stemSuffixes")),
                strings(node.path("stemPrefixes")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** This vocabulary and then {@code other}'s words (affix order: this pack's first). */
    public Vocabulary merge(Vocabulary other) {
        Set<String> function = new LinkedHashSet<>(functionWords);
        function.addAll(other.functionWords);
        Set<String> stop = new LinkedHashSet<>(stopWords);
        stop.addAll(other.stopWords);
        Set<String> suffixes = new LinkedHashSet<>(stemSuffixes);
        suffixes.addAll(other.stemSuffixes);
        Set<String> prefixes = new LinkedHashSet<>(stemPrefixes);
        prefixes.addAll(other.stemPrefixes);
        return new Vocabulary(function, stop, new ArrayList<>(suffixes), new ArrayList<>(prefixes));
    }

    /** True if {@code word} (any case) is a function word. */
    public boolean isFunctionWord(String word) {
        return functionWords.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Crude stem, only used to compare vocabulary between lines: strips the first suffix, then the first prefix that fits. */
    public String stem(String word) {
        String s = word;
        for (String suffix : stemSuffixes) {
            if (s.length() > suffix.length() + 4 && s.endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        for (String prefix : stemPrefixes) {
            if (s.length() > prefix.length() + 3 && s.startsWith(prefix)) {
                s = s.substring(prefix.length());
                break;
            }
        }
        return s;
    }

    /** Content-word stems of a line (at most {@code cap} of them). */
    public List<String> contentStems(String line, int cap) {
        List<String> out = new ArrayList<>();
        String normalised = Text.norm(line.length() > 20_000 ? line.substring(0, 20_000) : line);
        for (String word : normalised.split(" ")) {
            if (word.length() < 3 || stopWords.contains(word) || Character.isDigit(word.charAt(0))) {
                continue;
            }
            out.add(stem(word));
            if (out.size() >= cap) {
                break;
            }
        }
        return out;
    }

    /** Share of significant words that start with an upper-case letter or a digit. */
    public double titleCaseShare(String line) {
        int count = 0;
        int capitalised = 0;
        for (String token : line.split("\\s+", 80)) {
            String word = Text.stripPunct(token);
            if (word.isEmpty() || isFunctionWord(word)) {
                continue;
            }
            int c = word.codePointAt(0);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            count++;
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                capitalised++;
            }
        }
        return count == 0 ? 0 : (double) capitalised / count;
    }
}
