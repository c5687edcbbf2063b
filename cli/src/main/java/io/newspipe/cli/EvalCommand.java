package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.enrich.eval.EvalJson;
import io.newspipe.enrich.eval.EvalReport;
import io.newspipe.enrich.eval.EvalTable;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe eval}: the cleaner and tagger scored on the annotated corpus by leave-one-outlet-out. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score cleaning and tagging on an annotated corpus by leave-one-outlet-out: each outlet is "
                + "scored by what was built without it, and a hand-written rule counts for an outlet only if it "
                + "fires correctly on at least two other outlets.")
final class EvalCommand implements Callable<Integer> {

    static final Setting<Path> CORPUS = Setting.path("--corpus", null, "${sys:newspipe.home:-.}/samples/corpus",
            "Folder of NNN.txt articles with NNN.json annotations");
    static final Setting<Integer> WORST = Setting.number("--worst", null, "5", "Outlets listed per figure")
            .withRule(Setting.atLeast(0), "must be 0 or more");
    static final Setting<Boolean> MISSES = Setting.toggle("--misses",
            "List every missed line under its outlet (tables only)");
    static final Setting<Integer> RESAMPLES = Setting.number("--resamples", null, "2000",
            "Bootstrap resamples of the outlets for the intervals").withRule(Setting.atLeast(1), "must be at least 1");
    static final Setting<Long> SEED = Setting.longNumber("--seed", null, "1", "Seed of the resampling");

    @Mixin
    SettingGroup scoring = SettingGroup.of(CORPUS, WORST, MISSES, RESAMPLES, SEED);

    @Mixin
    SettingGroup output = SettingGroup.of(OutputOptions.JSON.withDoc("One JSON object instead of the tables"));

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        EvalReport report;
        try {
            report = EvalReport.of(scoring.value(CORPUS), scoring.value(RESAMPLES), scoring.value(SEED));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("newspipe eval: " + e.getMessage());
            return 2;
        }
        if (output.isOn(OutputOptions.JSON)) {
            out.println(EvalJson.render(report, scoring.value(WORST)));
        } else {
            out.print(EvalTable.render(report, scoring.value(WORST), scoring.isOn(MISSES)));
        }
        return 0;
    }
}
