package io.newspipe.demo;

import io.newspipe.cli.StopSignal;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe demo}: the whole pipeline on the bundled samples, then stop. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the local stack, run ingest, enrich and sink on the bundled samples, print what "
                + "happened, stop cleanly.")
final class DemoCommand implements Callable<Integer> {

    static final Setting<Duration> TIMEOUT = Setting.duration("--timeout", null, "PT2M",
            "How long to wait for the articles to arrive in PostgreSQL");
    static final Setting<Boolean> KEEP = Setting.toggle("--keep", "Keep the stack running afterwards, with the web "
            + "console (its URL printed and written to --endpoints), until Ctrl-C");

    @Mixin
    LocalRunOptions local = new LocalRunOptions();

    @Mixin
    SettingGroup run = SettingGroup.of(TIMEOUT, KEEP);

    @Mixin
    QuietLogging logging = new QuietLogging();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        long t0 = System.nanoTime();
        List<Path> files = EmbeddedPipeline.sampleFiles(local.samples());
        try (EmbeddedPipeline pipeline = new EmbeddedPipeline(System.out, 1)) {
            System.out.println("Ingesting " + files.size() + " sample article(s) from " + local.samples() + " ...");
            List<String> ids = pipeline.ingest(files);
            pipeline.awaitRows(ids, run.value(TIMEOUT));
            System.out.printf("All %d article(s) enriched and stored in PostgreSQL after %.1f s.%n", ids.size(),
                    (System.nanoTime() - t0) / 1e9);
            pipeline.printTable(ids);
            System.out.println();
            System.out.println("To look at the data yourself, keep a stack running with ./newspipe up, then:");
            System.out.println("  psql \"$(grep jdbc.url .newspipe/endpoints.properties | cut -d= -f2- "
                    + "| sed 's/^jdbc://')?user=postgres\" -c 'SELECT id, title, topics FROM articles'");
            System.out.println("  ./newspipe clean --explain samples/*.txt    # the same enrichment offline");
            if (run.isOn(KEEP)) {
                keepRunning(pipeline);
            }
        }
        System.out.printf("Demo finished in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** --keep: the console over the demo's stack until Ctrl-C. */
    private void keepRunning(EmbeddedPipeline pipeline) throws Exception {
        StopSignal signal = StopSignal.install("newspipe-demo-stop", () -> { });
        try (io.newspipe.console.ConsoleServer console = pipeline.startConsole(local.consolePort())) {
            java.util.Properties p = pipeline.stack().endpoints();
            p.setProperty("console.url", console.url());
            UpCommand.writeEndpoints(local.endpoints(), p);
            System.out.println("Open " + console.url() + " — the stack keeps running until Ctrl-C.");
            signal.await();
        } finally {
            java.nio.file.Files.deleteIfExists(local.endpoints());
            signal.finished();
        }
    }
}
