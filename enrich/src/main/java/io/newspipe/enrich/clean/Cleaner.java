package io.newspipe.enrich.clean;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Removes boilerplate from news article bodies with data-driven rule packs and keeps what the boilerplate says
 * (related headlines, dateline, credits, syndication) as fields. Every removed span is reported with its rule.
 *
 * <p>How it works: the packs are compiled into one family of rules per rule type ({@link CompiledRules}); a
 * {@link CleaningPass} runs the families' stages over the page's lines and {@link SpanApplier} removes what they
 * found. Passes repeat until nothing more is removed. With a {@link LineModel} ({@link #withLineModel}), each pass
 * ends with the model judging the lines no rule touched; it removes a line only when it is sure.
 *
 * <p>The cleaner is immutable and thread-safe. Repeating the passes makes it idempotent; it only ever deletes text.
 * All rules work on bounded prefixes/suffixes or with bounded quantifiers, so the running time is linear in the
 * input.
 */
public final class Cleaner {

    private static final int MAX_PASSES = 5;

    private final String version;
    private final CompiledRules rules;
    /** The line classifier consulted after the rules, or null. */
    private final LineModel model;

    private Cleaner(List<RulePack> packs, boolean anchored) {
        if (packs.isEmpty()) {
            throw new IllegalArgumentException("at least one rule pack is needed");
        }
        this.version = packs.stream().map(p -> p.id() + "@" + p.version()).collect(Collectors.joining("+"));
        this.rules = new CompiledRules(packs, anchored);
        this.model = null;
    }

    private Cleaner(String version, CompiledRules rules, LineModel model) {
        this.version = version;
        this.rules = rules;
        this.model = model;
    }

    /**
     * This cleaner's rules with {@code lineModel} judging, after them, the lines they left alone (replacing any
     * model this cleaner had); the model's stamp is added to {@link #rulePackVersion()}.
     */
    public Cleaner withLineModel(LineModel lineModel) {
        Objects.requireNonNull(lineModel, "lineModel");
        return new Cleaner(rulesVersion() + "+" + lineModel.stamp(), rules, lineModel);
    }

    /** This cleaner's rules alone, without a line model. */
    public Cleaner withoutLineModel() {
        return model == null ? this : new Cleaner(rulesVersion(), rules, null);
    }

    /** The line model in use, or null. */
    public LineModel lineModel() {
        return model;
    }

    private String rulesVersion() {
        return model == null ? version : version.substring(0, version.length() - model.stamp().length() - 1);
    }

    /**
     * The lines of {@code body} that the rules leave untouched in the first pass, with the features the line model
     * judges them by (whether or not this cleaner has a model): what the model is trained on.
     */
    public List<LineSample> untouchedLines(String body) {
        Objects.requireNonNull(body, "body");
        CleaningPass pass = new CleaningPass(rules, null, Page.split(body), null, new Findings());
        pass.run();
        return LineJudge.samples(pass);
    }

    /**
     * The bundled packs, {@code rules/id.json}, {@code rules/en.json} and {@code rules/markup.json}, with the bundled
     * line model ({@code models/lines.json}) after them.
     */
    public static Cleaner defaults() {
        return Holder.DEFAULT;
    }

    /** A cleaner for the given packs, applied in order, without a line model ({@link #withLineModel} adds one). */
    public static Cleaner fromPacks(List<RulePack> packs) {
        Objects.requireNonNull(packs, "packs");
        return new Cleaner(List.copyOf(packs), true);
    }

    /**
     * A cleaner that runs every pattern on every line, without the anchor pre-check: slower, and by construction
     * the same answers. Tests compare the two; benchmarks measure the anchors against it.
     */
    public static Cleaner withoutAnchors(List<RulePack> packs) {
        return new Cleaner(List.copyOf(packs), false);
    }

    /** The versions of the packs in use and of the line model if any, e.g. {@code id@1.0.0+en@1.0.0+lines@1.0.0}. */
    public String rulePackVersion() {
        return version;
    }

    private static final class Holder {
        static final Cleaner DEFAULT = new Cleaner(RulePack.bundled(), true).withLineModel(LineModel.bundled());
    }

    /** Cleans one body (lines separated by {@code \n}). */
    public CleanResult clean(String body) {
        return clean(body, null);
    }

    /**
     * Cleans one body read from HTML, with what the markup said about each of its lines ({@code markup}: one entry
     * per line, in order). Markup of another length than the body (or null) is not used: the body is cleaned as
     * text.
     */
    public CleanResult clean(String body, List<MarkupSignals> markup) {
        Objects.requireNonNull(body, "body");
        List<PageLine> lines = Page.split(body);
        List<MarkupSignals> usable = markup != null && markup.size() == lines.size() ? List.copyOf(markup) : null;
        Findings findings = new Findings();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            CleaningPass cleaning = new CleaningPass(rules, model, lines, usable, findings);
            if (!cleaning.run()) {
                break;
            }
            SpanApplier.Applied applied = SpanApplier.apply(cleaning, lines);
            if (!applied.changed()) {
                break;
            }
            lines = applied.lines();
        }
        return findings.result(Page.join(lines, body.length()), version);
    }
}
