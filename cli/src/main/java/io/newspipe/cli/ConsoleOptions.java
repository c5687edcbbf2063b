package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.console.ConsoleSettings;
import java.util.List;
import java.util.Map;

/** The web console's settings: where it listens, re-drive and its token, the stages it watches. */
public final class ConsoleOptions extends SettingGroup {

    public static final Setting<String> HOST = Setting.text("--host", "NEWSPIPE_CONSOLE_HOST",
            ConsoleSettings.DEFAULT_HOST, "Address the web console binds: this machine only unless told otherwise");
    public static final Setting<Integer> PORT = Setting.number("--port", "NEWSPIPE_CONSOLE_PORT", "8090",
            "Port of the web console; 0 for any free one. up and demo --keep take it as --console-port, and another "
                    + "free one when it is taken").withRule(port -> port >= 0 && port <= 65535, "must be a port, 0 to 65535");
    public static final Setting<String> TOKEN = Setting.text("--token", "NEWSPIPE_CONSOLE_TOKEN", null,
            "Token re-drive requests must carry, at least 16 characters; without one a random token is printed at "
                    + "start").withRule(t -> t.isBlank() || t.length() >= 16, "must be at least 16 characters");
    public static final Setting<Boolean> ACTIONS = Setting.flag("--actions", "NEWSPIPE_CONSOLE_ACTIONS", "true",
            "Offer re-drive; --no-actions makes the console read-only (the compose file's default)");
    public static final Setting<Map<String, String>> STAGE_ENDPOINTS = Setting.map("--stage-endpoint",
            "NEWSPIPE_CONSOLE_STAGE_ENDPOINTS", "A stage's /metrics and /health/ready endpoint, e.g. "
                    + "enrich=http://enrich:9400 (repeat or comma-separate). Without one a stage's health comes from "
                    + "its consumer group").withLabel("STAGE=URL");

    public ConsoleOptions() {
        super(List.of(HOST, PORT, TOKEN, ACTIONS, STAGE_ENDPOINTS, EnrichOptions.APPLICATION_ID,
                SinkOptions.GROUP_ID));
    }

    /**
     * A console on this machine at {@code port} with re-drive on (and a random token), watching the stages of the
     * default application id and consumer group: what {@code up} and {@code demo --keep} start.
     */
    public static ConsoleOptions local(int port) {
        ConsoleOptions options = new ConsoleOptions();
        options.set(HOST, HOST.defaultValue());
        options.set(PORT, port);
        options.set(ACTIONS, true);
        options.set(EnrichOptions.APPLICATION_ID, EnrichOptions.APPLICATION_ID.defaultValue());
        options.set(SinkOptions.GROUP_ID, SinkOptions.GROUP_ID.defaultValue());
        return options;
    }

    public int port() {
        return value(PORT);
    }
}
