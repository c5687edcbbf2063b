package io.newspipe.cli;

import io.newspipe.avro.DeadLetter;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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
    static final class Selection extends SettingGroup {

        static final Setting<List<String>> STAGE = Setting.list("--stage", null, "Only dead letters of these "
                + "stages: ingest, enrich, sink (repeat or comma-separate)", String.class).withLabel("STAGE");
        static final Setting<List<String>> REASON = Setting.list("--reason", null, "Only dead letters with these "
                + "reasons, e.g. deserialization, processing, key-mismatch, invalid-json, oversize (repeat or "
                + "comma-separate)", String.class).withLabel("REASON");
        static final Setting<Duration> TIMEOUT = Setting.duration("--timeout", null, "PT2M",
                "Give up reading the dead letter topic after this long");

        Selection() {
            super(List.of(STAGE, REASON, TIMEOUT));
        }

        Duration timeout() {
            return value(TIMEOUT);
        }

        boolean matches(DeadLetter l) {
            List<String> stages = list(STAGE);
            List<String> reasons = list(REASON);
            return (stages.isEmpty() || stages.contains(l.getStage()))
                    && (reasons.isEmpty() || reasons.contains(l.getReason()));
        }

        /** The unknown stage names, if any (checked before connecting). */
        List<String> unknownStages() {
            return list(STAGE).stream().filter(s -> !STAGES.contains(s)).toList();
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
