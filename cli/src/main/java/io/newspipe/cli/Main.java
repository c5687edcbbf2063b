package io.newspipe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newspipe} command line. */
@Command(name = "newspipe", mixinStandardHelpOptions = true, version = "newspipe 0.1.0",
        description = "A Kafka streaming pipeline for online news: ingest -> enrich (clean + tag) -> sink.",
        subcommands = {DemoCommand.class, UpCommand.class, IngestCommand.class, BenchCommand.class, EnrichCommand.class,
            SinkCommand.class, CleanCommand.class, TailCommand.class, TopicsCommand.class, ReplayCommand.class,
            DlqCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this). */
    public static int run(String... args) {
        io.newspipe.schemas.AvroTrust.install();
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
