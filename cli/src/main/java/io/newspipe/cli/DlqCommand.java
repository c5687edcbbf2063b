package io.newspipe.cli;

import io.newspipe.avro.DeadLetter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newspipe dlq}: the dead letter topic. {@code dlq list} shows what the stages could not handle; {@code dlq
 * redrive} sends the original bytes back to where they came from once the cause is fixed. Both read the topic
 * from its beginning to the end it had when they started (read_committed), by assigning its partitions: no
 * consumer group, nothing committed, so they can run any number of times.
 *
 * <p>The subcommands: {@link DlqListCommand}, {@link DlqRedriveCommand}; the reading of the topic:
 * {@link DeadLetterTopicReader}; what redrive does with each letter: {@link RedrivePlan}.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect dead letters and re-drive them after fixing their cause.",
        subcommands = {DlqListCommand.class, DlqRedriveCommand.class, CommandLine.HelpCommand.class})
final class DlqCommand implements Runnable {

    static final Set<String> STAGES = Set.of("ingest", "enrich", "sink");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --stage}, {@code --reason}, {@code --timeout}: which dead letters, and how long reading may take. */
    static final class Selection {

        @Option(names = "--stage", split = ",", paramLabel = "STAGE",
                description = "Only dead letters of these stages: ingest, enrich, sink (repeat or comma-separate).")
        List<String> stages = new ArrayList<>();

        @Option(names = "--reason", split = ",", paramLabel = "REASON",
                description = "Only dead letters with these reasons, e.g. deserialization, processing, key-mismatch, "
                        + "invalid-json, oversize (repeat or comma-separate).")
        List<String> reasons = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M",
                description = "Give up reading the dead letter topic after this long (ISO-8601; default "
                        + "${DEFAULT-VALUE}).")
        Duration timeout;

        boolean matches(DeadLetter l) {
            return (stages.isEmpty() || stages.contains(l.getStage()))
                    && (reasons.isEmpty() || reasons.contains(l.getReason()));
        }

        /** The unknown stage names, if any (checked before connecting). */
        List<String> unknownStages() {
            return stages.stream().filter(s -> !STAGES.contains(s)).toList();
        }
    }

    /** Runs {@code body}, turning a bad --stage and a failure to read into a message and an exit code. */
    static int guarded(String command, Selection selection, PrintWriter err, Callable<Integer> body) {
        if (!selection.unknownStages().isEmpty()) {
            err.println("newspipe dlq " + command + ": unknown --stage " + selection.unknownStages()
                    + " (stages are ingest, enrich, sink)");
            return 2;
        }
        try {
            return body.call();
        } catch (Exception e) {
            err.println("newspipe dlq " + command + ": " + e.getMessage());
            return 1;
        }
    }
}
