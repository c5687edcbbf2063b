package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code syndication-tayang} family: "Artikel ini telah tayang di &lt;outlet&gt; dengan judul &lt;title&gt;
 * &lt;url&gt;" footers, on a line of their own or glued to the end of one, and their cut-off form at a line's end.
 */
final class SyndicationFooterRules implements RuleFamily {

    private record Rule(String id, String kind, AnchoredPattern lead, StartFilter leadFilter, String titleMarker,
                        AnchoredPattern truncated, Pattern titleTail, int memo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    SyndicationFooterRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "syndication-tayang";
    }

    @Override
    public void add(RulePack.Rule r) {
        String id = r.id();
        String lead = r.string("lead", null);
        String truncated = r.string("truncated", null);
        List<String> tails = r.list("titleTails");
        AnchoredPattern leadPattern = patterns.compile(id, lead, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        rules.add(new Rule(id, r.kind(), leadPattern, StartFilter.of(leadPattern.pattern()),
                r.string("titleMarker", null), truncated == null ? null : patterns.compile(id, truncated, 0),
                tails.isEmpty() ? null : CompiledRules.compile(id, "(?i)[,.]?\\s{0,3}(?:" + tails.stream()
                        .map(Pattern::quote).collect(Collectors.joining("|")) + ")\\s{0,2}:?\\s{0,2}$", 0), memos.wholeLineSlot()));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (int q = 0; q < rules.size(); q++) {
            Rule r = rules.get(q);
            if (s.length() <= 3000 && !pass.knownToFail(i, r.memo) && r.leadFilter.canStart(s)
                    && pass.mayMatch(i, r.lead, 0)) {
                Matcher m = r.lead.pattern().matcher(s);
                if (m.lookingAt()) {
                    record(pass.findings(), r, s, 0, m.end());
                    return LineVerdict.of(r.id, r.kind);
                }
                pass.rememberFailure(i, r.memo);
            }
        }
        return null;
    }

    /** A footer glued to the end of a line, or a cut-off lead at its end. */
    @Override
    public void cut(CleaningPass pass, int i) {
        String s = pass.text(i);
        for (Rule r : rules) {
            boolean possible = pass.mayMatch(i, r.lead, 0);
            Matcher m = possible ? r.lead.pattern().matcher(s) : null;
            if (possible && m.find() && m.start() > 0 && !pass.covered(i, m.start())) {
                int end = pass.nextSpanStart(i, m.start(), s.length());
                record(pass.findings(), r, s.substring(0, end), m.start(), m.end());
                pass.addSpan(i, new Span(m.start(), end, r.id, r.kind));
            } else if (r.truncated != null) {
                int e = pass.effectiveEnd(i);
                int from = Math.max(0, e - 60);
                if (!pass.mayMatch(i, r.truncated, from)) {
                    continue;
                }
                Matcher truncatedMatch = r.truncated.pattern().matcher(s).region(from, e);
                if (truncatedMatch.find() && truncatedMatch.start() > 0) {
                    pass.findings().syndication(null, null, null, s.substring(truncatedMatch.start(), e));
                    pass.addSpan(i, new Span(truncatedMatch.start(), e, r.id, r.kind));
                }
            }
        }
    }

    private static void record(Findings findings, Rule r, String s, int leadStart, int afterLead) {
        String rest = s.substring(afterLead).strip();
        String outlet = rest;
        String title = null;
        String marker = r.titleMarker.strip();
        int markerAt = rest.indexOf(marker);
        if (markerAt >= 0) {
            outlet = rest.substring(0, markerAt).strip();
            String after = rest.substring(markerAt + marker.length()).strip();
            if (after.startsWith(":")) {
                after = after.substring(1).strip();
            }
            if (!after.isEmpty() && Text.isQuote(after.charAt(0))) {
                int close = -1;
                for (int k = 1; k < Math.min(after.length(), 400); k++) {
                    if (Text.isQuote(after.charAt(k))) {
                        close = k;
                        break;
                    }
                }
                title = close > 0 ? after.substring(1, close) : after.substring(1);
            } else {
                int h = after.indexOf("http");
                String beforeUrl = h >= 0 ? after.substring(0, h) : after;
                if (r.titleTail != null) {
                    beforeUrl = r.titleTail.matcher(beforeUrl).replaceAll("");
                }
                title = Headlines.clean(beforeUrl);
            }
        } else {
            int space = outlet.indexOf(' ');
            if (space > 0 && outlet.length() > 60) {
                outlet = outlet.substring(0, space);
            }
        }
        String url = null;
        Matcher urlMatch = SyndicationLineRules.URL.matcher(rest);
        if (urlMatch.find()) {
            url = urlMatch.group().replaceAll("[.,;)]+$", "");
        }
        findings.syndication(Headlines.clean(outlet), title, url, s.substring(leadStart).strip());
    }
}
