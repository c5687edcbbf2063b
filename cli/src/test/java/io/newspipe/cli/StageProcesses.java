package io.newspipe.cli;

import io.newspipe.localstack.LocalStack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts pipeline stages as separate JVMs ({@code newspipe enrich}, {@code newspipe sink}) against a local stack,
 * with the test class path, so a fault test can kill one with SIGKILL as production loses a container.
 */
final class StageProcesses {

    private final LocalStack stack;
    private final String raw;
    private final String enriched;
    private final String dlq;

    StageProcesses(LocalStack stack, String raw, String enriched, String dlq) {
        this.stack = stack;
        this.raw = raw;
        this.enriched = enriched;
        this.dlq = dlq;
    }

    /** {@code newspipe enrich} with its own state folder, its output appended to {@code log}. */
    Process enrich(String applicationId, Path stateDir, Path log, String heap, String... moreOptions)
            throws IOException {
        List<String> options = new ArrayList<>(List.of("enrich", "--application-id", applicationId,
                "--state-dir", stateDir.toString()));
        options.addAll(List.of(moreOptions));
        return start(heap, log, options);
    }

    /** {@code newspipe sink} into the stack's PostgreSQL, its output appended to {@code log}. */
    Process sink(String groupId, Path log, String heap) throws IOException {
        return start(heap, log, List.of("sink", "--group-id", groupId, "--jdbc-url", stack.jdbcUrl(),
                "--jdbc-user", stack.jdbcUser(), "--jdbc-password", stack.jdbcPassword()));
    }

    private Process start(String heap, Path log, List<String> stageOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-Dstreams.log.level=" + System.getProperty("fault.streams.log.level", "WARN"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(stageOptions);
        command.addAll(List.of("--bootstrap-servers", stack.bootstrapServers(),
                "--schema-registry-url", stack.schemaRegistryUrl(),
                "--raw-topic", raw, "--enriched-topic", enriched, "--dlq-topic", dlq, "--metrics-port", "0"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
