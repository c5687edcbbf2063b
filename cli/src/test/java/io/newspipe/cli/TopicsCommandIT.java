package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code newspipe topics create} against the real broker of the local stack. */
@ExtendWith(LocalStackExtension.class)
class TopicsCommandIT {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        TopicsCommand.Create create = new TopicsCommand.Create();
        create.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        create.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(create).execute(args);
    }

    @Test
    void shouldCreateTheTopicsWithTheirRetentionAndAcceptThemExistingOnTheSecondRun(LocalStack stack)
            throws Exception {
        String[] args = {"--bootstrap-servers", stack.bootstrapServers(), "--raw-topic", "topics-it.raw",
            "--enriched-topic", "topics-it.enriched", "--dlq-topic", "topics-it.dlq", "--partitions", "2",
            "--enriched-retention-ms", "3600000"};

        assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("topic topics-it.raw: created (2 partitions");

        out.reset();
        assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("topic topics-it.raw: exists (2 partitions)")
                .contains("topic topics-it.dlq: exists");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    new ConfigResource(ConfigResource.Type.TOPIC, "topics-it.raw"),
                    new ConfigResource(ConfigResource.Type.TOPIC, "topics-it.enriched"))).all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, "topics-it.raw"))
                    .get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, "topics-it.enriched"))
                    .get("retention.ms").value()).isEqualTo("3600000");
            assertThat(admin.describeTopics(List.of("topics-it.enriched")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("topics-it.enriched").partitions()).hasSize(2);
        }
    }

    @Test
    void shouldFailWithWhatToDoWhenTheReplicationFactorExceedsTheBrokers(LocalStack stack) {
        int rc = run("--bootstrap-servers", stack.bootstrapServers(), "--raw-topic", "topics-it.rf",
                "--replication-factor", "3", "--wait", "PT1S");

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has 1 broker(s), fewer than --replication-factor 3")
                .contains("NEWSPIPE_TOPICS_REPLICATION_FACTOR");
    }

    @Test
    void shouldGiveUpAtTheDeadlineWhenNoBrokerAnswers() {
        int rc = run("--bootstrap-servers", "127.0.0.1:1", "--wait", "PT1S");

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no Kafka broker answered at 127.0.0.1:1")
                .contains("NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS");
    }
}
