package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.nio.file.Path;
import java.util.List;

/** The sink stage's settings: where enriched articles go, its consumer group and batches, full-text search. */
public final class SinkOptions extends SettingGroup {

    /** Where the sink writes. */
    enum Target { postgres, files }

    static final Setting<Target> TARGET = Setting.choice("--to", "NEWSPIPE_SINK_TARGET", "postgres",
            "postgres, or files: daily JSON Lines files", Target.class);
    static final Setting<Path> OUTPUT_DIR = Setting.path("--output-dir", "NEWSPIPE_SINK_OUTPUT_DIR", "enriched",
            "Folder for --to files: one enriched-<yyyy-MM-dd>.jsonl per day");
    static final Setting<String> GROUP_ID = Setting.text("--group-id", "NEWSPIPE_SINK_GROUP_ID", "newspipe-sink",
            "Consumer group of the sink (the console shows its lag)");
    public static final Setting<Integer> BATCH_SIZE = Setting.number("--batch-size", "NEWSPIPE_SINK_BATCH_SIZE", "500",
            "Rows per transaction").withRule(Setting.atLeast(1), "must be at least 1");
    static final Setting<Boolean> FULL_TEXT_INDEX = Setting.flag("--full-text-index", "NEWSPIPE_SINK_FULL_TEXT_INDEX",
            "true", "Keep full-text search documents of title and body: a trigger queues each written article and the "
                    + "sink's search indexer (its own connection) builds the GIN-indexed documents, behind the writes "
                    + "by newspipe_sink_search_lag_seconds; --no-full-text-index drops the documents and the queue "
                    + "(word search in the console then finds nothing)");

    SinkOptions() {
        super(List.of(TARGET, OUTPUT_DIR, GROUP_ID, BATCH_SIZE, FULL_TEXT_INDEX));
    }

    /** How the PostgreSQL sink runs, from these options. */
    SinkStageSettings stageSettings() {
        return SinkStageSettings.of(value(GROUP_ID), value(BATCH_SIZE)).withFullTextIndex(value(FULL_TEXT_INDEX));
    }
}
