package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingsReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings are defined once ({@link Setting}), and the README's configuration table is generated from those
 * definitions. When a setting changes, regenerate the table with
 * {@code mvn -B -pl cli -am test -Dtest=ConfigReferenceTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dreadme.update=true} and commit the README.
 */
class ConfigReferenceTest {

    private static final Path README = Path.of("../README.md");
    private static final Pattern ENV = Pattern.compile("\\$\\{env:(NEWSPIPE_[A-Z0-9_]+)");

    /** Every environment variable an option of any command reads, from picocli's model of the command line. */
    static Set<String> environmentVariables() {
        Set<String> vars = new TreeSet<>();
        List<CommandLine> todo = new ArrayList<>(List.of(Main.commandLine()));
        while (!todo.isEmpty()) {
            CommandLine cmd = todo.remove(todo.size() - 1);
            for (OptionSpec o : cmd.getCommandSpec().options()) {
                String dflt = o.defaultValueString(false); // before ${env:...} interpolation
                if (dflt != null) {
                    Matcher m = ENV.matcher(dflt);
                    while (m.find()) {
                        vars.add(m.group(1));
                    }
                }
            }
            todo.addAll(cmd.getSubcommands().values());
        }
        return vars;
    }

    @Test
    void shouldKeepTheReadmeTableAsTheDefinitionsGenerateIt() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String table = SettingsReference.table(Main.commandLine());
        if (Boolean.getBoolean("readme.update")) {
            Files.writeString(README, SettingsReference.withTable(readme, table), StandardCharsets.UTF_8);
            readme = Files.readString(README, StandardCharsets.UTF_8);
        }
        assertThat(SettingsReference.tableIn(readme))
                .as("README.md's configuration table is stale (a setting was added or changed): regenerate it with "
                        + "mvn -B -pl cli -am test -Dtest=ConfigReferenceTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Dreadme.update=true, then read the diff")
                .isEqualTo(table);
    }

    @Test
    void shouldReadEveryEnvironmentVariableThroughASettingDefinition() {
        Set<String> defined = new TreeSet<>();
        SettingsReference.settings(Main.commandLine()).keySet().stream().map(Setting::environmentVariable)
                .filter(v -> v != null).forEach(defined::add);
        assertThat(defined).hasSizeGreaterThan(50)
                .contains("NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS", "NEWSPIPE_JDBC_URL", "NEWSPIPE_METRICS_PORT");
        assertThat(environmentVariables()).as("variables read by an option declared outside the definitions")
                .isEqualTo(defined);
    }

    @Test
    void shouldGiveEachVariableOneMeaning() {
        Map<String, Setting<?>> byVariable = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Setting<?> s : SettingsReference.settings(Main.commandLine()).keySet()) {
            assertThat(s.doc()).as("documentation of %s", s.name()).isNotBlank();
            if (s.environmentVariable() == null) {
                continue;
            }
            assertThat(s.environmentVariable()).as("variable of %s", s.name()).startsWith("NEWSPIPE_");
            Setting<?> earlier = byVariable.putIfAbsent(s.environmentVariable(), s);
            if (earlier != null && !(java.util.Objects.equals(earlier.defaultText(), s.defaultText())
                    && earlier.shape().type() == s.shape().type())) {
                clashes.add(s.environmentVariable() + ": " + earlier.name() + " and " + s.name());
            }
        }
        assertThat(clashes).as("one variable, two types or defaults").isEmpty();
    }
}
