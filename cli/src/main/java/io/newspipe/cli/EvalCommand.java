package io.newspipe.cli;

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
import picocli.CommandLine.Option;

/** {@code newspipe eval}: the cleaner and tagger scored on the annotated corpus by leave-one-outlet-out. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score cleaning and tagging on an annotated corpus by leave-one-outlet-out: each outlet is "
                + "scored by what was built without it, and a hand-written rule counts for an outlet only if it "
                + "fires correctly on at least two other outlets.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--corpus", defaultValue = "${sys:newspipe.home:-.}/samples/corpus",
            description = "Folder of NNN.txt articles with NNN.json annotations (default ${DEFAULT-VALUE}).")
    Path corpus;

    @Mixin
    SettingGroup output = SettingGroup.of(OutputOptions.JSON.withDoc("One JSON object instead of the tables"));

    @Option(names = "--worst", defaultValue = "5", description = "Outlets listed per figure (default ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--misses", description = "List every missed line under its outlet (tables only).")
    boolean misses;

    @Option(names = "--resamples", defaultValue = "2000",
            description = "Bootstrap resamples of the outlets for the intervals (default ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the resampling (default ${DEFAULT-VALUE}).")
    long seed;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        EvalReport report;
        try {
            report = EvalReport.of(corpus, resamples, seed);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("newspipe eval: " + e.getMessage());
            return 2;
        }
        if (output.isOn(OutputOptions.JSON)) {
            out.println(EvalJson.render(report, worst));
        } else {
            out.print(EvalTable.render(report, worst, misses));
        }
        return 0;
    }
}
