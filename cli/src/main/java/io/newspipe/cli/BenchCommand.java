package io.newspipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newspipe bench}: benchmarks measured on the local stack, as ratios inside one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on the local stack (a real broker, registry and database in this process); "
                + "compare the ratios, not the absolute figures.",
        subcommands = {IngestBenchCommand.class, EnrichBench.class, CleanBench.class, SinkBench.class})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
