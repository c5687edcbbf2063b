package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.LineModel;
import io.newspipe.enrich.clean.RulePack;
import io.newspipe.enrich.lang.LanguageDetector;
import io.newspipe.enrich.tag.TopicTagger;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --rule-pack FILE} for the commands that clean articles: the user's rule packs are loaded at start-up
 * (validated like the bundled ones) and applied after the bundled packs, or instead of them with
 * {@code --no-bundled-rule-packs}. No rebuild is needed to add an outlet's boilerplate.
 */
final class RulePackOptions extends SettingGroup {

    static final Setting<List<String>> FILES = Setting.list("--rule-pack", "NEWSPIPE_RULE_PACKS",
            "A rule pack (JSON) applied after the bundled ones (see \"Writing a rule pack\"); repeat it or separate "
                    + "files with commas", String.class).withLabel("FILE");
    static final Setting<Boolean> BUNDLED = Setting.flag("--bundled-rule-packs", "NEWSPIPE_BUNDLED_RULE_PACKS", "true",
            "Apply the bundled id and en rule packs; --no-bundled-rule-packs leaves only the --rule-pack files");

    RulePackOptions() {
        super(List.of(FILES, BUNDLED));
    }

    private boolean bundled() {
        return !Boolean.FALSE.equals(value(BUNDLED));
    }

    /** The packs in the order they apply: bundled ones first (unless switched off), then the user's. */
    List<RulePack> packs() {
        List<RulePack> packs = new ArrayList<>();
        if (bundled()) {
            packs.addAll(RulePack.bundled());
        }
        for (String file : list(FILES)) {
            packs.add(RulePack.load(Path.of(file.strip())));
        }
        if (packs.isEmpty()) {
            throw new IllegalArgumentException("no rule pack: give --rule-pack FILE or keep the bundled packs");
        }
        return packs;
    }

    /** True when the bundled packs alone are used. */
    boolean defaults() {
        return bundled() && list(FILES).isEmpty();
    }

    /** {@link #enricher()}, or null after printing why the packs cannot be used to standard error. */
    Enricher enricherOrReport(String command) {
        return enricherOrReport(command, System.err);
    }

    /** {@link #enricher()}, or null after printing why the packs cannot be used to {@code err}. */
    Enricher enricherOrReport(String command, java.io.PrintStream err) {
        try {
            return enricher();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println(command + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * An enricher that cleans with {@link #packs()} (and the bundled line model when the bundled packs are in use)
     * and otherwise uses the bundled taxonomy and languages.
     */
    Enricher enricher() {
        if (defaults()) {
            return Enricher.defaults();
        }
        Cleaner cleaner = Cleaner.fromPacks(packs());
        // the bundled line model was trained behind the bundled packs: it judges what they leave, yours or not
        return new Enricher(bundled() ? cleaner.withLineModel(LineModel.bundled()) : cleaner, TopicTagger.defaults(),
                LanguageDetector.defaults(), Clock.systemUTC());
    }
}
