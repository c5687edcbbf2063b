package io.newspipe.enrich.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/** Renders an {@link EvalReport} as one JSON object, figures as numbers, for scripts and CI. */
public final class EvalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EvalJson() {
    }

    /** The report as a JSON object on one line; up to {@code worst} outlets listed per figure. */
    public static String render(EvalReport r, int worst) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("corpus", r.corpus());
        o.put("evaluated", r.versions());
        o.put("articles", r.articles());
        o.put("outlets", r.outlets().size());
        o.put("rule_min_other_outlets", RuleCensus.MIN_OTHER_OUTLETS);
        o.put("bootstrap_resamples", r.resamples());
        ObjectNode figures = o.putObject("figures");
        CleaningCounts c = r.generalising();
        TopicCounts.Label t = r.topics().micro();
        for (Metric m : Metric.values()) {
            ObjectNode f = figures.putObject(m.key());
            f.put("value", r.value(m));
            f.put("ci_low", r.intervals().get(m).low());
            f.put("ci_high", r.intervals().get(m).high());
            f.put("counts", m.fraction(c, t));
            f.put("all_rules_credited", r.valueAllRules(m));
            f.put("rules_alone", r.rulesAloneValue(m));
        }
        ObjectNode full = o.putObject("outlets_at_full_related_recall");
        full.put("count", r.outletsAtFullRelatedRecall());
        full.put("of", r.outletsWithRelatedLines());
        ObjectNode gen = o.putObject("generalising_removals");
        gen.put("count", r.generalisingRemovals());
        gen.put("of", r.removals());
        ObjectNode model = o.putObject("model_removals");
        model.put("count", r.modelRemovals());
        model.put("of", r.removals());
        ObjectNode languages = o.putObject("by_language");
        for (EvalReport.LanguageFigures l : r.byLanguage()) {
            ObjectNode n = languages.putObject(l.language());
            n.put("outlets", l.outlets());
            n.put("articles", l.articles());
            figures(n.putObject("figures"), l.cleaning(), l.topics().micro());
        }
        ObjectNode labels = o.putObject("topic_labels");
        r.topics().sorted().forEach((label, x) -> labels.putObject(label).put("precision", x.precision())
                .put("recall", x.recall()).put("tp", x.truePositives()).put("fp", x.falsePositives())
                .put("fn", x.falseNegatives()));
        ObjectNode worstNode = o.putObject("worst_outlets");
        for (Metric m : Metric.values()) {
            ArrayNode list = worstNode.putArray(m.key());
            r.worst(m, worst).forEach(x -> list.addObject().put("outlet", x.outlet())
                    .put("value", m.of(x.generalising(), x.topics().micro()))
                    .put("counts", m.fraction(x.generalising(), x.topics().micro())));
        }
        ObjectNode narrow = o.putObject("narrow_rules");
        r.narrowRules().forEach((rule, outlets) -> outlets.forEach(narrow.putArray(rule)::add));
        ArrayNode perOutlet = o.putArray("per_outlet");
        r.outlets().forEach(x -> outlet(perOutlet.addObject(), x));
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void outlet(ObjectNode n, OutletResult x) {
        n.put("outlet", x.outlet());
        x.articleIds().forEach(n.putArray("articles")::add);
        n.put("language", x.language());
        figures(n.putObject("figures"), x.generalising(), x.topics().micro());
        n.put("removals", x.removals());
        n.put("generalising_removals", x.generalisingRemovals());
        n.put("model_removals", x.modelRemovals());
        x.misses().forEach(n.putArray("misses")::add);
    }

    /** Every figure by its key; null when there is nothing to measure it on. */
    private static void figures(ObjectNode figures, CleaningCounts c, TopicCounts.Label t) {
        for (Metric m : Metric.values()) {
            if (m.measurable(c, t)) {
                figures.put(m.key(), m.of(c, t));
            } else {
                figures.putNull(m.key());
            }
        }
    }
}
