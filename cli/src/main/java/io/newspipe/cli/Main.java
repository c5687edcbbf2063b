package io.newspipe.cli;

import io.newspipe.cli.settings.SettingGroup;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newspipe} command line: the production commands, plus those a {@link SubcommandProvider} on the class
 * path adds (the launcher script puts the demo and benchmark modules there; the runtime image does not).
 */
@Command(name = "newspipe", mixinStandardHelpOptions = true, version = "newspipe 0.1.0",
        description = "A Kafka streaming pipeline for online news: ingest -> enrich (clean + tag) -> sink.")
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
        return commandLine().execute(args);
    }

    /** The command line with every command: those of the modules on the class path first, then production's. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        // each command is built on its own first: picocli applies model transformers (which add the options of
        // the setting groups) only to a command line built that way, not to a subcommand built by addSubcommand
        for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
            provider.subcommands().forEach(command -> line.addSubcommand(new CommandLine(command)));
        }
        for (Object command : new Object[] {new IngestCommand(), new EnrichCommand(), new SinkCommand(),
            new CleanCommand(), new TailCommand(), new TopicsCommand(), new ReplayCommand(), new DlqCommand(),
            new EvalCommand(), new ConsoleCommand(), new TakedownCommand(), new CommandLine.HelpCommand()}) {
            line.addSubcommand(new CommandLine(command));
        }
        line.setExecutionStrategy(SettingGroup::checkThenRun); // every setting checked, all problems told at once
        return line.setCaseInsensitiveEnumValuesAllowed(true); // set last: it applies to the commands added so far
    }
}
