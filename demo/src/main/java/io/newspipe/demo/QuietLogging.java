package io.newspipe.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * How much the embedded commands log. A first run should show the command's own progress and result only: the
 * broker, the clients and the database log start-up retries and shutdown notices at WARN that are expected on a
 * stack that starts and stops within a minute. So by default only errors are logged; {@code --verbose} restores
 * the levels of {@code logback.xml} and shows newspipe's own INFO lines.
 */
final class QuietLogging extends SettingGroup {

    /** The loggers {@code logback.xml} sets a level for, besides the root. */
    private static final List<String> CONFIGURED = List.of("org.apache.kafka", "kafka", "state.change.logger",
            "io.zonky", "org.flywaydb", "io.newspipe");

    static final Setting<Boolean> VERBOSE = Setting.toggle("--verbose", "Also print the log lines of the broker, the "
            + "clients, the database and newspipe (warnings and newspipe's INFO lines); without it only errors are "
            + "logged");

    QuietLogging() {
        super(List.of(VERBOSE));
    }

    /** Applies the level chosen on the command line; call first thing in the command. */
    void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J provider: its own configuration decides
        }
        if (isOn(VERBOSE)) {
            context.getLogger("io.newspipe").setLevel(Level.INFO);
            return;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.ERROR);
        CONFIGURED.forEach(name -> context.getLogger(name).setLevel(Level.ERROR));
    }
}
