package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.util.List;

/** Where a long-running stage serves /metrics and /health. */
public final class MetricsOptions extends SettingGroup {

    public static final Setting<Integer> PORT = Setting.number("--metrics-port", "NEWSPIPE_METRICS_PORT", "9400",
            "Port of the /metrics, /health/ready and /health/live endpoints of enrich, sink and watching ingest; 0 "
                    + "for none").withRule(port -> port >= 0 && port <= 65535, "must be a port, 0 to 65535");
    public static final Setting<String> HOST = Setting.text("--metrics-host", "NEWSPIPE_METRICS_HOST", "0.0.0.0",
            "Address the metrics endpoint binds");

    public MetricsOptions() {
        super(List.of(PORT, HOST));
    }

    MetricsServer start(String stage) {
        return MetricsServer.start(stage, value(HOST), value(PORT));
    }
}
