package io.newspipe.demo;

import io.newspipe.cli.ConsoleOptions;
import io.newspipe.cli.SampleOptions;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.nio.file.Path;
import java.util.List;

/** What {@code demo} and {@code up} share: the samples they ingest, where the endpoints go, the console's port. */
final class LocalRunOptions extends SettingGroup {

    static final Setting<Path> ENDPOINTS = Setting.path("--endpoints", null, ".newspipe/endpoints.properties",
            "Where the endpoints of the running stack are written (up, and demo with --keep)");
    static final Setting<Integer> CONSOLE_PORT = ConsoleOptions.PORT.named("--console-port")
            .withDoc("Port of the web console on 127.0.0.1 (up, and demo with --keep); another free one when taken");

    LocalRunOptions() {
        super(List.of(SampleOptions.SAMPLES, ENDPOINTS, CONSOLE_PORT));
    }

    Path samples() {
        return value(SampleOptions.SAMPLES);
    }

    Path endpoints() {
        return value(ENDPOINTS);
    }

    int consolePort() {
        return value(CONSOLE_PORT);
    }
}
