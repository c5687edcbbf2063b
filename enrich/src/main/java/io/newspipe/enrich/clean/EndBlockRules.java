package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code end-block} family: a header such as "Artikel Terkait" followed, up to the end, by a list of headlines.
 * A header line is claimed provisionally, with the {@code related} verdict of the same line as its fallback, and
 * confirmed only when it stands within {@code maxItems} lines of the end with headline-like lines after it.
 */
final class EndBlockRules implements RuleFamily {

    private record Rule(String id, String kind, Set<String> labels, int maxItems, int maxItemWords) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final RelatedRules related;

    EndBlockRules(RelatedRules related) {
        this.related = related;
    }

    @Override
    public String type() {
        return "end-block";
    }

    @Override
    public void add(RulePack.Rule r) {
        Set<String> labels = new HashSet<>();
        r.list("labels").forEach(l -> labels.add(Text.norm(l)));
        rules.add(new Rule(r.id(), r.kind(), labels, r.integer("maxItems", 15),
                r.integer("maxItemWords", Headlines.MAX_WORDS)));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        if (s.length() > 80) {
            return null;
        }
        String key = Text.norm(s);
        for (Rule r : rules) {
            if (r.labels.contains(key)) {
                return new LineVerdict(r.id, r.kind, null, true, true, related.claim(pass, i), null, false, false);
            }
        }
        return null;
    }

    /** Confirms the first header near the end (the rest of the page becomes its list) or falls back. */
    void confirm(CleaningPass pass) {
        int n = pass.size();
        for (int i = 0; i < n; i++) {
            LineVerdict verdict = pass.verdict(i);
            if (verdict == null || !verdict.endLabel()) {
                continue;
            }
            Rule r = rules.stream().filter(e -> e.id.equals(verdict.rule())).findFirst().orElseThrow();
            boolean near = n - 1 - i <= r.maxItems;
            for (int j = i + 1; near && j < n; j++) {
                near = pass.verdict(j) != null
                        || Headlines.looksLikeListItem(pass.stripped(j), r.maxItemWords, pass.vocabulary());
            }
            if (near) {
                pass.claim(i, LineVerdict.of(r.id, r.kind));
                for (int j = i + 1; j < n; j++) {
                    if (pass.verdict(j) == null) {
                        pass.claim(j, LineVerdict.headline(r.id, r.kind, pass.stripped(j)));
                    }
                }
                return;
            }
            pass.claim(i, verdict.fallback());
            if (verdict.fallback() != null && verdict.fallback().labelOnly()) {
                related.claimHeadlineAfter(pass, i);
            }
        }
    }
}
