package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dateline} family: "JAKARTA, KOMPAS.com -" at the start of one of the first lines, a dateline after a
 * deck ({@code midLine}), or a place alone on a header line ({@code bare}). Runs before the whole-line stage to
 * find where the page header ends, and after the heuristics to cut the dateline itself.
 */
final class DatelineRules implements RuleFamily {

    private record Rule(String id, String kind, List<AnchoredPattern> patterns, List<StartFilter> filters,
                        AnchoredPattern midLine, AnchoredPattern bare, Set<String> outlets, int searchLines,
                        int minRestWords, int[] patternMemos) {
    }

    private final AnchorIndex.Builder compiler;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    DatelineRules(AnchorIndex.Builder compiler, FailureMemos memos) {
        this.compiler = compiler;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "dateline";
    }

    @Override
    public void add(RulePack.Rule r) {
        String id = r.id();
        List<AnchoredPattern> patterns = new ArrayList<>();
        for (String p : r.list("patterns")) {
            patterns.add(compiler.compile(id, p, 0));
        }
        String midLine = r.string("midLine", null);
        String bare = r.string("bare", null);
        rules.add(new Rule(id, r.kind(), patterns, patterns.stream().map(p -> StartFilter.of(p.pattern())).toList(),
                midLine == null ? null : compiler.compile(id, midLine, 0),
                bare == null ? null : compiler.compile(id, bare, 0), new HashSet<>(r.list("outlets")),
                r.integer("searchLines", 6), r.integer("minRestWords", 6),
                patterns.stream().mapToInt(p -> memos.wholeLineSlot()).toArray()));
    }

    /** The index of the first line that opens with a dateline, before any line is claimed, or -1. */
    int firstDatelineLine(CleaningPass pass) {
        for (Rule r : rules) {
            for (int i = 0; i < Math.min(pass.size(), 14); i++) {
                String stripped = pass.stripped(i);
                for (int k = 0; k < r.patterns.size(); k++) {
                    if (pass.knownToFail(i, r.patternMemos[k]) || !r.filters.get(k).canStart(stripped)
                            || !pass.mayMatch(i, r.patterns.get(k), 0)) {
                        continue;
                    }
                    Matcher m = pass.reusableMatcher(r.patterns.get(k).pattern(), prefix(stripped));
                    if (!m.lookingAt()) {
                        pass.rememberFailure(i, r.patternMemos[k]); // a function of the line's text alone
                        continue;
                    }
                    if (Text.words(pass.stripped(i).substring(m.end()), r.minRestWords) >= r.minRestWords) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Cuts the dateline from the first lines nobody claimed. */
    void cutDateline(CleaningPass pass) {
        for (Rule r : rules) {
            int seen = 0;
            boolean stopped = false; // past the first full paragraph: only a bare header place may follow
            boolean paragraph = false; // a sentence came before: a mixed-case "Place -" is no dateline now
            for (int i = 0; i < pass.size() && seen < r.searchLines; i++) {
                if (pass.verdict(i) != null) {
                    continue;
                }
                seen++;
                String s = pass.text(i);
                String t = pass.stripped(i);
                int lead = s.length() - s.stripLeading().length();
                for (int k = 0; !stopped && k < r.patterns.size(); k++) {
                    if (pass.knownToFail(i, r.patternMemos[k]) || !r.filters.get(k).canStart(t)
                            || !pass.mayMatch(i, r.patterns.get(k), 0)) {
                        continue;
                    }
                    Matcher m = pass.reusableMatcher(r.patterns.get(k).pattern(), prefix(t));
                    if (!m.lookingAt()) {
                        pass.rememberFailure(i, r.patternMemos[k]); // a function of the line's text alone
                        continue;
                    }
                    String rest = t.substring(m.end());
                    if (Text.words(rest, r.minRestWords) < r.minRestWords) {
                        continue;
                    }
                    String[] placeAndOutlet = placeAndOutlet(r, m);
                    boolean placeOnly = placeAndOutlet[1] == null && !Text.isUpper(placeAndOutlet[0]);
                    boolean colon = m.group().strip().endsWith(":"); // "Mumbai: Police said ..." (English)
                    if (placeOnly && ((paragraph && !colon) || (i == 0 && pass.words(i, 15) < 15))) {
                        continue;
                    }
                    // a short first line that ends no sentence is a headline: "BREAKING NEWS - ..." opens no story
                    if (i == 0 && placeAndOutlet[1] == null && pass.words(i, 15) < 15 && !Text.endsSentence(t)) {
                        continue;
                    }
                    cut(pass, r, i, lead + m.start(), lead + m.end(), placeAndOutlet);
                    return;
                }
                int bracket = t.indexOf('(');
                if (!stopped && r.midLine != null && i <= 3 && bracket >= 0 && bracket < 600
                        && pass.mayMatch(i, r.midLine, 0)) {
                    Matcher m = r.midLine.pattern().matcher(t.length() > 600 ? t.substring(0, 600) : t);
                    if (m.find()) {
                        cut(pass, r, i, lead + m.start(), lead + m.end(),
                                new String[] {Text.group(m, "place"), Text.group(m, "outlet")});
                        return;
                    }
                }
                if (r.bare != null && pass.head(i) && i + 1 < pass.size() && t.length() <= 60
                        && pass.words(i + 1, 15) >= 15 && pass.mayMatch(i, r.bare, 0)) {
                    Matcher m = r.bare.pattern().matcher(t);
                    if (m.matches()) {
                        pass.claim(i, LineVerdict.of(r.id, r.kind));
                        pass.findings().dateline(new Dateline(Text.group(m, "place"), null, t));
                        return;
                    }
                }
                int words = pass.words(i, 25);
                stopped |= words >= 25;
                paragraph |= words >= 15 || Text.endsSentence(t);
            }
        }
    }

    private static String prefix(String stripped) {
        return stripped.length() > 200 ? stripped.substring(0, 200) : stripped;
    }

    private static void cut(CleaningPass pass, Rule r, int i, int start, int end, String[] placeAndOutlet) {
        String text = pass.text(i).substring(start, end).strip();
        pass.findings().dateline(new Dateline(placeAndOutlet[0], placeAndOutlet[1], text));
        pass.addSpan(i, new Span(start, end, r.id, r.kind));
    }

    private static String[] placeAndOutlet(Rule r, Matcher m) {
        String place = Text.group(m, "place");
        String outlet = Text.group(m, "outlet");
        String a = Text.group(m, "a");
        String b = Text.group(m, "b");
        if (a != null && b != null) {
            if (outletLike(r, a) && !outletLike(r, b)) {
                outlet = a;
                place = b;
            } else {
                place = a;
                outlet = b;
            }
        } else if (a != null) {
            if (outletLike(r, a)) {
                outlet = a;
            } else {
                place = a;
            }
        }
        return new String[] {place, outlet};
    }

    private static boolean outletLike(Rule r, String s) {
        return (s.length() <= 60 && Text.domainLike(s)) || r.outlets.contains(s) || s.contains(".");
    }
}
