package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal texts one of which occurs in every match of a regular expression, read off the expression itself.
 * They are the anchors of the {@link AnchorIndex}: a line that contains none of them (compared with case folded)
 * cannot hold a match, so the expression need not run on it. Because the anchors come from the same text that
 * {@link java.util.regex.Pattern#compile} reads, a rule cannot change without its anchors changing with it.
 *
 * <p>How: a sequence contributes the texts of each run of atoms that match one of a few known texts (plain and
 * escaped characters, {@code \Q...\E} quotes, small classes, groups of such runs, each possibly optional with
 * {@code ?}), multiplied out, and the literals of each mandatory group whose every alternative has literals of its
 * own; of these candidates the most selective one is kept (longest shortest literal). An alternation needs
 * literals in every alternative. Repeated atoms ({@code *}, {@code +}, {@code {0,n}}) end a run, and so do
 * zero-width ones. Where
 * the expression uses a construct this reader does not know (a hexadecimal escape, a back reference, comments
 * mode) it gives no anchors at all, so every line is tried: the reading can be weaker than the expression, never
 * stronger.
 */
final class RequiredLiterals {

    private static final int MAX_LITERALS = 512;

    private final String regex;
    private final RegexAtoms atoms;

    private RequiredLiterals(String regex) {
        this.regex = regex;
        this.atoms = new RegexAtoms(regex);
    }

    /** The literals, one of which every match contains; empty when none could be read. */
    static List<String> of(String regex) {
        try {
            return new RequiredLiterals(regex).alternation(0, regex.length());
        } catch (RegexAtoms.UnknownConstruct e) {
            return List.of();
        }
    }

    /**
     * True if every match of {@code regex} holds a digit: every alternative has a mandatory {@code \\d}, a literal
     * digit, a class of digits only or a mandatory group whose every alternative does. False when unsure.
     */
    static boolean requiresDigit(String regex) {
        try {
            return new RequiredLiterals(regex).alternationRequiresDigit(0, regex.length());
        } catch (RegexAtoms.UnknownConstruct e) {
            return false;
        }
    }

    private boolean alternationRequiresDigit(int from, int to) {
        boolean[] every = {true};
        eachAlternative(from, to, (start, end) -> every[0] = sequenceRequiresDigit(start, end));
        return every[0];
    }

    /** An alternative of an alternation, {@code [start, end)}; false stops the walk. */
    private interface AlternativeVisitor {
        boolean visit(int start, int end);
    }

    /**
     * Visits the top-level alternatives of {@code [from, to)} in order, reading each only when the previous visit
     * asked for more (a construct the reader does not know, in a later alternative, is then never read).
     */
    private void eachAlternative(int from, int to, AlternativeVisitor visitor) {
        int start = from;
        for (int pos = from; ; ) {
            if (pos == to || regex.charAt(pos) == '|') {
                if (!visitor.visit(start, pos) || pos == to) {
                    return;
                }
                start = pos + 1;
                pos = start;
            } else {
                pos = atoms.quantifier(atoms.atom(pos, to).end(), to).end();
            }
        }
    }

    private boolean sequenceRequiresDigit(int from, int to) {
        for (int pos = from; pos < to; ) {
            RegexAtoms.Atom atom = atoms.atom(pos, to);
            RegexAtoms.Quantifier quantifier = atoms.quantifier(atom.end(), to);
            boolean digit = atom.digit()
                    || (atom.literal() != null && atom.literal().chars().anyMatch(c -> c >= '0' && c <= '9'))
                    || (!atom.characters().isEmpty()
                        && atom.characters().stream().allMatch(c -> c.charAt(0) >= '0' && c.charAt(0) <= '9'))
                    || (atom.isGroup() && alternationRequiresDigit(atom.bodyStart(), atom.bodyEnd()));
            if (digit && !quantifier.optional()) {
                return true;
            }
            pos = quantifier.end();
        }
        return false;
    }

    private List<String> alternation(int from, int to) {
        Set<String> union = new LinkedHashSet<>();
        boolean[] every = {true};
        eachAlternative(from, to, (start, end) -> {
            List<String> literals = sequence(start, end);
            union.addAll(literals);
            every[0] = !literals.isEmpty() && union.size() <= MAX_LITERALS;
            return every[0];
        });
        return every[0] ? List.copyOf(union) : List.of();
    }

    /**
     * The best candidate of a sequence. Consecutive atoms that each match one of a few known texts (a literal, a
     * small class, a group of such alternatives, any of them optional with {@code ?}) are multiplied out into the
     * texts their run can match ("(?:Artikel|Berita) ini " gives "Artikel ini " and "Berita ini "), up to
     * {@value #MAX_LITERALS} texts; any other atom ends the run. A group that is not such a run still offers the
     * literals of its own alternatives.
     */
    private List<String> sequence(int from, int to) {
        List<String> best = List.of();
        List<String> run = EMPTY_RUN;
        int pos = from;
        while (pos < to) {
            RegexAtoms.Atom atom = atoms.atom(pos, to);
            RegexAtoms.Quantifier quantifier = atoms.quantifier(atom.end(), to);
            List<String> exact = exactTexts(atom, quantifier);
            if (exact != null && (long) run.size() * exact.size() <= MAX_LITERALS) {
                run = concatenate(run, exact);
            } else if (exact != null) {
                best = better(best, run);
                run = concatenate(EMPTY_RUN, exact);
            } else {
                if (atom.literal() != null && !quantifier.optional()) {
                    // the quantifier repeats the last character only; the ones before it are still required
                    run = concatenate(run, List.of(atom.literal().substring(0, atom.literal().length() - 1)));
                }
                best = better(best, run);
                run = EMPTY_RUN;
                if (atom.isGroup() && !quantifier.optional()) {
                    best = better(best, alternation(atom.bodyStart(), atom.bodyEnd()));
                } else if (!quantifier.optional()) {
                    best = better(best, atom.characters());
                }
            }
            pos = quantifier.end();
        }
        return better(best, run);
    }

    /** The run of no atom: the empty text alone. */
    private static final List<String> EMPTY_RUN = List.of("");

    /**
     * Every text {@code atom} with {@code quantifier} can match, when they are few and known: a literal, a small
     * class or a group of such sequences, with no quantifier or an optional one ({@code ?}, which adds the empty
     * text); null otherwise.
     */
    private List<String> exactTexts(RegexAtoms.Atom atom, RegexAtoms.Quantifier quantifier) {
        List<String> texts;
        if (atom.literal() != null) {
            texts = List.of(atom.literal());
        } else if (!atom.characters().isEmpty()) {
            texts = atom.characters();
        } else if (atom.isGroup()) {
            texts = exactAlternation(atom.bodyStart(), atom.bodyEnd());
        } else {
            return null;
        }
        if (texts == null || !quantifier.present()) {
            return texts;
        }
        if (!ZERO_OR_ONCE.contains(regex.substring(atom.end(), quantifier.end()))) {
            return null;
        }
        List<String> withEmpty = new ArrayList<>(texts);
        withEmpty.add("");
        return withEmpty;
    }

    /** Quantifiers that take the atom at most once: greedy, lazy and possessive {@code ?} and {@code {0,1}}. */
    private static final Set<String> ZERO_OR_ONCE = Set.of("?", "??", "?+", "{0,1}", "{0,1}?", "{0,1}+");

    /** Every text the alternation in {@code [from, to)} can match, when each alternative is an exact run; or null. */
    private List<String> exactAlternation(int from, int to) {
        Set<String> union = new LinkedHashSet<>();
        boolean[] every = {true};
        eachAlternative(from, to, (start, end) -> {
            List<String> run = exactRun(start, end);
            if (run != null) {
                union.addAll(run);
            }
            every[0] = run != null && union.size() <= MAX_LITERALS;
            return every[0];
        });
        return every[0] ? List.copyOf(union) : null;
    }

    /** Every text the sequence {@code [from, to)} can match, when each of its atoms has few known texts; or null. */
    private List<String> exactRun(int from, int to) {
        List<String> run = EMPTY_RUN;
        for (int pos = from; pos < to; ) {
            RegexAtoms.Atom atom = atoms.atom(pos, to);
            RegexAtoms.Quantifier quantifier = atoms.quantifier(atom.end(), to);
            List<String> exact = exactTexts(atom, quantifier);
            if (exact == null || (long) run.size() * exact.size() > MAX_LITERALS) {
                return null;
            }
            run = concatenate(run, exact);
            pos = quantifier.end();
        }
        return run;
    }

    private static List<String> concatenate(List<String> heads, List<String> tails) {
        Set<String> out = new LinkedHashSet<>();
        for (String head : heads) {
            for (String tail : tails) {
                out.add(head + tail);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A run is a candidate only if none of its texts is empty (an empty text would be in every line); a text that
     * holds another text of the run is left out, as the shorter one is there whenever the longer is (and starts no
     * earlier in it).
     */
    private static List<String> better(List<String> best, List<String> candidate) {
        if (candidate.isEmpty() || candidate.contains("")) {
            return best;
        }
        List<String> minimal = candidate.stream()
                .filter(text -> candidate.stream().noneMatch(other -> !other.equals(text) && text.contains(other)))
                .toList();
        return moreSelective(best, minimal);
    }

    /** The more selective of two candidate sets: the longer shortest literal, then the fewer literals. */
    private static List<String> moreSelective(List<String> best, List<String> candidate) {
        if (best.isEmpty()) {
            return candidate;
        }
        int bestShortest = best.stream().mapToInt(String::length).min().orElse(0);
        int candidateShortest = candidate.stream().mapToInt(String::length).min().orElse(0);
        if (candidateShortest != bestShortest) {
            return candidateShortest > bestShortest ? candidate : best;
        }
        return candidate.size() < best.size() ? candidate : best;
    }

}
