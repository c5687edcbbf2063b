package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code writer-code} family: writer codes such as {@code (agk)}, {@code (SIS)} or {@code [has]}, alone on a
 * line or at the end of one.
 */
final class WriterCodeRules implements RuleFamily {

    private record Rule(String id, String kind, Pattern lower, Pattern upper, Pattern bracket, AnchoredPattern line,
                        StartFilter lineFilter, int memo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    WriterCodeRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "writer-code";
    }

    @Override
    public void add(RulePack.Rule r) {
        String id = r.id();
        String lower = r.string("lower", "(?!)");
        String upper = r.string("upper", "(?!)");
        String bracket = r.string("bracket", "(?!)");
        AnchoredPattern line = patterns.compile(id,
                ("\\s{0,3}(?:" + lower + "|" + upper + "|" + bracket + ")\\s{0,3}").replace("(?<code>", "(?:"), 0);
        rules.add(new Rule(id, r.kind(), CompiledRules.compile(id, "(?:" + lower + ")\\s{0,3}$", 0),
                CompiledRules.compile(id, "(?<=[.!?\"”'’)]\\s{0,2})(?:" + upper + ")\\s{0,3}$", 0),
                CompiledRules.compile(id, "(?<=[.!?\"”'’)]\\s{0,2})(?:" + bracket + ")\\s{0,3}$", 0),
                line, StartFilter.of(line.pattern()), memos.wholeLineSlot()));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (int q = 0; q < rules.size(); q++) {
            Rule r = rules.get(q);
            if (s.length() <= 80 && !pass.knownToFail(i, r.memo) && r.lineFilter.canStart(s)
                    && pass.mayMatch(i, r.line, 0)) {
                if (r.line.pattern().matcher(s).matches()) {
                    pass.findings().codes.add(Text.stripBrackets(s));
                    pass.findings().creditLines.add(s);
                    return LineVerdict.of(r.id, r.kind);
                }
                pass.rememberFailure(i, r.memo);
            }
        }
        return null;
    }

    /** Cuts a writer code that ends the uncovered text of line {@code i} at {@code end}; true if one was cut. */
    boolean cutAtEnd(CleaningPass pass, int i, int from, int end) {
        String s = pass.text(i);
        char lastChar = s.charAt(end - 1);
        if (lastChar != ')' && lastChar != ']') {
            return false;
        }
        for (Rule r : rules) {
            for (Pattern p : new Pattern[] {r.lower, r.upper, r.bracket}) {
                Matcher m = p.matcher(s).region(from, end);
                m.useTransparentBounds(true);
                if (m.find() && m.start() > 0) {
                    String code = Text.group(m, "code");
                    if (p == r.lower && !Text.afterSentence(s, m.start()) && code != null && code.length() > 3
                            && code.chars().noneMatch(c -> c == '/' || Character.isDigit(c))) {
                        continue; // "... sistem zonasi (domisili)" is a gloss, not a writer code
                    }
                    pass.findings().codes.add(code == null ? Text.stripBrackets(m.group().strip()) : code);
                    pass.findings().creditLines.add(m.group().strip());
                    pass.addSpan(i, new Span(m.start(), end, r.id, r.kind));
                    return true;
                }
            }
        }
        return false;
    }
}
