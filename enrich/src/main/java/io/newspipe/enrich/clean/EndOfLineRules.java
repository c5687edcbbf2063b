package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code inline-eol} family: labels such as "READ MORE" cut from the end of a line. Together with the writer
 * codes it is applied repeatedly, since one cut can bare another ("... kata dia. (agk) READ MORE").
 */
final class EndOfLineRules implements RuleFamily {

    private static final int MAX_CUTS = 4;

    private record Rule(String id, String kind, AnchoredPattern pattern) {
    }

    private final AnchorIndex.Builder patterns;
    private final List<Rule> rules = new ArrayList<>();
    private final WriterCodeRules writerCodes;

    EndOfLineRules(AnchorIndex.Builder patterns, WriterCodeRules writerCodes) {
        this.patterns = patterns;
        this.writerCodes = writerCodes;
    }

    @Override
    public String type() {
        return "inline-eol";
    }

    @Override
    public void add(RulePack.Rule r) {
        rules.add(new Rule(r.id(), r.kind(), patterns.compile(r.id(),
                "(?:" + r.string("pattern", null) + ")\\s{0,3}$", CompiledRules.flags(r))));
    }

    @Override
    public void cut(CleaningPass pass, int i) {
        String s = pass.text(i);
        boolean again = true;
        int cuts = 0;
        while (again && cuts++ < MAX_CUTS) {
            again = false;
            int end = pass.effectiveEnd(i);
            if (end <= 0) {
                break;
            }
            int from = Math.max(0, end - 200);
            for (Rule r : rules) {
                if (!pass.mayMatch(i, r.pattern, from)) {
                    continue;
                }
                Matcher m = r.pattern.pattern().matcher(s).region(from, end);
                m.useTransparentBounds(true);
                if (m.find() && m.start() > 0) {
                    pass.addSpan(i, new Span(m.start(), end, r.id, r.kind));
                    again = true;
                    break;
                }
            }
            if (!again) {
                again = writerCodes.cutAtEnd(pass, i, from, end);
            }
        }
    }
}
