package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.cli.settings.SettingGroup;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmarks take their options from the shared definitions, each with the default of its own run. */
class BenchOptionsTest {

    /** The benchmark subcommand {@code name}, built on its own as {@code newspipe bench} builds it. */
    private static CommandLine bench(String name) {
        Object command = new CommandLine(new BenchCommand()).getSubcommands().get(name).getCommand();
        try {
            return new CommandLine(command.getClass().getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldGiveEachBenchmarkItsOwnDefaultOfASharedSetting() {
        CommandLine enrich = bench("enrich");
        enrich.parseArgs();
        CommandLine heap = bench("heap");
        heap.parseArgs("--records", "42");
        CommandLine replay = bench("replay");
        replay.parseArgs("--quick", "--partitions", "3");

        assertThat((Object) enrich.getCommandSpec().findOption("--records").getValue()).isEqualTo(20000);
        assertThat((Object) enrich.getCommandSpec().findOption("--partitions").getValue()).isEqualTo(1);
        assertThat((Object) heap.getCommandSpec().findOption("--records").getValue()).isEqualTo(42);
        assertThat((Object) replay.getCommandSpec().findOption("--quick").getValue()).isEqualTo(true);
        assertThat((Object) replay.getCommandSpec().findOption("--partitions").getValue()).isEqualTo(3);
        assertThat(bench("sink").getCommandSpec().findOption("--batch").description()[0])
                .as("no variable: a benchmark is repeated by its arguments").doesNotContain("env ");
    }

    @Test
    void shouldRefuseASettingThatBreaksItsRule() {
        CommandLine replay = bench("replay");
        replay.parseArgs("--outlets", "9");
        assertThat(SettingGroup.problemsOf(replay.getCommandSpec())).singleElement().asString()
                .contains("--outlets must be 1 to 6");
    }

    @Test
    void shouldTakeTheJsonSwitchOnEveryBenchmark() {
        for (String name : new CommandLine(new BenchCommand()).getSubcommands().keySet()) {
            assertThat(bench(name).getCommandSpec().findOption("--json")).as(name).isNotNull();
        }
    }
}
