package io.newspipe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newspipe bench}: benchmarks measured on the local stack, as ratios inside one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on the local stack (a real broker, registry and database in this process); "
                + "compare the ratios, not the absolute figures.",
        subcommands = {IngestBenchCommand.class, EnrichBench.class, CleanBench.class, SinkBench.class,
            HeapBench.class})
final class BenchCommand implements Callable<Integer> {


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--json", description = "With no subcommand: print one JSON object with "
            + "every figure instead of a table.")
    boolean json;

    @picocli.CommandLine.Option(names = "--quick", description = "With no subcommand: smaller runs (minutes "
            + "instead of tens of minutes), for a first look.")
    boolean quick;

    /** With no subcommand: every benchmark in turn, each measured against its own baseline, then one report. */
    @Override
    public Integer call() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode all = mapper.createObjectNode();
        all.put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        all.put("cores", Runtime.getRuntime().availableProcessors());
        all.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
        String[][] runs = {
            {"clean", "clean", "--json", "--seconds", quick ? "2" : "5"},
            {"ingest", "ingest", "--json", "--records", quick ? "20000" : "200000", "--rounds", quick ? "2" : "4"},
            {"enrich", "enrich", "--json", "--records", quick ? "5000" : "20000", "--latency-seconds",
                quick ? "5" : "10", "--rate", "200"},
            {"sink", "sink", "--json", "--rows", quick ? "10000" : "30000"},
            {"heap", "heap", "--json", "--records", quick ? "3000" : "10000"},
        };
        for (String[] run : runs) {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            java.io.PrintStream out = System.out;
            int rc;
            System.err.println("bench: running " + run[1] + " ...");
            try {
                System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
                rc = spec.commandLine().getSubcommands().get(run[1])
                        .execute(java.util.Arrays.copyOfRange(run, 2, run.length));
            } finally {
                System.setOut(out);
            }
            String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
            String last = text.isEmpty() ? "{}" : text.substring(text.lastIndexOf('\n') + 1);
            if (rc != 0 || !last.startsWith("{")) {
                System.err.println("bench: " + run[1] + " failed (exit " + rc + "): " + text);
                return 1;
            }
            all.set(run[0], mapper.readTree(last));
        }
        if (json) {
            System.out.println(all);
        } else {
            System.out.println();
            System.out.printf(java.util.Locale.ROOT, "newspipe bench, %s, %d cores%n", all.get("date").asText(),
                    all.get("cores").asInt());
            all.fields().forEachRemaining(section -> {
                if (section.getValue().isObject()) {
                    section.getValue().fields().forEachRemaining(f -> System.out.printf(java.util.Locale.ROOT,
                            "  %-8s %-40s %s%n", section.getKey(), f.getKey(), f.getValue()));
                }
            });
        }
        return 0;
    }
}
