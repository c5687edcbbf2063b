package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;

/**
 * Switches of what a command prints or does, shared by the commands that have them: each takes the definition with
 * the wording of what it prints ({@link Setting#withDoc}).
 */
public final class OutputOptions {

    /** Machine-readable output: JSON instead of text for people. */
    public static final Setting<Boolean> JSON = Setting.toggle("--json", "One JSON object instead of text");
    /** Say what would be done and change nothing. */
    public static final Setting<Boolean> DRY_RUN = Setting.toggle("--dry-run",
            "Only say what would be done; change nothing");

    private OutputOptions() {
    }
}
