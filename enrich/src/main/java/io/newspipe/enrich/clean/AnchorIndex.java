package io.newspipe.enrich.clean;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every rule pattern's anchors ({@link RequiredLiterals}) compiled into one Aho-Corasick automaton, so that one scan
 * of a line finds, for every pattern at once, whether (and where last) one of its anchors occurs. A pattern then
 * runs only on the lines that hold one of its anchors.
 *
 * <p>Families compile their patterns through {@link Builder#compile}, which reads the anchors from the very text
 * the pattern is compiled from: the pre-check cannot drift from the rule. Matching is without regard to case
 * (each character folded as {@link String#regionMatches(boolean, int, String, int, int)} folds it), which is what a
 * case-insensitive pattern needs and more than a case-sensitive one does: anchors may let a line through that the
 * pattern then rejects, never the other way round.
 */
final class AnchorIndex {

    /** Case folding of every UTF-16 unit, as {@code regionMatches(true, ...)} compares characters. */
    private static final char[] FOLD = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLD[c] = Character.toLowerCase(Character.toUpperCase((char) c));
        }
    }

    /** Collects the patterns of every family while the packs compile. */
    static final class Builder {

        private final boolean anchored;
        private final List<List<String>> anchorsBySlot = new ArrayList<>();
        private final List<AnchoredPattern> compiled = new ArrayList<>();

        /** With {@code anchored} false every pattern runs on every line: the reference the anchors are tested on. */
        Builder(boolean anchored) {
            this.anchored = anchored;
        }

        /**
         * Compiles {@code regex} for rule {@code ruleId} (a bad pattern fails with the rule's id) together with its
         * anchors.
         */
        AnchoredPattern compile(String ruleId, String regex, int flags) {
            Pattern pattern = CompiledRules.compile(ruleId, regex, flags);
            List<String> anchors = anchored ? RequiredLiterals.of(regex) : List.of();
            boolean needsDigit = anchored && RequiredLiterals.requiresDigit(regex);
            AnchoredPattern out;
            if (anchors.isEmpty() || anchors.stream().anyMatch(anchor -> hasSurrogate(anchor) || tooCommon(anchor))) {
                out = new AnchoredPattern(pattern, AnchoredPattern.UNANCHORED, needsDigit);
            } else {
                anchorsBySlot.add(anchors);
                out = new AnchoredPattern(pattern, anchorsBySlot.size() - 1, needsDigit);
            }
            compiled.add(out);
            return out;
        }

        /** Every pattern compiled so far, in order. */
        List<AnchoredPattern> compiled() {
            return List.copyOf(compiled);
        }

        AnchorIndex build() {
            Map<String, List<Integer>> slotsByAnchor = new HashMap<>();
            for (int slot = 0; slot < anchorsBySlot.size(); slot++) {
                for (String anchor : anchorsBySlot.get(slot)) {
                    List<Integer> slots = slotsByAnchor.computeIfAbsent(fold(anchor), k -> new ArrayList<>());
                    if (!slots.contains(slot)) {
                        slots.add(slot);
                    }
                }
            }
            TreeMap<String, int[]> keywords = new TreeMap<>();
            slotsByAnchor.forEach((anchor, slots) -> keywords.put(anchor,
                    slots.stream().mapToInt(Integer::intValue).toArray()));
            return new AnchorIndex(keywords, anchorsBySlot.size());
        }
    }

    private final AhoCorasickDoubleArrayTrie<int[]> automaton;
    private final int slots;

    private AnchorIndex(TreeMap<String, int[]> keywords, int slots) {
        this.slots = slots;
        if (keywords.isEmpty()) {
            automaton = null;
        } else {
            automaton = new AhoCorasickDoubleArrayTrie<>();
            automaton.build(keywords);
        }
    }

    /** Number of anchored patterns. */
    int slots() {
        return slots;
    }

    /**
     * One scan of {@code text}: for each anchored pattern, the start of the last occurrence of one of its anchors,
     * or -1 where none occurs.
     */
    int[] scan(String text) {
        int[] lastStart = new int[slots];
        Arrays.fill(lastStart, -1);
        if (automaton == null || text.isEmpty()) {
            return lastStart;
        }
        automaton.parseText(folded(text), (AhoCorasickDoubleArrayTrie.IHit<int[]>) (begin, end, patternSlots) -> {
            for (int slot : patternSlots) {
                if (begin > lastStart[slot]) {
                    lastStart[slot] = begin;
                }
            }
        });
        return lastStart;
    }

    /**
     * An anchor found in nearly every line of prose (white space, one letter or digit, a comma or full stop): it
     * would cost a hit on every line and save no pattern run.
     */
    private static boolean tooCommon(String anchor) {
        return anchor.isBlank() || (anchor.strip().length() == 1
                && (Character.isLetterOrDigit(anchor.strip().charAt(0)) || ".,".indexOf(anchor.strip().charAt(0)) >= 0));
    }

    /** Folding works on UTF-16 units: an anchor with a supplementary character could miss a match. */
    private static boolean hasSurrogate(String text) {
        return text.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    /** {@code text} folded as the index compares it. */
    static String fold(String text) {
        return new String(folded(text));
    }

    private static char[] folded(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = FOLD[text.charAt(i)];
        }
        return out;
    }
}
