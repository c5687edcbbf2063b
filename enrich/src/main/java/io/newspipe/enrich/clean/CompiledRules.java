package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The rule packs in use, compiled: one {@link RuleFamily} per rule type, the heuristics by name, the packs'
 * precedence and merged vocabulary, and the layout of the per-line failure memos.
 */
final class CompiledRules {

    /** Where the families compile their patterns, so that every pattern's anchors go into one index. */
    private final AnchorIndex.Builder patterns;
    final SyndicationFooterRules footers;
    final SyndicationLineRules syndication;
    final CreditRoleRules credits;
    final CreditPatternRules creditPatterns;
    final WriterCodeRules writerCodes;
    final RelatedRules related;
    final EndBlockRules endBlocks;
    final LineRules lines;
    final DatelineRules datelines;
    final InlineRules inline;
    final EndOfLineRules endOfLine;
    final MarkupRules markup;

    /** The families that claim whole lines, in the packs' precedence. */
    final List<RuleFamily> claimOrder;
    /** The families that cut fragments from unclaimed lines, in the order they run. */
    final List<RuleFamily> cutOrder;
    final Vocabulary vocabulary;
    /** The vocabulary's function and stop words as the line classifier's features look them up. */
    final WordClasses wordClasses;
    final int lineSlots;
    final int inlineSlots;
    /** The anchors of every pattern of every family, found in one scan of a line. */
    final AnchorIndex anchors;
    private final Map<String, Heuristic> heuristics = new HashMap<>();

    CompiledRules(List<RulePack> packs) {
        this(packs, true);
    }

    /** With {@code anchored} false every pattern runs on every line (the reference for the anchors' tests). */
    CompiledRules(List<RulePack> packs, boolean anchored) {
        patterns = new AnchorIndex.Builder(anchored);
        FailureMemos memos = new FailureMemos();
        footers = new SyndicationFooterRules(patterns, memos);
        syndication = new SyndicationLineRules(patterns, memos);
        credits = new CreditRoleRules(patterns, memos);
        creditPatterns = new CreditPatternRules(patterns, memos);
        writerCodes = new WriterCodeRules(patterns, memos);
        related = new RelatedRules(patterns, memos);
        endBlocks = new EndBlockRules(related, patterns);
        lines = new LineRules(patterns, memos);
        datelines = new DatelineRules(patterns, memos);
        inline = new InlineRules(patterns, memos);
        endOfLine = new EndOfLineRules(patterns, writerCodes);
        markup = new MarkupRules();
        cutOrder = List.of(inline, footers, credits, endOfLine, endBlocks, related);
        Map<String, RuleFamily> byType = new LinkedHashMap<>();
        for (RuleFamily family : List.of(footers, syndication, credits, creditPatterns, writerCodes, related,
                endBlocks, lines, datelines, inline, endOfLine, markup)) {
            byType.put(family.type(), family);
        }
        Vocabulary words = Vocabulary.EMPTY;
        List<String> order = null;
        RulePack declaredBy = null;
        for (RulePack pack : packs) {
            words = words.merge(pack.vocabulary());
            if (pack.precedence() != null && order == null) {
                order = pack.precedence();
                declaredBy = pack;
            } else if (pack.precedence() != null && !order.equals(pack.precedence())) {
                throw new RulePackException("rule pack " + pack.source() + ": key 'precedence': " + pack.precedence()
                        + " contradicts " + order + " declared by rule pack " + declaredBy.source());
            }
            for (RulePack.Rule rule : pack.rules()) {
                if ("heuristic".equals(rule.type())) {
                    heuristics.computeIfAbsent(rule.string("name", null), name -> Heuristic.of(rule));
                } else if (byType.containsKey(rule.type())) {
                    byType.get(rule.type()).add(rule);
                } else {
                    throw new RulePackException("rule pack " + pack.source() + ": rule " + rule.id()
                            + ": key 'type': no family compiles '" + rule.type() + "'");
                }
            }
        }
        vocabulary = words;
        wordClasses = new WordClasses(words);
        claimOrder = (order != null ? order : RulePackSchema.get().defaultPrecedence()).stream().map(byType::get)
                .toList();
        lineSlots = memos.wholeLineSlots();
        inlineSlots = memos.inlineSlots();
        anchors = patterns.build();
    }

    /** Every pattern the families compiled, with its anchor slot. */
    List<AnchoredPattern> patterns() {
        return patterns.compiled();
    }

    /** The heuristic of that name, or null when no pack configures it. */
    Heuristic heuristic(String name) {
        return heuristics.get(name);
    }

    /** The flags of a rule's patterns: case-insensitive (Unicode) when {@code caseSensitive} is false. */
    static int flags(RulePack.Rule rule) {
        return rule.bool("caseSensitive", true) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }

    static Pattern compile(String ruleId, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new RulePackException("rule " + ruleId + ": bad pattern: " + e.getMessage(), e);
        }
    }

    /** The labels as a regex alternation, longest first, each quoted. */
    static String alternation(List<String> labels) {
        List<String> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }
}
