package io.newspipe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.cli.settings.SettingGroup;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe bench}: benchmarks measured on the local stack, as ratios inside one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on the local stack (a real broker, registry and database in this process); "
                + "compare the ratios, not the absolute figures.",
        subcommands = {IngestBenchCommand.class, EnrichBench.class, CleanBench.class, SinkBench.class,
            HeapBench.class, ReplayBench.class})
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SettingGroup report = SettingGroup.of(
            BenchOptions.JSON.withDoc("With no subcommand: print one JSON object with every figure instead of a table"),
            BenchOptions.QUICK.withDoc("With no subcommand: smaller runs (minutes instead of tens of minutes), for a "
                    + "first look"));

    /** With no subcommand: every benchmark in turn, each measured against its own baseline, then one report. */
    @Override
    public Integer call() throws Exception {
        boolean quick = report.isOn(BenchOptions.QUICK);
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        all.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        all.put("cores", Runtime.getRuntime().availableProcessors());
        all.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
        Map<String, String[]> runs = new LinkedHashMap<>();
        runs.put("clean", new String[] {"--seconds", quick ? "2" : "5"});
        runs.put("ingest", new String[] {"--records", quick ? "20000" : "200000", "--rounds", quick ? "2" : "4"});
        runs.put("enrich", new String[] {"--records", quick ? "5000" : "20000", "--latency-seconds",
            quick ? "5" : "10", "--rate", "200"});
        runs.put("sink", new String[] {"--rows", quick ? "10000" : "30000"});
        runs.put("heap", new String[] {"--records", quick ? "3000" : "10000"});
        // the full replay (1,000,000 articles) takes too long for this report: `bench replay` runs it alone
        runs.put("replay", quick ? new String[] {"--quick"} : new String[] {"--articles", "100000"});
        for (Map.Entry<String, String[]> run : runs.entrySet()) {
            System.err.println("bench: running " + run.getKey() + " ...");
            CommandLine command = spec.commandLine().getSubcommands().get(run.getKey());
            command.parseArgs(run.getValue());
            Benchmark benchmark = command.getCommand();
            try {
                all.set(run.getKey(), benchmark.measure());
            } catch (Exception e) {
                System.err.println("bench: " + run.getKey() + " failed: " + e);
                e.printStackTrace();
                return 1;
            }
        }
        if (report.isOn(BenchOptions.JSON)) {
            System.out.println(all);
            return 0;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "newspipe bench, %s, %d cores%n", all.get("date").asText(),
                all.get("cores").asInt());
        for (Map.Entry<String, JsonNode> section : all.properties()) {
            if (section.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> figure : section.getValue().properties()) {
                    System.out.printf(Locale.ROOT, "  %-8s %-40s %s%n", section.getKey(), figure.getKey(),
                            figure.getValue());
                }
            }
        }
        return 0;
    }
}
