package io.newspipe.bench;

import io.newspipe.cli.OutputOptions;
import io.newspipe.cli.TopicOptions;
import io.newspipe.cli.settings.Setting;

/**
 * Options several benchmarks take, each defined once: a benchmark takes one with its own default or wording
 * ({@link Setting#withDefault}, {@link Setting#withDoc}). None reads a variable: a benchmark run is repeated by its
 * arguments alone.
 */
final class BenchOptions {

    static final Setting<Integer> RECORDS = Setting.number("--records", null, "10000", "Articles")
            .withRule(Setting.atLeast(1), "must be at least 1");
    /** The partitions of {@code topics create}, one by default here. */
    static final Setting<Integer> PARTITIONS = TopicOptions.PARTITIONS.withoutEnvironment().withDefault("1")
            .withDoc("Partitions of the topics");
    static final Setting<Boolean> QUICK = Setting.toggle("--quick", "Smaller runs, for a first look");
    static final Setting<Boolean> JSON = OutputOptions.JSON.withDoc("Print one JSON object with the figures "
            + "instead of a table (progress goes to stderr)");

    private BenchOptions() {
    }
}
