package io.newspipe.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the cleaner against the hand annotations of the corpus.
 *
 * <ul>
 *   <li>a boilerplate line counts as removed when the removed spans of that line cover it;</li>
 *   <li>an inline fragment counts as removed when it lies inside the removed text of its line;</li>
 *   <li>a related-article item is a boilerplate line or fragment that contains an annotated related headline;</li>
 *   <li>a body line (not blank, not boilerplate) counts as kept when every piece of it that is not an annotated
 *       fragment or the annotated dateline is still in the clean body;</li>
 *   <li>related headlines are compared after {@link Text#norm}.</li>
 * </ul>
 */
final class CorpusMetrics {

    int relatedItems;
    int relatedRemoved;
    int boilerplate;
    int boilerplateRemoved;
    int bodyLines;
    int bodyKept;
    int headlines;
    int headlinesFound;
    final List<String> misses = new ArrayList<>();

    double relatedShare() {
        return relatedItems == 0 ? 1.0 : (double) relatedRemoved / relatedItems;
    }

    double boilerplateShare() {
        return boilerplate == 0 ? 1.0 : (double) boilerplateRemoved / boilerplate;
    }

    double bodyShare() {
        return bodyLines == 0 ? 1.0 : (double) bodyKept / bodyLines;
    }

    double headlineShare() {
        return headlines == 0 ? 1.0 : (double) headlinesFound / headlines;
    }

    String summary() {
        return String.format(Locale.ROOT,
                "related-article lines removed: %d/%d = %.4f%n"
                        + "annotated boilerplate removed (lines + inline fragments): %d/%d = %.4f%n"
                        + "real body lines kept: %d/%d = %.4f%n"
                        + "related headlines found: %d/%d = %.4f",
                relatedRemoved, relatedItems, relatedShare(), boilerplateRemoved, boilerplate, boilerplateShare(),
                bodyKept, bodyLines, bodyShare(), headlinesFound, headlines, headlineShare());
    }

    static CorpusMetrics measure(Cleaner cleaner, List<Corpus.Article> articles) {
        CorpusMetrics m = new CorpusMetrics();
        for (Corpus.Article a : articles) {
            m.add(a, cleaner.clean(a.text()));
        }
        return m;
    }

    void add(Corpus.Article a, CleanResult r) {
        String[] lines = a.lines();
        JsonNode ann = a.ann();
        String out = Text.norm(r.body());
        List<String> heads = new ArrayList<>();
        ann.path("related_headlines").forEach(h -> heads.add(Text.norm(h.asText())));
        Set<Integer> bp = new HashSet<>();
        ann.path("boilerplate_lines").forEach(x -> bp.add(x.asInt()));

        for (int ln : bp) {
            boolean removed = lineRemoved(r, ln, lines[ln - 1]);
            count(removed, isRelated(lines[ln - 1], heads), a.id() + " line " + ln + ": " + clip(lines[ln - 1]));
        }
        for (JsonNode f : ann.path("inline_boilerplate_fragments")) {
            int ln = f.path("line").asInt();
            String frag = f.path("text").asText();
            boolean removed = lineRemoved(r, ln, lines[ln - 1]) || removedText(r, ln).contains(Text.norm(frag));
            count(removed, isRelated(frag, heads), a.id() + " fragment line " + ln + ": " + clip(frag));
        }
        String dateline = ann.path("dateline").isTextual() ? ann.path("dateline").asText() : null;
        for (int ln = 1; ln <= lines.length; ln++) {
            String line = lines[ln - 1];
            if (line.isBlank() || bp.contains(ln)) {
                continue;
            }
            List<String> pieces = pieces(line, ann, ln, dateline);
            if (pieces.isEmpty()) {
                continue;
            }
            bodyLines++;
            boolean kept = true;
            for (String p : pieces) {
                if (!out.contains(p)) {
                    kept = false;
                    misses.add(a.id() + " BODY LOST line " + ln + ": " + clip(p));
                    break;
                }
            }
            if (kept) {
                bodyKept++;
            }
        }
        Set<String> found = new HashSet<>();
        r.relatedHeadlines().forEach(h -> found.add(Text.norm(h)));
        for (String h : heads) {
            headlines++;
            if (found.contains(h)) {
                headlinesFound++;
            } else {
                misses.add(a.id() + " HEADLINE MISSED: " + h + "   (got " + r.relatedHeadlines() + ")");
            }
        }
    }

    private void count(boolean removed, boolean related, String what) {
        boilerplate++;
        if (removed) {
            boilerplateRemoved++;
        } else {
            misses.add(a(related) + " NOT REMOVED " + what);
        }
        if (related) {
            relatedItems++;
            if (removed) {
                relatedRemoved++;
            }
        }
    }

    private static String a(boolean related) {
        return related ? "[related]" : "[boilerplate]";
    }

    private static boolean isRelated(String text, List<String> heads) {
        String n = Text.norm(text);
        for (String h : heads) {
            if (!h.isEmpty() && n.contains(h)) {
                return true;
            }
        }
        return false;
    }

    private static String removedText(CleanResult r, int ln) {
        StringBuilder b = new StringBuilder();
        for (Removal x : r.removed()) {
            if (x.line() == ln) {
                b.append(Text.norm(x.text())).append(' ');
            }
        }
        return b.toString();
    }

    private static boolean lineRemoved(CleanResult r, int ln, String line) {
        int covered = 0;
        int parts = 0;
        for (Removal x : r.removed()) {
            if (x.line() == ln) {
                covered += Text.norm(x.text()).length();
                parts++;
            }
        }
        int total = Text.norm(line).length();
        return parts > 0 && covered + parts >= total;
    }

    /** The parts of a body line that must survive: the line minus its annotated fragments and dateline. */
    private static List<String> pieces(String line, JsonNode ann, int ln, String dateline) {
        List<int[]> cuts = new ArrayList<>();
        for (JsonNode f : ann.path("inline_boilerplate_fragments")) {
            if (f.path("line").asInt() == ln) {
                int at = line.indexOf(f.path("text").asText());
                if (at >= 0) {
                    cuts.add(new int[] {at, at + f.path("text").asText().length()});
                }
            }
        }
        if (dateline != null) {
            int at = line.indexOf(dateline);
            if (at >= 0 && at < 400) {
                cuts.add(new int[] {at, at + dateline.length()});
            }
        }
        cuts.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<String> out = new ArrayList<>();
        int pos = 0;
        for (int[] c : cuts) {
            if (c[0] > pos) {
                add(out, line.substring(pos, c[0]));
            }
            pos = Math.max(pos, c[1]);
        }
        add(out, line.substring(Math.min(pos, line.length())));
        return out;
    }

    private static void add(List<String> out, String piece) {
        String n = Text.norm(piece);
        if (!n.isEmpty()) {
            out.add(n);
        }
    }

    private static String clip(String s) {
        return s.length() > 140 ? s.substring(0, 140) + "…" : s;
    }
}
