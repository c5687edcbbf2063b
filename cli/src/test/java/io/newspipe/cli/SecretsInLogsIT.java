package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.sink.SinkApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With a SASL JAAS config, a registry password and a database password configured, everything logged while the
 * three stages carry an article through (at DEBUG for newspipe, INFO for Kafka) contains none of the secrets.
 */
@ExtendWith(LocalStackExtension.class)
class SecretsInLogsIT {

    private static final String KAFKA_SECRET = "kafka-s3cret-7f3a";
    private static final String REGISTRY_SECRET = "registry-s3cret-91bc";
    private static final String DB_SECRET = "db-s3cret-44de";

    private final LocalStack stack;

    SecretsInLogsIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldNeverLogTheSecrets(@TempDir Path dir) throws Exception {
        Path clientConfig = dir.resolve("client.properties");
        // security.protocol stays PLAINTEXT (the local broker has no SASL): the JAAS line is still parsed and logged
        // with the client configuration, which is where a secret would leak
        Files.writeString(clientConfig, String.join("\n",
                "sasl.mechanism=PLAIN",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" "
                        + "password=\"" + KAFKA_SECRET + "\";",
                "basic.auth.credentials.source=USER_INFO",
                "basic.auth.user.info=alice:" + REGISTRY_SECRET, ""));
        ConnectionOptions c = new ConnectionOptions();
        StackOptions.point(c, stack, "secrets.raw", "secrets.enriched", "secrets.dlq");
        c.set(ConnectionOptions.CLIENT_CONFIG, clientConfig);
        DatabaseOptions db = new DatabaseOptions();
        // the embedded server trusts local connections, so any password works
        db.pointAt(stack.jdbcUrl(), stack.jdbcUser(), DB_SECRET);
        stack.createTopics(1, c.rawTopic(), c.enrichedTopic(), c.dlqTopic());

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger newspipe = (Logger) LoggerFactory.getLogger("io.newspipe");
        Logger kafka = (Logger) LoggerFactory.getLogger("org.apache.kafka");
        Level newspipeLevel = newspipe.getLevel();
        Level kafkaLevel = kafka.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        newspipe.setLevel(Level.DEBUG);
        kafka.setLevel(Level.INFO);
        String id;
        try (EnrichApp enrich = Stages.enrichApp(c, EnrichStageSettings.of("secrets-app", dir.resolve("state")))
                .start()) {
            SinkApp sink = Stages.sinkApp(c, db, SinkStageSettings.of("secrets-sink", 100));
            Thread t = new Thread(sink, "secrets-sink");
            t.start();
            try (Ingestor ingestor = Stages.ingestor(c, IngestSettings.DEFAULT_MAX_ARTICLE_BYTES)) {
                id = ingestor.ingestFile(UniqueSample.copyInto(dir));
            }
            String articleId = id;
            Deadline.await("the article in PostgreSQL", Duration.ofSeconds(60), Duration.ofMillis(200), () -> {
                try (Connection conn = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), DB_SECRET);
                     PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM articles WHERE id = ?")) {
                    ps.setString(1, articleId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
            sink.close();
            t.join(20_000);
        } finally {
            root.detachAppender(captured);
            newspipe.setLevel(newspipeLevel);
            kafka.setLevel(kafkaLevel);
        }
        List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        assertThat(lines).as("log lines captured").hasSizeGreaterThan(20);
        assertThat(String.join("\n", lines)).as("something was logged about the configuration")
                .contains("sasl.jaas.config");
        assertThat(lines).noneMatch(l -> l.contains(KAFKA_SECRET)).noneMatch(l -> l.contains(REGISTRY_SECRET))
                .noneMatch(l -> l.contains(DB_SECRET));
    }
}
