package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** How a benchmark subcommand prints the figures it measured: one JSON object, or a table for people. */
final class BenchReport {

    @Option(names = "--json", description = "Print one JSON object with the figures instead of a table "
            + "(progress goes to stderr).")
    boolean json;

    /** Prints the figures one a line, name then value. */
    static void lines(ObjectNode figures) {
        figures.properties().forEach(e -> System.out.printf(Locale.ROOT, "%-32s %s%n", e.getKey(), e.getValue()));
    }

    /** Runs the benchmark and prints its figures, as {@code table} lays them out unless {@code --json}. */
    int run(Benchmark benchmark, Consumer<ObjectNode> table) throws Exception {
        ObjectNode figures = benchmark.measure();
        if (json) {
            System.out.println(figures);
        } else {
            System.out.println();
            table.accept(figures);
        }
        return 0;
    }
}
