package io.newspipe.enrich.clean;

import java.util.Map;
import java.util.function.Function;

/**
 * A named heuristic plug-in, configured by a {@code heuristic} rule of a pack ({@code "name"} picks the plug-in, the
 * other keys are its parameters). Heuristics run after the whole-line rules, their neighbours and the end blocks,
 * in the order {@link CleaningPass} gives, and claim lines the rules left alone. The schema's
 * {@code heuristicName} lists the same names as {@link #registry()}; a test checks that they agree.
 */
interface Heuristic {

    /** Claims lines of the pass. */
    void run(CleaningPass pass);

    /** The plug-in named by {@code rule}. */
    static Heuristic of(RulePack.Rule rule) {
        Function<RulePack.Rule, Heuristic> factory = registry().get(rule.string("name", null));
        if (factory == null) {
            throw new RulePackException("rule " + rule.id() + ": key 'name': unknown heuristic " + rule.string("name", null));
        }
        return factory.apply(rule);
    }

    /** The plug-ins by name. */
    static Map<String, Function<RulePack.Rule, Heuristic>> registry() {
        Map<String, Function<RulePack.Rule, Heuristic>> names = new java.util.LinkedHashMap<>();
        names.put("byline-block", BylineBlock::new);
        names.put("repeated-title", RepeatedTitle::new);
        names.put("teaser", Teasers::new);
        names.put("tail-sweep", TailSweep::new);
        names.put("header-label", HeaderLabels::new);
        return names;
    }
}
