package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Removal;
import io.newspipe.enrich.clean.Text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Scores one cleaning against the annotation of its article. The definitions:
 * <ul>
 *   <li>a boilerplate line counts as removed when the credited removals on that line cover it;</li>
 *   <li>an inline fragment counts as removed when it lies inside the credited removed text of its line;</li>
 *   <li>a related-article item is a boilerplate line or fragment that contains an annotated related headline;</li>
 *   <li>a body line (not blank, not boilerplate) counts as kept when every piece of it that is not an annotated
 *       fragment or the annotated dateline is still in the clean body;</li>
 *   <li>a related headline counts as found when the cleaner extracted it and a credited removal holds it (or no
 *       removal does); headlines are compared after {@link Text#norm}.</li>
 * </ul>
 * Which removals are credited is the caller's choice: all of them for the plain corpus figures; under
 * leave-one-outlet-out only those made by rules that generalise (see {@link RuleCensus}). Body lines are judged
 * on the clean body itself, so a removal that is not credited still counts against the cleaner when it eats
 * real text.
 */
public final class CleaningScorer {

    private CleaningScorer() {
    }

    /** Scores with every removal credited. */
    public static CleaningCounts score(AnnotatedArticle a, CleanResult r, Consumer<String> misses) {
        return score(a, r, x -> true, misses);
    }

    /** Scores crediting only the removals {@code credited} accepts; each miss is described to {@code misses}. */
    public static CleaningCounts score(AnnotatedArticle a, CleanResult r, Predicate<Removal> credited,
                                       Consumer<String> misses) {
        String[] lines = a.lines();
        List<Removal> removals = r.removed().stream().filter(credited).toList();
        List<String> heads = a.relatedHeadlines().stream().map(Text::norm).toList();
        Tally c = new Tally();
        for (int ln : a.boilerplateLines()) {
            String line = ln <= lines.length ? lines[ln - 1] : "";
            count(c, lineRemoved(removals, ln, line), isRelated(line, heads),
                    a.id() + " line " + ln + ": " + clip(line), misses);
        }
        for (AnnotatedArticle.Fragment f : a.fragments()) {
            String line = f.line() <= lines.length ? lines[f.line() - 1] : "";
            boolean removed = lineRemoved(removals, f.line(), line)
                    || removedText(removals, f.line()).contains(Text.norm(f.text()));
            count(c, removed, isRelated(f.text(), heads), a.id() + " fragment line " + f.line() + ": "
                    + clip(f.text()), misses);
        }
        scoreBody(a, lines, Text.norm(r.body()), c, misses);
        Set<String> found = new HashSet<>();
        r.relatedHeadlines().forEach(h -> found.add(Text.norm(h)));
        for (String h : heads) {
            c.headlines++;
            if (found.contains(h) && heldByCredited(h, r.removed(), credited)) {
                c.headlinesFound++;
            } else {
                misses.accept(a.id() + " HEADLINE MISSED: " + h);
            }
        }
        return new CleaningCounts(c.relatedItems, c.relatedRemoved, c.boilerplate, c.boilerplateRemoved,
                c.bodyLines, c.bodyKept, c.headlines, c.headlinesFound);
    }

    /** The counts of one article while it is being scored. */
    private static final class Tally {
        int relatedItems;
        int relatedRemoved;
        int boilerplate;
        int boilerplateRemoved;
        int bodyLines;
        int bodyKept;
        int headlines;
        int headlinesFound;
    }

    private static void scoreBody(AnnotatedArticle a, String[] lines, String out, Tally c, Consumer<String> misses) {
        for (int ln = 1; ln <= lines.length; ln++) {
            String line = lines[ln - 1];
            if (line.isBlank() || a.boilerplateLines().contains(ln)) {
                continue;
            }
            List<String> pieces = pieces(a, line, ln);
            if (pieces.isEmpty()) {
                continue;
            }
            c.bodyLines++;
            String lost = pieces.stream().filter(p -> !out.contains(p)).findFirst().orElse(null);
            if (lost == null) {
                c.bodyKept++;
            } else {
                misses.accept(a.id() + " BODY LOST line " + ln + ": " + clip(lost));
            }
        }
    }

    private static void count(Tally c, boolean removed, boolean related, String what, Consumer<String> misses) {
        c.boilerplate++;
        if (removed) {
            c.boilerplateRemoved++;
        } else {
            misses.accept((related ? "[related]" : "[boilerplate]") + " NOT REMOVED " + what);
        }
        if (related) {
            c.relatedItems++;
            if (removed) {
                c.relatedRemoved++;
            }
        }
    }

    /** A headline is held by a removal whose text contains it; with no such removal there is nothing to judge. */
    private static boolean heldByCredited(String headline, List<Removal> all, Predicate<Removal> credited) {
        boolean held = false;
        for (Removal x : all) {
            if (Text.norm(x.text()).contains(headline)) {
                if (credited.test(x)) {
                    return true;
                }
                held = true;
            }
        }
        return !held;
    }

    private static boolean isRelated(String text, List<String> heads) {
        String n = Text.norm(text);
        return heads.stream().anyMatch(h -> !h.isEmpty() && n.contains(h));
    }

    private static String removedText(List<Removal> removals, int ln) {
        StringBuilder b = new StringBuilder();
        for (Removal x : removals) {
            if (x.line() == ln) {
                b.append(Text.norm(x.text())).append(' ');
            }
        }
        return b.toString();
    }

    static boolean lineRemoved(List<Removal> removals, int ln, String line) {
        int covered = 0;
        int parts = 0;
        for (Removal x : removals) {
            if (x.line() == ln) {
                covered += Text.norm(x.text()).length();
                parts++;
            }
        }
        return parts > 0 && covered + parts >= Text.norm(line).length();
    }

    /** The parts of a body line that must survive: the line minus its annotated fragments and dateline. */
    private static List<String> pieces(AnnotatedArticle a, String line, int ln) {
        List<int[]> cuts = new ArrayList<>();
        for (AnnotatedArticle.Fragment f : a.fragments()) {
            int at = f.line() == ln ? line.indexOf(f.text()) : -1;
            if (at >= 0) {
                cuts.add(new int[] {at, at + f.text().length()});
            }
        }
        int at = a.dateline() == null ? -1 : line.indexOf(a.dateline());
        if (at >= 0 && at < 400) {
            cuts.add(new int[] {at, at + a.dateline().length()});
        }
        cuts.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<String> out = new ArrayList<>();
        int pos = 0;
        for (int[] cut : cuts) {
            if (cut[0] > pos) {
                addPiece(out, line.substring(pos, cut[0]));
            }
            pos = Math.max(pos, cut[1]);
        }
        addPiece(out, line.substring(Math.min(pos, line.length())));
        return out;
    }

    private static void addPiece(List<String> out, String piece) {
        String n = Text.norm(piece);
        if (!n.isEmpty()) {
            out.add(n);
        }
    }

    static String clip(String s) {
        return s.length() > 140 ? s.substring(0, 140) + "…" : s;
    }
}
