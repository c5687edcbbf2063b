package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code line} family: a line the pattern matches entirely (or whose last {@code suffix} characters it matches)
 * is removed; its neighbour settings may take the next, following or previous lines too.
 */
final class LineRules implements RuleFamily {

    /** One compiled line rule. */
    record Rule(String id, String kind, AnchoredPattern pattern, StartFilter filter, List<String> requires, int suffix,
                int maxLength, int maxWords, LinePosition position, Pattern takeNext, int takeNextMaxWords,
                boolean takeNextHeadOnly, Pattern follow, boolean takePrevious, boolean pageMarker, int memo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    LineRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "line";
    }

    @Override
    public void add(RulePack.Rule r) {
        String id = r.id();
        int flags = CompiledRules.flags(r);
        String takeNext = r.string("takeNext", null);
        String follow = r.string("follow", null);
        int suffix = r.integer("suffix", 0);
        String pattern = r.string("pattern", null);
        AnchoredPattern p = patterns.compile(id, suffix > 0 ? "(?:" + pattern + ")$" : pattern, flags);
        rules.add(new Rule(id, r.kind(), p, suffix > 0 ? null : StartFilter.of(p.pattern()), r.list("requires"), suffix,
                r.integer("maxLength", 300), r.integer("maxWords", Integer.MAX_VALUE),
                LinePosition.of(r.string("position", "any")),
                takeNext == null ? null : CompiledRules.compile(id, takeNext, flags), r.integer("takeNextMaxWords", 30),
                r.bool("takeNextHeadOnly", false), follow == null ? null : CompiledRules.compile(id, follow, flags),
                r.bool("takePrevious", false), r.bool("pageMarker", false), memos.wholeLineSlot()));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (int k = 0; k < rules.size(); k++) {
            Rule r = rules.get(k);
            if (!pass.knownToFail(i, r.memo) && s.length() <= r.maxLength && (r.filter == null || r.filter.canStart(s))
                    && pass.mayMatch(i, r.pattern, 0) && pass.standsAt(r.position, i)
                    && (r.maxWords == Integer.MAX_VALUE || pass.words(i, r.maxWords + 1) <= r.maxWords)) {
                if (matches(pass, k, r, s)) {
                    return new LineVerdict(r.id, r.kind, null, false, false, null, r, r.pageMarker,
                            "credit".equals(r.kind));
                }
                pass.rememberFailure(i, r.memo);
            }
        }
        return null;
    }

    private boolean matches(CleaningPass pass, int k, Rule r, String s) {
        int from = r.suffix <= 0 ? 0 : Math.max(0, s.length() - r.suffix);
        for (String required : r.requires) {
            if (s.indexOf(required, from) < 0) {
                return false;
            }
        }
        Matcher m = pass.reusableMatcher(r.pattern.pattern(), s);
        m.useTransparentBounds(true);
        if (r.suffix <= 0) {
            return m.matches();
        }
        m.region(from, s.length());
        return m.find();
    }

    /** Takes the next, following or previous lines that a claimed line's rule asks for. */
    void claimNeighbours(CleaningPass pass, int i) {
        LineVerdict verdict = pass.verdict(i);
        Rule r = verdict == null ? null : verdict.neighbours();
        if (r == null) {
            return;
        }
        int n = pass.size();
        if (r.takeNext != null && i + 1 < n && pass.verdict(i + 1) == null
                && (!r.takeNextHeadOnly || pass.head(i + 1))
                && pass.stripped(i + 1).length() <= 20_000
                && pass.words(i + 1, r.takeNextMaxWords + 1) <= r.takeNextMaxWords
                && r.takeNext.matcher(pass.stripped(i + 1)).matches()) {
            pass.claim(i + 1, LineVerdict.of(r.id, r.kind));
        }
        if (r.follow != null) {
            for (int j = i + 1; j < n && pass.verdict(j) == null && pass.text(j).length() <= 200
                    && r.follow.matcher(pass.text(j)).matches(); j++) {
                pass.claim(j, LineVerdict.of(r.id, r.kind));
            }
        }
        if (r.takePrevious && i - 1 >= 1 && pass.verdict(i - 1) == null && pass.head(i - 1)
                && pass.words(i - 1, 41) <= 40) {
            pass.claim(i - 1, LineVerdict.of(r.id, r.kind));
        }
    }
}
