package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code related} family: a label such as "Baca juga:" that starts a line, with the headline on the rest of the
 * line or on the next one; with {@code inline}, also "(BACA JUGA: X)" and "Baca juga: X" glued inside a line, the
 * headline ending where the story's next sentence begins. A {@code topicLabels} label names its topic before the
 * colon ("More on Ukraine: X").
 */
final class RelatedRules implements RuleFamily {

    private static final Pattern LEAD_BULLET = Pattern.compile("^[-–—•*»▶►>]{1,2}\\s{0,2}");

    private record Rule(String id, String kind, AnchoredPattern start, StartFilter filter, boolean separatorRequired,
                        AnchoredPattern inline, AnchoredPattern bracketed, Set<String> starters, int memo,
                        int bracketedMemo, int labelledMemo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    RelatedRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "related";
    }

    @Override
    public void add(RulePack.Rule r) {
        String id = r.id();
        List<String> labels = r.list("labels");
        String alternation = CompiledRules.alternation(labels);
        List<String> topicLabels = r.list("topicLabels");
        // "More on Ukraine:": a label, a topic of one to three capitalised words, then the colon; tried first, so
        // that the bare label does not end the match before the topic
        String starts = topicLabels.isEmpty() ? alternation : "(?:" + CompiledRules.alternation(topicLabels)
                + ")(?: [\\p{Lu}\\d][\\p{L}\\d'’&-]{0,24}){1,3}(?=\\s{0,2}:)|" + alternation;
        AnchoredPattern start = patterns.compile(id, "\\s{0,3}(?:[-–—•*»▶►>]{1,2}\\s{0,2})?[(\\[]?\\s{0,2}(?:" + starts
                + ")(?![\\p{L}\\d'’])\\s{0,2}(?<sep>[:|]|--|[-–—])?\\s{0,3}", 0);
        AnchoredPattern inline = null;
        AnchoredPattern bracketed = null;
        if (r.bool("inline", false)) {
            bracketed = patterns.compile(id, "[(\\[]\\s{0,2}(?:" + alternation
                    + ")\\s{0,2}[:|]?\\s{0,3}(?<h>[\\p{Lu}\\d\"“'‘][^()\\[\\]\\n]{2,250})[)\\]]", 0);
            List<String> inlineLabels = r.list("inlineLabels");
            if (inlineLabels.isEmpty()) {
                inlineLabels = labels;
            }
            inline = patterns.compile(id, "(?<![\\p{L}\\d])(?:" + CompiledRules.alternation(inlineLabels)
                    + ")\\s{0,2}$", 0);
        }
        Set<String> starters = new HashSet<>();
        r.list("sentenceStarters").forEach(x -> starters.add(x.toLowerCase(Locale.ROOT)));
        rules.add(new Rule(id, r.kind(), start, StartFilter.of(start.pattern()), r.bool("separatorRequired", false),
                inline, bracketed, starters, memos.wholeLineSlot(), memos.inlineSlot(), memos.inlineSlot()));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (Rule r : rules) {
            if (pass.knownToFail(i, r.memo)) {
                continue;
            }
            LineVerdict verdict = claim(pass, i, r, s);
            if (verdict != null) {
                return verdict;
            }
            pass.rememberFailure(i, r.memo);
        }
        return null;
    }

    private static LineVerdict claim(CleaningPass pass, int i, Rule r, String s) {
        if (!r.filter.canStart(s) || !pass.mayMatch(i, r.start, 0)) {
            return null;
        }
        Matcher m = r.start.pattern().matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        String lead = LEAD_BULLET.matcher(s).replaceFirst("");
        boolean bracketed = lead.startsWith("(") || lead.startsWith("[");
        String separator = m.group("sep");
        String rest = s.substring(m.end()).strip();
        if (bracketed) {
            if (rest.endsWith(")") || rest.endsWith("]")) {
                rest = rest.substring(0, rest.length() - 1).strip();
            } else if (!rest.isEmpty()) {
                return null;
            }
        }
        if (rest.isEmpty()) {
            return bracketed ? null : LineVerdict.label(r.id, r.kind);
        }
        if (r.separatorRequired && separator == null && !bracketed) {
            return null;
        }
        int c = rest.codePointAt(0);
        if (!(Character.isUpperCase(c) || Character.isDigit(c) || Text.isQuote(c))) {
            return null;
        }
        if (rest.length() > Headlines.MAX_CHARS || Text.words(rest, Headlines.MAX_WORDS + 1) > Headlines.MAX_WORDS) {
            return null;
        }
        if (separator == null && !bracketed && rest.endsWith(".") && pass.vocabulary().titleCaseShare(rest) < 0.6) {
            return null; // "Lihat juga Pasal 5 undang-undang itu." is a sentence, not a link
        }
        return LineVerdict.headline(r.id, r.kind, rest);
    }

    /** After a label alone on line {@code i}, the next line is its headline if it looks like one. */
    void claimHeadlineAfter(CleaningPass pass, int i) {
        LineVerdict label = pass.verdict(i);
        int j = i + 1;
        if (j < pass.size() && pass.verdict(j) == null
                && Headlines.looksLikeOne(pass.stripped(j), Headlines.MAX_WORDS, pass.vocabulary())) {
            pass.claim(j, LineVerdict.headline(label.rule(), label.kind(), pass.stripped(j)));
        }
    }

    /** Related links glued into a line: "(BACA JUGA: X)" and "Baca juga: X" followed by the story. */
    @Override
    public void cut(CleaningPass pass, int i) {
        String s = pass.text(i);
        for (Rule r : rules) {
            if (r.inline == null) {
                continue;
            }
            cutBracketed(pass, i, s, r);
            cutLabelled(pass, i, s, r);
        }
    }

    private static void cutBracketed(CleaningPass pass, int i, String s, Rule r) {
        if (pass.inlineKnownToFail(i, r.bracketedMemo) || !pass.mayMatch(i, r.bracketed, 0)) {
            return;
        }
        Matcher m = r.bracketed.pattern().matcher(s);
        if (!m.find()) {
            pass.rememberInlineFailure(i, r.bracketedMemo);
            return;
        }
        m.reset();
        while (m.find()) {
            if (pass.covered(i, m.start()) || (m.start() == 0 && m.end() >= s.stripTrailing().length())) {
                continue;
            }
            pass.findings().related(m.group("h"), pass.number(i), m.start());
            pass.addSpan(i, new Span(m.start(), m.end(), r.id, r.kind));
        }
    }

    private void cutLabelled(CleaningPass pass, int i, String s, Rule r) {
        boolean anyLabel = false;
        for (int colon = pass.inlineKnownToFail(i, r.labelledMemo) ? -1 : s.indexOf(':'); colon >= 0; colon = s.indexOf(':', colon + 1)) {
            // the label ends at most \s{0,2} plus a line terminator (for $) before the colon
            int regionStart = Math.max(0, colon - 40);
            if (!pass.mayMatch(i, r.inline, regionStart)) {
                continue;
            }
            Matcher m = r.inline.pattern().matcher(s).region(regionStart, colon);
            m.useTransparentBounds(true);
            if (!m.find()) {
                continue;
            }
            anyLabel = true;
            if (pass.covered(i, m.start())) {
                continue;
            }
            int from = colon + 1;
            while (from < s.length() && from - colon <= 4 && s.charAt(from) == ' ') {
                from++;
            }
            if (from >= s.length() || !Headlines.canStartWith(s.codePointAt(from))) {
                continue;
            }
            int limit = pass.nextSpanStart(i, from, s.length());
            int end = Headlines.end(s, from, limit, r.starters, pass.vocabulary());
            if (end <= from) {
                continue;
            }
            pass.findings().related(s.substring(from, end), pass.number(i), m.start());
            pass.addSpan(i, new Span(m.start(), end, r.id, r.kind));
            colon = Math.max(colon, end - 1);
        }
        if (!anyLabel) {
            pass.rememberInlineFailure(i, r.labelledMemo); // every colon was tried, no label before any of them
        }
    }
}
