package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.common.Deadline;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.TextArticleReader;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole docker-compose.yml brought up for real (image built from the Dockerfile, apache/kafka, Confluent Schema
 * Registry, PostgreSQL, topic-init, ingest, two enrich instances, sink), then the sample in ./feeds/articles must
 * arrive in PostgreSQL. Needs a Docker engine with {@code docker compose}: skipped where there is none (CI here);
 * {@link ComposeWiringIT} covers the wiring without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeDockerIT {

    private static final Path SAMPLE = Path.of("../feeds/articles/jakarta-perpustakaan-contoh.txt");

    private ComposeContainer compose;

    @BeforeAll
    void up() throws IOException {
        // published host ports moved to free ones, so the test does not collide with what runs on the machine
        compose = new ComposeContainer(new File("../docker-compose.yml"))
                .withBuild(true)
                .withEnv(Map.of("NEWSPIPE_HOST_KAFKA_PORT", freePort(), "NEWSPIPE_HOST_REGISTRY_PORT", freePort(),
                        "NEWSPIPE_HOST_POSTGRES_PORT", freePort()))
                .withScaledService("enrich", 2)
                .withExposedService("postgres", 5432, Wait.forHealthcheck())
                .waitingFor("sink", Wait.forHealthcheck())
                .withRemoveVolumes(true)
                .withStartupTimeout(Duration.ofMinutes(15));
        compose.start();
    }

    @AfterAll
    void down() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void shouldCarryTheFeedsSampleToPostgres() throws Exception {
        String title = new TextArticleReader(IngestSettings.DEFAULT_MAX_ARTICLE_BYTES)
                .read(Files.readAllBytes(SAMPLE), SAMPLE.toString()).title();
        String url = "jdbc:postgresql://" + compose.getServiceHost("postgres", 5432) + ":"
                + compose.getServicePort("postgres", 5432) + "/newspipe";
        Deadline.await("the feeds sample in PostgreSQL", Duration.ofMinutes(3), Duration.ofMillis(500),
                () -> dateline(url, title) != null);
        assertThat(dateline(url, title)).isEqualTo("EXAMPLE");
    }

    /** The stored dateline outlet of the article with this title; null while it is not there. */
    private static String dateline(String url, String title) {
        try (Connection c = DriverManager.getConnection(url, "newspipe", "newspipe");
             PreparedStatement ps = c.prepareStatement("SELECT dateline_outlet FROM articles WHERE title = ?")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // not migrated yet
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        }
    }
}
