package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code inline} family: ads and prompts glued into a line, cut wherever the pattern occurs; with
 * {@code extend: sentence} the cut runs to the end of the sentence and over following sentences that contain one of
 * the {@code continueWords}.
 */
final class InlineRules implements RuleFamily {

    private record Rule(String id, String kind, AnchoredPattern pattern, boolean extendSentence,
                        List<String> continueWords, int memo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    InlineRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "inline";
    }

    @Override
    public void add(RulePack.Rule r) {
        rules.add(new Rule(r.id(), r.kind(), patterns.compile(r.id(), r.string("pattern", null),
                CompiledRules.flags(r)), "sentence".equals(r.string("extend", "")), r.list("continueWords"),
                memos.inlineSlot()));
    }

    @Override
    public void cut(CleaningPass pass, int i) {
        String s = pass.text(i);
        for (int q = 0; q < rules.size(); q++) {
            Rule r = rules.get(q);
            if (!pass.mayMatch(i, r.pattern, 0)) {
                continue;
            }
            if (pass.inlineKnownToFail(i, r.memo)) {
                continue; // the pattern was already found nowhere in this very line
            }
            Matcher m = r.pattern.pattern().matcher(s);
            if (!m.find()) {
                pass.rememberInlineFailure(i, r.memo);
                continue;
            }
            m.reset();
            while (m.find()) {
                if (pass.covered(i, m.start())) {
                    continue;
                }
                int end = r.extendSentence ? sentencesEnd(r, s, m.end()) : m.end();
                pass.addSpan(i, new Span(m.start(), end, r.id, r.kind));
                if (end > m.end()) {
                    m.region(end, s.length());
                }
            }
        }
    }

    /** The end of the sentence from {@code from}, and of the following ones that contain a continue word. */
    private static int sentencesEnd(Rule r, String s, int from) {
        int end = Text.sentenceEnd(s, from);
        while (end < s.length()) {
            int next = Text.sentenceEnd(s, end);
            String sentence = s.substring(end, next);
            if (r.continueWords.stream().noneMatch(sentence::contains)) {
                break;
            }
            end = next;
        }
        return end;
    }
}
