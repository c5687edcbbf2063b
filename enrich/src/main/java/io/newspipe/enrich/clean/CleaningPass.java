package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass over a page: the stages run in a fixed order over the non-blank lines, each rule family claiming whole
 * lines or marking spans, and then {@link SpanApplier} removes what was found.
 *
 * <ol>
 *   <li>the first dateline line, which ends the page header;</li>
 *   <li>whole lines, each family in the packs' precedence;</li>
 *   <li>neighbours: the headline after a lone related label, the {@code takeNext}, {@code follow} and
 *       {@code takePrevious} lines of line rules;</li>
 *   <li>markup: lines of an HTML input that no text rule claimed and whose markup a {@code markup} rule
 *       matches;</li>
 *   <li>end blocks confirmed near the end, or their fallback;</li>
 *   <li>heuristics: byline block, repeated title, header labels, last-line credits, teasers, tail sweep;</li>
 *   <li>the dateline;</li>
 *   <li>fragments of unclaimed lines: inline rules, glued syndication footers, glued credits, line ends,
 *       glued related links;</li>
 *   <li>with a {@link LineModel}: the lines no rule touched, each removed when the model is sure it is
 *       boilerplate ({@link LineJudge}).</li>
 * </ol>
 */
final class CleaningPass {

    static final int HEAD_LINES = 10;
    static final int TAIL_LINES = 6;

    private final CompiledRules rules;
    private final LineModel model;
    private final Findings findings;
    private final List<PageLine> kept = new ArrayList<>();
    private final String[] stripped;
    private final LineVerdict[] verdicts;
    private final LineSpans[] spans;
    /** The model's score of each line it claimed (0 elsewhere). */
    private final double[] scores;
    private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();
    /** The markup of every input line, by line number - 1, or null for a text input. */
    private final List<MarkupSignals> markup;
    private int datelineLine = -1;

    CleaningPass(CompiledRules rules, List<PageLine> lines, List<MarkupSignals> markup, Findings findings) {
        this(rules, null, lines, markup, findings);
    }

    /** A pass whose last stage is {@code model}'s judgement of the lines no rule touched (none when null). */
    CleaningPass(CompiledRules rules, LineModel model, List<PageLine> lines, List<MarkupSignals> markup,
                 Findings findings) {
        this.rules = rules;
        this.model = model;
        this.findings = findings;
        this.markup = markup;
        for (PageLine line : lines) {
            if (!line.text.isBlank()) {
                kept.add(line);
            }
        }
        stripped = new String[kept.size()];
        for (int i = 0; i < stripped.length; i++) {
            stripped[i] = kept.get(i).text.strip();
        }
        verdicts = new LineVerdict[kept.size()];
        spans = new LineSpans[kept.size()];
        scores = new double[kept.size()];
    }

    /** Runs the stages; true if anything was found to remove. */
    boolean run() {
        int n = size();
        if (n == 0) {
            return false;
        }
        datelineLine = rules.datelines.firstDatelineLine(this);
        for (int i = 0; i < n; i++) {
            verdicts[i] = claimWhole(i);
        }
        for (int i = 0; i < n; i++) {
            LineVerdict verdict = verdicts[i];
            if (verdict != null && verdict.labelOnly() && !verdict.endLabel()) {
                rules.related.claimHeadlineAfter(this, i);
            }
            rules.lines.claimNeighbours(this, i);
        }
        if (markup != null) {
            for (int i = 0; i < n; i++) {
                if (verdicts[i] == null) {
                    verdicts[i] = rules.markup.claim(this, i);
                }
            }
        }
        rules.endBlocks.confirm(this);
        runHeuristic("byline-block");
        runHeuristic("repeated-title");
        runHeuristic("header-label");
        rules.creditPatterns.claimLastLine(this);
        runHeuristic("teaser");
        runHeuristic("tail-sweep");
        rules.datelines.cutDateline(this);
        for (int i = 0; i < n; i++) {
            if (verdicts[i] == null) {
                for (RuleFamily family : rules.cutOrder) {
                    family.cut(this, i);
                }
            }
        }
        if (model != null) {
            LineJudge.judge(this, model);
        }
        return true;
    }

    private LineVerdict claimWhole(int i) {
        for (RuleFamily family : rules.claimOrder) {
            LineVerdict verdict = family.claim(this, i);
            if (verdict != null) {
                return verdict;
            }
        }
        return null;
    }

    private void runHeuristic(String name) {
        Heuristic heuristic = rules.heuristic(name);
        if (heuristic != null) {
            heuristic.run(this);
        }
    }

    // ---- the page as the families see it -------------------------------------------------------------------

    /** Number of non-blank lines. */
    int size() {
        return kept.size();
    }

    PageLine line(int i) {
        return kept.get(i);
    }

    /** The text of line {@code i}. */
    String text(int i) {
        return kept.get(i).text;
    }

    /** The text of line {@code i} without surrounding white space. */
    String stripped(int i) {
        return stripped[i];
    }

    /**
     * The words of line {@code i}, counted up to {@code cap} as {@link Text#words(String, int)} counts them (the
     * same for its text and its stripped text); counted once per line.
     */
    int words(int i, int cap) {
        return kept.get(i).words(cap);
    }

    /** What the HTML said about line {@code i}, or null when the body was not read from HTML. */
    MarkupSignals markup(int i) {
        return markup == null ? null : markup.get(number(i) - 1);
    }

    /** The 1-based input line number of line {@code i}. */
    int number(int i) {
        return kept.get(i).number;
    }

    Findings findings() {
        return findings;
    }

    Vocabulary vocabulary() {
        return rules.vocabulary;
    }

    LineVerdict verdict(int i) {
        return verdicts[i];
    }

    void claim(int i, LineVerdict verdict) {
        verdicts[i] = verdict;
    }

    /** Claims line {@code i} for the line model, with its score. */
    void claimByModel(int i, LineVerdict verdict, double score) {
        verdicts[i] = verdict;
        scores[i] = score;
    }

    /** The model's score of line {@code i} if the model claimed it, else null. */
    Double modelScore(int i) {
        return model != null && verdicts[i] != null && verdicts[i].rule().equals(model.ruleId()) ? scores[i] : null;
    }

    /** True if no rule claimed line {@code i} nor cut anything from it. */
    boolean untouched(int i) {
        return verdicts[i] == null && (spans[i] == null || spans[i].spans.isEmpty());
    }

    /** The start of line {@code i} as the line classifier compares it with other lines' starts, computed once. */
    String start(int i) {
        return kept.get(i).start(stripped[i]);
    }

    /** The words the line classifier compares line {@code i} with the headline by, computed once. */
    LineFeatures.LineWords words(int i) {
        return kept.get(i).lineWords(stripped[i], rules.wordClasses);
    }

    /** What the line classifier reads from the text of line {@code i} ({@link LineShape}), computed once. */
    LineShape shape(int i) {
        return kept.get(i).shape(stripped[i], rules.wordClasses);
    }

    /** In the page header: after the title, among the first lines, before the dateline. */
    boolean head(int i) {
        return i >= 1 && i <= HEAD_LINES && (datelineLine < 0 || i < datelineLine);
    }

    /** Among the last lines. */
    boolean tail(int i) {
        return i >= size() - TAIL_LINES;
    }

    /** True if line {@code i} stands where a rule's {@code position} allows. */
    boolean standsAt(LinePosition position, int i) {
        return switch (position) {
            case HEAD -> head(i);
            case TAIL -> tail(i);
            case EDGE -> head(i) || tail(i);
            case ANY, LAST -> true;
        };
    }

    /** True if the whole-line test of memo {@code slot} already failed on line {@code i}'s text. */
    boolean knownToFail(int i, int slot) {
        return kept.get(i).lineFailures(rules.lineSlots)[slot] != 0;
    }

    /** Remembers that the whole-line test of memo {@code slot} fails on line {@code i}'s text. */
    void rememberFailure(int i, int slot) {
        kept.get(i).lineFailures(rules.lineSlots)[slot] = 1;
    }

    /** True if the search of memo {@code slot} already found nothing in line {@code i}'s text. */
    boolean inlineKnownToFail(int i, int slot) {
        return kept.get(i).inlineFailures(rules.inlineSlots)[slot] != 0;
    }

    /** Remembers that the search of memo {@code slot} finds nothing in line {@code i}'s text. */
    void rememberInlineFailure(int i, int slot) {
        kept.get(i).inlineFailures(rules.inlineSlots)[slot] = 1;
    }

    /**
     * False only if {@code pattern} cannot match in line {@code i}'s text at or after {@code from}: none of its
     * anchors starts there. Holds for the stripped text too (it is part of the text).
     */
    boolean mayMatch(int i, AnchoredPattern pattern, int from) {
        PageLine line = kept.get(i);
        if (pattern.needsDigit() && line.lastDigit() < from) {
            return false;
        }
        return pattern.slot() == AnchoredPattern.UNANCHORED || line.anchorStarts(rules.anchors)[pattern.slot()] >= from;
    }

    /** A matcher of {@code pattern} on {@code text}, reused within the pass. */
    Matcher reusableMatcher(Pattern pattern, String text) {
        Matcher m = matchers.get(pattern);
        if (m == null) {
            m = pattern.matcher(text);
            matchers.put(pattern, m);
        } else {
            m.reset(text);
        }
        return m;
    }

    // ---- spans ----------------------------------------------------------------------------------------------

    LineSpans spans(int i) {
        return spans[i];
    }

    void addSpan(int i, Span span) {
        if (spans[i] == null) {
            spans[i] = new LineSpans();
        }
        spans[i].add(span);
    }

    boolean covered(int i, int position) {
        return spans[i] != null && spans[i].covered(position);
    }

    int nextSpanStart(int i, int position, int fallback) {
        return spans[i] == null ? fallback : spans[i].nextStart(position, fallback);
    }

    /** End of the uncovered text of line {@code i}: its end, or the start of a span that reaches the end. */
    int effectiveEnd(int i) {
        String s = text(i);
        int end = s.length();
        while (true) {
            while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
                end--;
            }
            int start = spans[i] == null ? -1 : spans[i].startOfSpanReaching(end);
            if (start < 0 || start >= end) {
                return end;
            }
            end = start;
        }
    }
}
