package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the runtime image holds: the Dockerfile copies cli's runtime dependencies, which the build lists in
 * {@code target/runtime-dependencies.txt}. The embedded stack (broker, registry, PostgreSQL binaries), the demo and
 * the benchmarks are for this machine and the tests, never for the image.
 */
class RuntimeClasspathTest {

    private static final List<String> FORBIDDEN = List.of("io.newspipe:newspipe-localstack:",
            "io.newspipe:newspipe-demo:", "io.newspipe:newspipe-benchmarks:", "io.zonky.test",
            "org.apache.kafka:kafka_2.13:", "org.apache.kafka:kafka-server:", "org.apache.kafka:kafka-raft:",
            "org.apache.kafka:kafka-metadata:", "io.apicurio:apicurio-registry-app:");

    private static List<String> runtimeDependencies() throws IOException {
        return Files.readAllLines(Path.of("target/runtime-dependencies.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> line.matches("[\\w.-]+:[\\w.-]+:.*")).toList();
    }

    @Test
    void shouldHoldTheStagesAndTheirClients() throws IOException {
        assertThat(runtimeDependencies()).anyMatch(d -> d.startsWith("io.newspipe:newspipe-enrich:"))
                .anyMatch(d -> d.startsWith("org.apache.kafka:kafka-streams:"))
                .anyMatch(d -> d.startsWith("org.postgresql:postgresql:"));
    }

    @Test
    void shouldHoldNoEmbeddedStackDemoOrBenchmarkArtifact() throws IOException {
        assertThat(runtimeDependencies()).noneMatch(d -> FORBIDDEN.stream().anyMatch(d::startsWith));
    }
}
