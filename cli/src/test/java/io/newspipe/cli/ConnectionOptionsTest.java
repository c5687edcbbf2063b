package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConnectionOptionsTest {

    @Test
    void shouldLayerTheClientConfigFileThenVariablesThenTheCommandsOwnSettings(@TempDir Path dir) throws Exception {
        ConnectionOptions c = new ConnectionOptions();
        c.set(ConnectionOptions.CLIENT_CONFIG, Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SSL\nnum.stream.threads=4\nbasic.auth.credentials.source=USER_INFO\n"));
        c.overrides.put("num.stream.threads", 2);

        Map<String, Object> config = c.extraClientConfig(Map.of(
                "NEWSPIPE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092",
                "NEWSPIPE_KAFKA_NUM_STREAM_THREADS", "3",
                "NEWSPIPE_REGISTRY_BASIC_AUTH_USER_INFO", "user:secret",
                "NEWSPIPE_ENRICH_THREADS", "5",
                "PATH", "/usr/bin"));

        assertThat(config).containsEntry("security.protocol", "SASL_SSL") // the variable over the file
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "user:secret")
                .containsEntry("num.stream.threads", 2) // the command's own setting over both
                .doesNotContainKeys("bootstrap.servers", "enrich.threads", "path");
    }

    @Test
    void shouldRefuseEnrichWithNoThreadsBeforeConnectingAnywhere() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int rc;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            rc = Main.commandLine().execute("enrich", "--threads", "0", "--metrics-port", "0");
        } finally {
            System.setErr(err);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--threads must be at least 1");
    }
}
