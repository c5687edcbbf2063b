package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code syndication} family: a whole line such as "Baca artikel detikcom, "Title" selengkapnya URL" or
 * "Sumber: outlet", with groups {@code outlet}, {@code title}, {@code url} or {@code value}.
 */
final class SyndicationLineRules implements RuleFamily {

    static final Pattern URL = Pattern.compile("https?://\\S{1,1000}");
    private static final Pattern HOST = Pattern.compile("https?://(?:www\\.)?([^/\\s]{1,200})");

    private record Rule(String id, String kind, AnchoredPattern pattern, int maxLength, StartFilter filter, int memo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    SyndicationLineRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "syndication";
    }

    @Override
    public void add(RulePack.Rule r) {
        AnchoredPattern p = patterns.compile(r.id(), r.string("pattern", null), CompiledRules.flags(r));
        rules.add(new Rule(r.id(), r.kind(), p, r.integer("maxLength", 300), StartFilter.of(p.pattern()),
                memos.wholeLineSlot()));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (int q = 0; q < rules.size(); q++) {
            Rule r = rules.get(q);
            if (s.length() <= r.maxLength && !pass.knownToFail(i, r.memo) && r.filter.canStart(s)
                    && pass.mayMatch(i, r.pattern, 0)) {
                Matcher m = r.pattern.pattern().matcher(s);
                if (m.matches()) {
                    record(pass.findings(), m, s);
                    return LineVerdict.of(r.id, r.kind);
                }
                pass.rememberFailure(i, r.memo);
            }
        }
        return null;
    }

    private static void record(Findings findings, Matcher m, String s) {
        String outlet = Text.group(m, "outlet");
        String title = Text.group(m, "title");
        String url = Text.group(m, "url");
        String value = Text.group(m, "value");
        if (value != null) {
            String v = value.strip();
            Matcher urlMatch = URL.matcher(v);
            if (urlMatch.lookingAt()) {
                url = urlMatch.group().replaceAll("[.,;)]+$", "");
                Matcher hostMatch = HOST.matcher(url);
                outlet = hostMatch.find() ? hostMatch.group(1) : null;
            } else {
                outlet = v;
            }
        }
        findings.syndication(outlet, title, url, s);
    }
}
