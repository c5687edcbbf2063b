package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The README's configuration reference stays in sync with the options the commands actually read. */
class ConfigReferenceTest {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:(NEWSPIPE_[A-Z0-9_]+)");

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
    void shouldDocumentEveryEnvironmentVariableTheCommandsRead() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        Set<String> vars = environmentVariables();

        assertThat(vars).hasSizeGreaterThan(25)
                .contains("NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS", "NEWSPIPE_JDBC_URL", "NEWSPIPE_METRICS_PORT");
        List<String> missing = vars.stream().filter(v -> !readme.contains(v)).toList();
        assertThat(missing).as("environment variables missing from README.md's configuration table").isEmpty();
    }
}
