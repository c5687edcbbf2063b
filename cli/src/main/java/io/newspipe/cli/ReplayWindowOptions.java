package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.time.Instant;
import java.util.List;

/**
 * The time window of a replay, {@code --from} inclusive to {@code --to} exclusive: bounds of {@code ingest --replay}
 * (each optional), the window {@code replay} reprocesses (both required).
 */
final class ReplayWindowOptions extends SettingGroup {

    static final Setting<Instant> FROM = Setting.time("--from", null, null,
            "Only articles published at or after TIME (2025-07-01, 2025-07-01T06:00:00+07:00)");
    static final Setting<Instant> TO = Setting.time("--to", null, null, "Only articles published before TIME");

    private ReplayWindowOptions(List<Setting<?>> settings) {
        super(settings);
    }

    /** Both bounds optional. */
    static ReplayWindowOptions optional() {
        return new ReplayWindowOptions(List.of(FROM, TO));
    }

    /** Both bounds required. */
    static ReplayWindowOptions required() {
        return new ReplayWindowOptions(List.of(FROM.asRequired(), TO.asRequired()));
    }

    /** The start of the window, or null. */
    Instant from() {
        return value(FROM);
    }

    /** The end of the window, or null. */
    Instant to() {
        return value(TO);
    }
}
