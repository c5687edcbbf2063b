package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Removal;
import io.newspipe.enrich.clean.Text;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * On which outlets each hand-written rule fires correctly. A rule fires correctly on an article when one of its
 * removals falls on an annotated boilerplate line, or its text overlaps an annotated fragment or the dateline of
 * its line. A rule generalises for an outlet when it fires correctly on at least {@link #MIN_OTHER_OUTLETS} other
 * outlets: a rule that only one or two outlets' pages taught cannot be counted on for an outlet nobody has seen.
 */
public final class RuleCensus {

    /** How many other outlets a rule must fire correctly on to count for an outlet. */
    public static final int MIN_OTHER_OUTLETS = 2;

    private final Map<String, Set<String>> outletsByRule;

    private RuleCensus(Map<String, Set<String>> outletsByRule) {
        this.outletsByRule = outletsByRule;
    }

    /** The census of the given articles as cleaned by {@code results}. */
    public static RuleCensus of(Iterable<AnnotatedArticle> articles, Function<AnnotatedArticle, CleanResult> results) {
        Map<String, Set<String>> byRule = new HashMap<>();
        for (AnnotatedArticle a : articles) {
            String[] lines = a.lines();
            for (Removal x : results.apply(a).removed()) {
                if (firesCorrectly(a, lines, x)) {
                    byRule.computeIfAbsent(x.rule(), k -> new TreeSet<>()).add(a.outlet());
                }
            }
        }
        return new RuleCensus(byRule);
    }

    /** Whether {@code rule} fires correctly on at least {@link #MIN_OTHER_OUTLETS} outlets other than {@code outlet}. */
    public boolean generalises(String rule, String outlet) {
        Set<String> outlets = outletsByRule.getOrDefault(rule, Set.of());
        return outlets.size() - (outlets.contains(outlet) ? 1 : 0) >= MIN_OTHER_OUTLETS;
    }

    /** Rules that fire correctly somewhere but do not generalise for every outlet they fire on, with those outlets. */
    public Map<String, Set<String>> narrowRules() {
        Map<String, Set<String>> out = new TreeMap<>();
        outletsByRule.forEach((rule, outlets) -> {
            if (outlets.size() <= MIN_OTHER_OUTLETS) {
                out.put(rule, outlets);
            }
        });
        return out;
    }

    static boolean firesCorrectly(AnnotatedArticle a, String[] lines, Removal x) {
        if (a.boilerplateLines().contains(x.line())) {
            return true;
        }
        String removed = Text.norm(x.text());
        if (removed.isEmpty() || x.line() < 1 || x.line() > lines.length) {
            return false;
        }
        for (AnnotatedArticle.Fragment f : a.fragments()) {
            if (f.line() == x.line() && overlaps(removed, Text.norm(f.text()))) {
                return true;
            }
        }
        return a.dateline() != null && lines[x.line() - 1].contains(a.dateline())
                && overlaps(removed, Text.norm(a.dateline()));
    }

    private static boolean overlaps(String removed, String annotated) {
        return !annotated.isEmpty() && (removed.contains(annotated) || annotated.contains(removed));
    }
}
