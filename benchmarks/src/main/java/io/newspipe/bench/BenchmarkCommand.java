package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A benchmark run as its own subcommand ({@code newspipe bench enrich}): it measures, then prints its figures as a
 * table for people or, with {@code --json}, as one JSON object.
 */
abstract class BenchmarkCommand implements Callable<Integer>, Benchmark {

    @Mixin
    BenchReport report = new BenchReport();

    @Override
    public final Integer call() throws Exception {
        return report.run(this, this::table);
    }

    /** How the figures print for people: one line a figure, unless the benchmark lays them out itself. */
    void table(ObjectNode figures) {
        BenchReport.lines(figures);
    }
}
