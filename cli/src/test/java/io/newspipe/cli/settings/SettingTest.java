package io.newspipe.cli.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A setting definition becomes one picocli option, with its variable, default, description and rule. */
class SettingTest {

    private static final Setting<Integer> THREADS = Setting.number("--threads", "NEWSPIPE_TEST_THREADS", "1",
            "Stream threads").withRule(Setting.atLeast(1), "must be at least 1");
    private static final Setting<Duration> WAIT = Setting.duration("--wait", null, "5m", "How long to wait");
    private static final Setting<Boolean> DEDUP = Setting.flag("--dedup", "NEWSPIPE_TEST_DEDUP", "true",
            "Flag duplicates");
    private static final Setting<List<String>> FEEDS = Setting.list("--feed", "NEWSPIPE_TEST_FEEDS", "Feeds",
            String.class);
    private static final Setting<Map<String, String>> ENDPOINTS = Setting.map("--endpoint", null, "Endpoints");
    private static final Setting<String> PASSWORD = Setting.text("--password", "NEWSPIPE_TEST_PASSWORD", "",
            "Password");

    /** A command taking the settings above through one group, as every command does. */
    @Command(name = "test")
    static final class TestCommand {
        @Mixin
        SettingGroup settings = SettingGroup.of(THREADS, WAIT, DEDUP, FEEDS, ENDPOINTS, PASSWORD);
    }

    @Test
    void shouldWriteTheVariableAndTheDefaultIntoThePicocliDefault() {
        assertThat(THREADS.defaultExpression()).isEqualTo("${env:NEWSPIPE_TEST_THREADS:-1}");
        assertThat(PASSWORD.defaultExpression()).isEqualTo("${env:NEWSPIPE_TEST_PASSWORD:-}");
        assertThat(FEEDS.defaultExpression()).isEqualTo("${env:NEWSPIPE_TEST_FEEDS}");
        assertThat(WAIT.defaultExpression()).isEqualTo("5m");
        assertThat(THREADS.description()).isEqualTo("Stream threads (env NEWSPIPE_TEST_THREADS; default "
                + "${DEFAULT-VALUE}).");
        assertThat(PASSWORD.description()).as("an empty default is not shown").isEqualTo("Password (env "
                + "NEWSPIPE_TEST_PASSWORD).");
        assertThat(THREADS.defaultValue()).isEqualTo(1);
        assertThat(WAIT.defaultValue()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldParseEachShapeIntoItsGroup() {
        TestCommand command = new TestCommand();
        new CommandLine(command).parseArgs("--threads", "4", "--wait", "90s", "--no-dedup", "--feed", "a,b",
                "--feed", "c", "--endpoint", "enrich=http://e:9400", "--password");
        SettingGroup s = command.settings;
        assertThat(s.value(THREADS)).isEqualTo(4);
        assertThat(s.value(WAIT)).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.isOn(DEDUP)).isFalse();
        assertThat(s.list(FEEDS)).containsExactly("a", "b", "c");
        assertThat(s.map(ENDPOINTS)).containsEntry("enrich", "http://e:9400");
        assertThat(s.value(PASSWORD)).isEmpty();
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void shouldTakeTheDefaultsWhenNothingIsGiven() {
        TestCommand command = new TestCommand();
        new CommandLine(command).parseArgs();
        SettingGroup s = command.settings;
        assertThat(s.value(THREADS)).isEqualTo(1); // NEWSPIPE_TEST_THREADS is not set in the test's environment
        assertThat(s.value(WAIT)).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.isOn(DEDUP)).isTrue();
        assertThat(s.list(FEEDS)).isEmpty();
        assertThat(s.map(ENDPOINTS)).isEmpty();
    }

    @Test
    void shouldNameTheOptionItsVariableAndTheValueInAProblem() {
        TestCommand command = new TestCommand();
        new CommandLine(command).parseArgs("--threads", "0");
        assertThat(command.settings.problems())
                .containsExactly("--threads must be at least 1 (env NEWSPIPE_TEST_THREADS), not 0");
    }

    @Test
    void shouldKeepTheDefinitionWhenRenamedOrWithoutItsVariable() {
        Setting<Integer> renamed = THREADS.named("--stream-threads");
        assertThat(renamed.environmentVariable()).isEqualTo(THREADS.environmentVariable());
        assertThat(renamed.defaultText()).isEqualTo(THREADS.defaultText());
        assertThat(renamed.problem(0)).startsWith("--stream-threads must be at least 1");
        assertThat(THREADS.withoutEnvironment().defaultExpression()).isEqualTo("1");
        assertThat(Setting.path("--dir", null, null, "A folder").defaultValue()).isNull();
        assertThat(Setting.path("--dir", null, "x", "A folder").defaultValue()).isEqualTo(Path.of("x"));
    }
}
