package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code credit-regex} family: a whole line matching {@code pattern}, whose {@code name} group fills a credit
 * field. With {@code position: last} the rule looks only at the last kept line, after the other rules ran.
 */
final class CreditPatternRules implements RuleFamily {

    private record Rule(String id, String kind, AnchoredPattern pattern, String field, LinePosition position,
                        StartFilter filter, int memo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    CreditPatternRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "credit-regex";
    }

    @Override
    public void add(RulePack.Rule r) {
        AnchoredPattern p = patterns.compile(r.id(), r.string("pattern", null), CompiledRules.flags(r));
        rules.add(new Rule(r.id(), r.kind(), p, r.string("field", "author"),
                LinePosition.of(r.string("position", "any")),
                StartFilter.of(p.pattern()), memos.wholeLineSlot()));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (int q = 0; q < rules.size(); q++) {
            Rule r = rules.get(q);
            if (s.length() <= 300 && r.position != LinePosition.LAST && pass.standsAt(r.position, i)
                    && !pass.knownToFail(i, r.memo) && r.filter.canStart(s) && pass.mayMatch(i, r.pattern, 0)) {
                Matcher m = r.pattern.pattern().matcher(s);
                if (m.matches()) {
                    pass.findings().credit(r.field, Text.group(m, "name"));
                    pass.findings().creditLines.add(s);
                    return LineVerdict.of(r.id, r.kind);
                }
                pass.rememberFailure(i, r.memo);
            }
        }
        return null;
    }

    /** The rules with {@code position: last}, tried on the last line nothing claimed. */
    void claimLastLine(CleaningPass pass) {
        for (Rule r : rules) {
            if (r.position != LinePosition.LAST) {
                continue;
            }
            int last = pass.size() - 1;
            while (last > 0 && pass.verdict(last) != null) {
                last--;
            }
            if (last > 0 && pass.verdict(last) == null && pass.stripped(last).length() <= 120
                    && pass.mayMatch(last, r.pattern, 0)) {
                Matcher m = r.pattern.pattern().matcher(pass.stripped(last));
                if (m.matches()) {
                    pass.findings().credit(r.field, Text.group(m, "name"));
                    pass.findings().creditLines.add(pass.stripped(last));
                    pass.claim(last, LineVerdict.of(r.id, r.kind));
                }
            }
        }
    }
}
