package io.newspipe.enrich.eval;

import java.util.Locale;

/** The figures the evaluation reports, each a share computed from added-up counts. */
public enum Metric {

    RELATED_REMOVED("related-article lines removed", "related_lines_removed"),
    BOILERPLATE_REMOVED("all marked boilerplate removed", "boilerplate_removed"),
    BODY_KEPT("real body lines kept", "body_lines_kept"),
    HEADLINES_FOUND("related headlines extracted", "related_headlines_extracted"),
    TOPIC_PRECISION("topic precision (micro)", "topic_precision"),
    TOPIC_RECALL("topic recall (micro)", "topic_recall"),
    TOPIC_F1("topic F1 (micro)", "topic_f1");

    private final String title;
    private final String key;

    Metric(String title, String key) {
        this.title = title;
        this.key = key;
    }

    /** A readable name for tables. */
    public String title() {
        return title;
    }

    /** The name used in JSON. */
    public String key() {
        return key;
    }

    /** The share for the given counts. */
    public double of(CleaningCounts c, TopicCounts.Label topics) {
        return switch (this) {
            case RELATED_REMOVED -> c.relatedShare();
            case BOILERPLATE_REMOVED -> c.boilerplateShare();
            case BODY_KEPT -> c.bodyShare();
            case HEADLINES_FOUND -> c.headlineShare();
            case TOPIC_PRECISION -> topics.precision();
            case TOPIC_RECALL -> topics.recall();
            case TOPIC_F1 -> topics.f1();
        };
    }

    /** The share as a fraction of counts, e.g. {@code 65/96}. */
    public String fraction(CleaningCounts c, TopicCounts.Label t) {
        return switch (this) {
            case RELATED_REMOVED -> c.relatedRemoved() + "/" + c.relatedItems();
            case BOILERPLATE_REMOVED -> c.boilerplateRemoved() + "/" + c.boilerplate();
            case BODY_KEPT -> c.bodyKept() + "/" + c.bodyLines();
            case HEADLINES_FOUND -> c.headlinesFound() + "/" + c.headlines();
            case TOPIC_PRECISION -> t.truePositives() + "/" + (t.truePositives() + t.falsePositives());
            case TOPIC_RECALL -> t.truePositives() + "/" + (t.truePositives() + t.falseNegatives());
            case TOPIC_F1 -> String.format(Locale.ROOT, "tp %d fp %d fn %d", t.truePositives(), t.falsePositives(),
                    t.falseNegatives());
        };
    }

    /** Whether the counts have anything to measure this figure on (an outlet without related lines has no recall). */
    public boolean measurable(CleaningCounts c, TopicCounts.Label t) {
        return items(c, t) > 0;
    }

    /** How many items the figure is measured on: related lines, boilerplate items, body lines, headlines, tags. */
    public int items(CleaningCounts c, TopicCounts.Label t) {
        return switch (this) {
            case RELATED_REMOVED -> c.relatedItems();
            case BOILERPLATE_REMOVED -> c.boilerplate();
            case BODY_KEPT -> c.bodyLines();
            case HEADLINES_FOUND -> c.headlines();
            case TOPIC_PRECISION -> t.truePositives() + t.falsePositives();
            case TOPIC_RECALL -> t.truePositives() + t.falseNegatives();
            case TOPIC_F1 -> t.truePositives() + t.falsePositives() + t.falseNegatives();
        };
    }
}
