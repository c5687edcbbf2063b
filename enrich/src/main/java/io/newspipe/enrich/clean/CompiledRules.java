package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.Collection;
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

    final SyndicationFooterRules footers = new SyndicationFooterRules();
    final SyndicationLineRules syndication = new SyndicationLineRules();
    final CreditRoleRules credits = new CreditRoleRules();
    final CreditPatternRules creditPatterns = new CreditPatternRules();
    final WriterCodeRules writerCodes = new WriterCodeRules();
    final RelatedRules related = new RelatedRules();
    final EndBlockRules endBlocks = new EndBlockRules(related);
    final LineRules lines = new LineRules();
    final DatelineRules datelines = new DatelineRules();
    final InlineRules inline = new InlineRules();
    final EndOfLineRules endOfLine = new EndOfLineRules(writerCodes);

    /** The families that claim whole lines, in the packs' precedence. */
    final List<RuleFamily> claimOrder;
    /** The families that cut fragments from unclaimed lines, in the order they run. */
    final List<RuleFamily> cutOrder = List.of(inline, footers, credits, endOfLine, related);
    final Vocabulary vocabulary;
    final int lineSlots;
    final int inlineSlots;
    private final Map<String, Heuristic> heuristics = new HashMap<>();

    CompiledRules(List<RulePack> packs) {
        Map<String, RuleFamily> byType = new LinkedHashMap<>();
        for (RuleFamily family : List.of(footers, syndication, credits, creditPatterns, writerCodes, related,
                endBlocks, lines, datelines, inline, endOfLine)) {
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
        claimOrder = (order != null ? order : RulePackSchema.get().defaultPrecedence()).stream().map(byType::get)
                .toList();
        int lineSlot = 0;
        int inlineSlot = 0;
        for (RuleFamily family : byType.values()) {
            family.slotsFrom(lineSlot, inlineSlot);
            lineSlot += family.lineSlots();
            inlineSlot += family.inlineSlots();
        }
        lineSlots = lineSlot;
        inlineSlots = inlineSlot;
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

    /**
     * The last characters of the literal {@code labels} (a pre-check: a match of a quoted, case-sensitive alternation
     * ends with one of them), or null if a label is empty and no such check is possible.
     */
    static String lastChars(Collection<String> labels) {
        return edgeChars(labels, true);
    }

    /** The first characters of the literal {@code labels}, or null if a label is empty. */
    static String firstChars(Collection<String> labels) {
        return edgeChars(labels, false);
    }

    private static String edgeChars(Collection<String> labels, boolean last) {
        StringBuilder b = new StringBuilder();
        for (String label : labels) {
            if (label.isEmpty()) {
                return null;
            }
            char c = label.charAt(last ? label.length() - 1 : 0);
            if (b.indexOf(String.valueOf(c)) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
