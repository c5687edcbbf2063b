package io.newspipe.enrich.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Renders an {@link EvalReport} as readable text tables. */
public final class EvalTable {

    private EvalTable() {
    }

    /** The report with up to {@code worst} outlets listed per figure; with {@code misses}, every miss as well. */
    public static String render(EvalReport r, int worst, boolean misses) {
        StringBuilder b = new StringBuilder();
        line(b, "newspipe eval: leave-one-outlet-out over %d articles from %d outlets (%s)", r.articles(),
                r.outlets().size(), r.corpus());
        line(b, "evaluated: %s", r.versions());
        line(b, "each outlet is scored by what was built without it; a hand-written rule counts for an outlet only");
        line(b, "if it fires correctly on at least %d other outlets", RuleCensus.MIN_OTHER_OUTLETS);
        line(b, "");
        line(b, "%-32s %6s  %-16s  %-19s %-19s %s", "figure", "LOOO", "95% CI by outlet", "counts",
                "all rules credited", "rules alone (LOOO)");
        CleaningCounts c = r.generalising();
        CleaningCounts alone = r.rulesAloneCounts();
        TopicCounts.Label t = r.topics().micro();
        for (Metric m : Metric.values()) {
            Bootstrap.Interval ci = r.intervals().get(m);
            line(b, "%-32s %6.3f  [%.3f, %.3f]    %-19s %-19.3f %.3f (%s)", m.title(), r.value(m), ci.low(), ci.high(),
                    m.fraction(c, t), r.valueAllRules(m), r.rulesAloneValue(m), m.fraction(alone, t));
        }
        line(b, "(intervals: %d resamples of the outlets; rules alone: the same folds without the line model)",
                r.resamples());
        line(b, "");
        line(b, "outlets with every related-article line removed: %d of %d (%.3f)", r.outletsAtFullRelatedRecall(),
                r.outletsWithRelatedLines(), share(r.outletsAtFullRelatedRecall(), r.outletsWithRelatedLines()));
        line(b, "removals made by generalising rules or the line model: %d of %d (%.3f)", r.generalisingRemovals(),
                r.removals(), share(r.generalisingRemovals(), r.removals()));
        line(b, "removals made by the line model: %d of %d (%.3f)", r.modelRemovals(), r.removals(),
                share(r.modelRemovals(), r.removals()));
        line(b, "");
        line(b, "by language of the outlet (leave-one-outlet-out)");
        line(b, "  %-8s %7s %8s %8s %8s %8s %8s %8s %8s", "language", "outlets", "articles", "related", "boilerpl",
                "body", "headline", "topic P", "topic F1");
        for (EvalReport.LanguageFigures l : r.byLanguage()) {
            CleaningCounts lc = l.cleaning();
            TopicCounts.Label lt = l.topics().micro();
            line(b, "  %-8s %7d %8d %8s %8s %8s %8s %8s %8s", l.language(), l.outlets(), l.articles(),
                    figure(Metric.RELATED_REMOVED, lc, lt), figure(Metric.BOILERPLATE_REMOVED, lc, lt),
                    figure(Metric.BODY_KEPT, lc, lt), figure(Metric.HEADLINES_FOUND, lc, lt),
                    figure(Metric.TOPIC_PRECISION, lc, lt), figure(Metric.TOPIC_F1, lc, lt));
        }
        line(b, "");
        line(b, "precision per topic label (what a subscriber to one label sees)");
        line(b, "  %-22s %9s %7s %4s %4s %4s", "label", "precision", "recall", "tp", "fp", "fn");
        r.topics().sorted().forEach((label, x) -> line(b, "  %-22s %9s %7s %4d %4d %4d", label,
                x.truePositives() + x.falsePositives() == 0 ? "-" : format(x.precision()),
                x.truePositives() + x.falseNegatives() == 0 ? "-" : format(x.recall()),
                x.truePositives(), x.falsePositives(), x.falseNegatives()));
        line(b, "");
        line(b, "worst outlets (leave-one-outlet-out)");
        for (Metric m : Metric.values()) {
            List<OutletResult> w = r.worst(m, worst);
            StringBuilder names = new StringBuilder();
            for (OutletResult o : w) {
                names.append(names.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f (%s)",
                        o.outlet(), m.of(o.generalising(), o.topics().micro()),
                        m.fraction(o.generalising(), o.topics().micro())));
            }
            line(b, "  %-32s %s", m.title(), w.isEmpty() ? "none below 1.0" : names);
        }
        line(b, "");
        line(b, "rules that fire correctly on %d outlets or fewer (not counted for those outlets)",
                RuleCensus.MIN_OTHER_OUTLETS);
        for (Map.Entry<String, Set<String>> e : r.narrowRules().entrySet()) {
            line(b, "  %-34s %s", e.getKey(), String.join(", ", e.getValue()));
        }
        line(b, "");
        perOutlet(b, r, misses);
        return b.toString();
    }

    private static void perOutlet(StringBuilder b, EvalReport r, boolean misses) {
        line(b, "per outlet (leave-one-outlet-out)");
        line(b, "  %-26s %4s %8s %8s %8s %8s %8s %8s %9s", "outlet", "arts", "related", "boilerpl", "body",
                "headline", "topic P", "topic R", "removals");
        for (OutletResult o : r.outlets()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-26s %4d", clip(o.outlet(), 26),
                    o.articleIds().size()));
            for (Metric m : List.of(Metric.RELATED_REMOVED, Metric.BOILERPLATE_REMOVED, Metric.BODY_KEPT,
                    Metric.HEADLINES_FOUND, Metric.TOPIC_PRECISION, Metric.TOPIC_RECALL)) {
                row.append(String.format(Locale.ROOT, " %8s", figure(m, o.generalising(), o.topics().micro())));
            }
            row.append(String.format(Locale.ROOT, " %4d/%-4d", o.generalisingRemovals(), o.removals()));
            b.append(row.toString().stripTrailing()).append('\n');
            if (misses) {
                o.misses().forEach(x -> line(b, "      - %s", x));
            }
        }
    }

    /** The figure, or "-" when there is nothing to measure it on. */
    private static String figure(Metric m, CleaningCounts c, TopicCounts.Label t) {
        return m.measurable(c, t) ? format(m.of(c, t)) : "-";
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String clip(String s, int n) {
        return s.length() > n ? s.substring(0, n - 1) + "…" : s;
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
