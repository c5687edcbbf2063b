package io.newspipe.demo;

import io.newspipe.cli.StopSignal;
import io.newspipe.cli.TopicOptions;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.console.ConsoleServer;
import io.newspipe.ingest.DirectoryWatcher;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newspipe up}: the local stack and all stages, running until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the local stack and all three stages, ingest the samples and every article file "
                + "dropped into the watched folder, until Ctrl-C. Writes the endpoints to "
                + ".newspipe/endpoints.properties.")
final class UpCommand implements Callable<Integer> {

    static final Setting<Path> WATCH = Setting.path("--watch", null, ".newspipe/inbox",
            "Folder watched for new article files");
    static final Setting<Integer> PARTITIONS = TopicOptions.PARTITIONS.withoutEnvironment().withDefault("2")
            .withDoc("Partitions per topic");
    static final Setting<Integer> BROKERS = Setting.number("--brokers", null, "1", "Kafka brokers: 1 runs in this "
            + "process; 3 (or more) run as a cluster, each broker in its own process, topics with replication factor 3 "
            + "and min.insync.replicas 2").withRule(Setting.atLeast(1), "must be at least 1");

    @Mixin
    SettingGroup stack = SettingGroup.of(WATCH, PARTITIONS, BROKERS);

    @Mixin
    LocalRunOptions local = new LocalRunOptions();

    @Mixin
    QuietLogging logging = new QuietLogging();

    @Override
    public Integer call() throws Exception {
        logging.apply();
        AtomicReference<DirectoryWatcher> watching = new AtomicReference<>();
        StopSignal signal = StopSignal.install("newspipe-up-stop", () -> {
            if (watching.get() != null) {
                watching.get().stop();
            }
        });
        Path watch = stack.value(WATCH);
        Files.createDirectories(watch);
        try (EmbeddedPipeline pipeline = new EmbeddedPipeline(System.out, stack.value(PARTITIONS),
                stack.value(BROKERS));
             ConsoleServer console = pipeline.startConsole(local.consolePort())) {
            Properties p = pipeline.stack().endpoints();
            p.setProperty("console.url", console.url());
            writeEndpoints(local.endpoints(), p);
            List<String> ids = pipeline.ingest(EmbeddedPipeline.sampleFiles(local.samples()));
            DirectoryWatcher watcher = new DirectoryWatcher(watch, pipeline.ingestor(), Duration.ofSeconds(1));
            watching.set(watcher);
            Thread watcherThread = new Thread(watcher, "newspipe-watch");
            watcherThread.start();
            System.out.println("newspipe is up. " + ids.size() + " sample(s) ingested.");
            System.out.println("  bootstrap.servers   = " + p.getProperty("bootstrap.servers"));
            System.out.println("  schema.registry.url = " + p.getProperty("schema.registry.url"));
            System.out.println("  jdbc.url            = " + p.getProperty("jdbc.url") + " (user postgres)");
            System.out.println("  console.url         = " + console.url());
            System.out.println("  endpoints written to " + local.endpoints());
            System.out.println("Drop article files into " + watch + " to ingest them. Ctrl-C stops.");
            signal.await();
            watcher.stop();
            watcherThread.join(5_000);
        } finally {
            Files.deleteIfExists(local.endpoints());
            signal.finished();
        }
        return 0;
    }

    /** Writes the endpoints as plain key=value lines (no Properties escaping), so shells can grep them. */
    static void writeEndpoints(Path file, Properties p) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# newspipe: endpoints of the running local stack\n");
            for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                w.write(key + "=" + p.getProperty(key) + "\n");
            }
        }
    }
}
