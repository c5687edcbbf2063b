package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code markup} family: a line that no text rule claimed, read from HTML whose markup marks it as boilerplate
 * (inside one of the rule's elements, such as {@code figcaption} or {@code aside}; under a class name or id holding
 * one of its words, such as {@code baca-juga} or {@code share}; mostly links, or links to the outlet's own
 * articles) is removed. Every condition a rule gives must hold; within a list one entry is enough. A rule of kind
 * {@code related} keeps the line as a related headline. Lines without markup (text inputs) are never claimed.
 */
final class MarkupRules implements RuleFamily {

    private record Rule(String id, String kind, List<String> inside, List<String> classWords, double minLinkDensity,
                        boolean sameSiteLink, int maxWords) {

        boolean matches(MarkupSignals markup) {
            return (inside.isEmpty() || inside.stream().anyMatch(markup::inside))
                    && (classWords.isEmpty() || classWords.stream().anyMatch(markup::classHolds))
                    && markup.linkDensity() >= minLinkDensity
                    && (!sameSiteLink || markup.sameSiteLink());
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    @Override
    public String type() {
        return "markup";
    }

    @Override
    public void add(RulePack.Rule r) {
        rules.add(new Rule(r.id(), r.kind(), lowerCase(r.list("inside")), lowerCase(r.list("classWords")),
                r.decimal("minLinkDensity", 0), r.bool("sameSiteLink", false), r.integer("maxWords", 60)));
    }

    /** Claims unclaimed line {@code i} when its markup matches a rule, in the packs' order. */
    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        MarkupSignals markup = pass.markup(i);
        if (markup == null) {
            return null;
        }
        for (Rule r : rules) {
            if (r.matches(markup) && pass.words(i, r.maxWords + 1) <= r.maxWords) {
                return "related".equals(r.kind) ? LineVerdict.headline(r.id, r.kind, pass.stripped(i))
                        : LineVerdict.of(r.id, r.kind);
            }
        }
        return null;
    }

    private static List<String> lowerCase(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
