package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.cli.settings.SettingGroup;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** How a benchmark subcommand prints the figures it measured: one JSON object, or a table for people. */
final class BenchReport extends SettingGroup {

    BenchReport() {
        super(List.of(BenchOptions.JSON));
    }

    /** Prints the figures one a line, name then value. */
    static void lines(ObjectNode figures) {
        figures.properties().forEach(e -> System.out.printf(Locale.ROOT, "%-32s %s%n", e.getKey(), e.getValue()));
    }

    /** Runs the benchmark and prints its figures, as {@code table} lays them out unless {@code --json}. */
    int run(Benchmark benchmark, Consumer<ObjectNode> table) throws Exception {
        ObjectNode figures = benchmark.measure();
        if (isOn(BenchOptions.JSON)) {
            System.out.println(figures);
        } else {
            System.out.println();
            table.accept(figures);
        }
        return 0;
    }
}
