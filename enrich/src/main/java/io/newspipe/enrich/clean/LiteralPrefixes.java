package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * The literal texts one of which every match of a regular expression starts with, read off the expression itself,
 * so that a cheap search for them can stand in front of the regex without being written (and kept in step) by
 * hand. Understands a leading run of plain characters, escaped punctuation and non-capturing groups of plain
 * alternatives, e.g. {@code (?:Artikel|Berita) ini (?:telah )?...} gives {@code "Artikel ini "} and
 * {@code "Berita ini "}; lookarounds at the start are skipped (they consume nothing). Anything else ends the
 * prefix; an atom followed by a quantifier is left out.
 */
final class LiteralPrefixes {

    private static final int MAX_PREFIXES = 64;
    private static final String SPECIAL = "\\^$.|?*+()[]{}";

    private LiteralPrefixes() {
    }

    /** The prefixes of {@code regex}, or an empty list when no non-empty literal prefix could be read. */
    static List<String> of(String regex) {
        int pos = skipLookarounds(regex, 0);
        List<String> prefixes = new ArrayList<>(List.of(""));
        while (pos < regex.length()) {
            int atomEnd;
            List<String> alternatives;
            char c = regex.charAt(pos);
            if (c == '\\' && pos + 1 < regex.length() && SPECIAL.indexOf(regex.charAt(pos + 1)) >= 0) {
                alternatives = List.of(String.valueOf(regex.charAt(pos + 1)));
                atomEnd = pos + 2;
            } else if (regex.startsWith("(?:", pos)) {
                int close = regex.indexOf(')', pos);
                alternatives = close < 0 ? null : plainAlternatives(regex.substring(pos + 3, close));
                atomEnd = close + 1;
            } else if (SPECIAL.indexOf(c) < 0) {
                alternatives = List.of(String.valueOf(c));
                atomEnd = pos + 1;
            } else {
                alternatives = null;
                atomEnd = pos;
            }
            if (alternatives == null || (atomEnd < regex.length() && "?*+{".indexOf(regex.charAt(atomEnd)) >= 0)) {
                break;
            }
            if (prefixes.size() * alternatives.size() > MAX_PREFIXES) {
                break;
            }
            List<String> longer = new ArrayList<>();
            for (String prefix : prefixes) {
                for (String alternative : alternatives) {
                    longer.add(prefix + alternative);
                }
            }
            prefixes = longer;
            pos = atomEnd;
        }
        for (String prefix : prefixes) {
            if (prefix.isEmpty()) {
                return List.of();
            }
        }
        return List.copyOf(prefixes);
    }

    /** The alternatives of a group body if each is plain text, else null. */
    private static List<String> plainAlternatives(String body) {
        List<String> out = new ArrayList<>();
        for (String alternative : body.split("\\|", -1)) {
            for (int i = 0; i < alternative.length(); i++) {
                if (SPECIAL.indexOf(alternative.charAt(i)) >= 0) {
                    return null;
                }
            }
            out.add(alternative);
        }
        return out;
    }

    private static int skipLookarounds(String regex, int from) {
        int pos = from;
        while (regex.startsWith("(?=", pos) || regex.startsWith("(?!", pos) || regex.startsWith("(?<=", pos)
                || regex.startsWith("(?<!", pos)) {
            int depth = 0;
            int i = pos;
            for (; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    int close = classEnd(regex, i);
                    if (close < 0) {
                        return regex.length();
                    }
                    i = close;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            pos = i + 1;
        }
        return pos;
    }

    /** Index of the ']' that closes the character class opened at {@code open}, or -1. */
    private static int classEnd(String regex, int open) {
        for (int i = open + 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']' && i > open + 1) {
                return i;
            }
        }
        return -1;
    }

    /** True if {@code text} contains one of {@code prefixes}, compared without regard to case. */
    static boolean containsIgnoreCase(String text, List<String> prefixes) {
        for (String prefix : prefixes) {
            int last = text.length() - prefix.length();
            char first = prefix.charAt(0);
            char upper = Character.toUpperCase(first);
            char lower = Character.toLowerCase(first);
            for (int i = 0; i <= last; i++) {
                char c = text.charAt(i);
                if ((c == first || Character.toUpperCase(c) == upper || Character.toLowerCase(c) == lower)
                        && text.regionMatches(true, i, prefix, 0, prefix.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A pre-check for {@code regex}, compiled case-insensitive when {@code ignoreCase} (or when it starts with
     * {@code (?i)}): a match is possible only where one of its prefixes occurs.
     */
    static Prefilter prefilter(String regex, boolean ignoreCase) {
        if (regex.startsWith("(?i)")) {
            return new Prefilter(of(regex.substring(4)), true);
        }
        return new Prefilter(of(regex), ignoreCase);
    }

    /** The literal prefixes of a pattern; with none, every text may match. */
    record Prefilter(List<String> prefixes, boolean ignoreCase) {

        /** False only if no match of the pattern can start at or after {@code from} in {@code s}. */
        boolean mayMatch(String s, int from) {
            if (prefixes.isEmpty()) {
                return true;
            }
            String text = from == 0 ? s : s.substring(Math.min(from, s.length()));
            if (ignoreCase) {
                return containsIgnoreCase(text, prefixes);
            }
            for (String prefix : prefixes) {
                if (text.contains(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
