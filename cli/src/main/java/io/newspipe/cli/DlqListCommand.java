package io.newspipe.cli;

import io.newspipe.cli.settings.SettingGroup;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code newspipe dlq list}: one line per dead letter (or JSON), then a count per stage and reason. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the dead letters: one line each (failed_at, stage, reason, where it came from, "
                + "key, error), then a count per stage and reason.",
                "Reads the dead letter topic from its beginning to its end at the start (read_committed), "
                        + "without a consumer group: nothing is committed or changed."})
final class DlqListCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    DlqCommand.Selection selection = new DlqCommand.Selection();

    @Mixin
    SettingGroup output = SettingGroup.of(OutputOptions.JSON.withDoc("One JSON object per dead letter instead "
            + "(without the value bytes, but with value_size); the counts go to stderr"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DlqCommand.guarded("list", selection, err, () -> {
            Map<String, Long> perKind = new TreeMap<>();
            DeadLetterTopicReader.ReadCounts counts = DeadLetterTopicReader.read(connection, selection, err, "list",
                    (l, partition, offset) -> {
                perKind.merge(l.getStage() + "/" + l.getReason(), 1L, Long::sum);
                out.println(output.isOn(OutputOptions.JSON) ? DeadLetterText.json(l, partition, offset) : DeadLetterText.line(l));
            });
            PrintWriter summary = output.isOn(OutputOptions.JSON) ? err : out;
            summary.println(summary(connection.dlqTopic(), counts, perKind));
            out.flush();
            summary.flush();
            return 0;
        });
    }

    /** The closing count of {@code dlq list}: totals, then one line per stage/reason. */
    static String summary(String topic, DeadLetterTopicReader.ReadCounts counts, Map<String, Long> perKind) {
        StringBuilder s = new StringBuilder().append(counts.matched()).append(" dead letter(s) in ").append(topic);
        if (counts.matched() != counts.read() - counts.unreadable()) {
            s.append(" matched (of ").append(counts.read() - counts.unreadable()).append(')');
        }
        if (counts.unreadable() > 0) {
            s.append("; ").append(counts.unreadable()).append(" unreadable record(s) skipped");
        }
        perKind.forEach((kind, n) -> s.append(System.lineSeparator()).append(String.format("  %-40s %d", kind, n)));
        return s.toString();
    }
}
