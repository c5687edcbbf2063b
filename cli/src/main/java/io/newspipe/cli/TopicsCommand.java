package io.newspipe.cli;

import io.newspipe.common.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe topics}: the pipeline's Kafka topics. {@code topics create} creates the raw, enriched, dead
 * letter and takedowns topics with partitions, replication and retention from options (each with its {@code NEWSPIPE_TOPICS_…}
 * environment variable); it is idempotent (an existing topic is left as it is) and first waits, up to a deadline,
 * for enough brokers to answer. It is the one-shot {@code topic-init} service of the docker compose deployment.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Manage the pipeline's Kafka topics.",
        subcommands = {TopicsCommand.Create.class, CommandLine.HelpCommand.class})
public final class TopicsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code newspipe topics create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the raw, enriched and dead letter topics (existing topics are left as they are), "
                    + "after waiting for the broker.")
    public static final class Create implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Mixin
        TopicOptions settings = new TopicOptions();

        PrintStream out = System.out;
        PrintStream err = System.err;

        @Override
        public Integer call() {
            List<String> problems = settings.problems(); // also when called in code, not parsed by Main
            if (!problems.isEmpty()) {
                err.println("newspipe topics create: " + String.join("; ", problems));
                return 1;
            }
            Map<String, Object> config = new HashMap<>(connection.extraClientConfig());
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
            try (Admin admin = Admin.create(config)) {
                awaitBrokers(admin);
                create(admin, topics());
                return 0;
            } catch (IllegalStateException | ExecutionException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                err.println("newspipe topics create: " + cause.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("newspipe topics create: interrupted");
                return 1;
            }
        }

        /**
         * Creates the topics of {@code connection} with {@code partitions} partitions and otherwise the defaults of
         * {@code newspipe topics create} (and their environment variables): how the embedded pipeline and the tests
         * get the same retention as a deployment.
         */
        public static void createAll(ConnectionOptions connection, int partitions, PrintStream out) {
            createAll(connection, partitions, null, out);
        }

        /**
         * As {@link #createAll(ConnectionOptions, int, PrintStream)}, with {@code replicationFactor} replicas per
         * partition ({@code null}: the option's default), e.g. 3 on a local cluster of three brokers.
         */
        public static void createAll(ConnectionOptions connection, int partitions, Short replicationFactor,
                                     PrintStream out) {
            Create create = new Create();
            List<String> args = new ArrayList<>(List.of(TopicOptions.PARTITIONS.name(), Integer.toString(partitions)));
            if (replicationFactor != null) {
                args.addAll(List.of(TopicOptions.REPLICATION_FACTOR.name(), replicationFactor.toString()));
            }
            new CommandLine(create).parseArgs(args.toArray(String[]::new));
            create.connection = connection;
            create.out = out;
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            create.err = new PrintStream(errors, true, StandardCharsets.UTF_8);
            if (create.call() != 0) {
                throw new IllegalStateException(errors.toString(StandardCharsets.UTF_8).strip());
            }
        }

        /** The topics to create, by name (the same name given twice is created once, with the first settings). */
        Map<String, NewTopic> topics() {
            Map<String, NewTopic> topics = new LinkedHashMap<>();
            // raw and enriched are keyed by article id and compacted too: a takedown's tombstone removes the
            // earlier records of its id when the cleaner compacts their segments (time retention still applies)
            String compactAndDelete = TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE;
            topics.putIfAbsent(connection.rawTopic(), topic(connection.rawTopic(),
                    settings.value(TopicOptions.RAW_RETENTION_MS), compactAndDelete));
            topics.putIfAbsent(connection.enrichedTopic(), topic(connection.enrichedTopic(),
                    settings.value(TopicOptions.ENRICHED_RETENTION_MS),
                    compactAndDelete));
            topics.putIfAbsent(connection.dlqTopic(), topic(connection.dlqTopic(),
                    settings.value(TopicOptions.DLQ_RETENTION_MS),
                    TopicConfig.CLEANUP_POLICY_DELETE));
            if (connection.takedownTopic() != null) {
                topics.putIfAbsent(connection.takedownTopic(), takedownTopic(connection.takedownTopic(),
                        settings.partitions(), settings.replicationFactor()));
            }
            return topics;
        }

        private NewTopic topic(String name, long retentionMs, String cleanupPolicy) {
            return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs)));
        }

        /**
         * The takedowns topic: every audit record kept for good (no compaction, no time retention). A replication
         * factor of -1 takes the broker's default.
         */
        static NewTopic takedownTopic(String name, int partitions, short replicationFactor) {
            return new NewTopic(name, java.util.Optional.of(partitions), replicationFactor < 1
                    ? java.util.Optional.empty() : java.util.Optional.of(replicationFactor)).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, "-1"));
        }

        private Duration brokerWait() {
            return settings.value(TopicOptions.WAIT);
        }

        /** Waits until at least {@code replicationFactor} brokers answer, or fails with what to check. */
        private void awaitBrokers(Admin admin) {
            int[] seen = {-1};
            int attemptMs = (int) Math.max(500, Math.min(5_000, brokerWait().toMillis()));
            try {
                Deadline.await("broker", brokerWait(), Duration.ofMillis(500), () -> {
                    try {
                        seen[0] = admin.describeCluster(new DescribeClusterOptions().timeoutMs(attemptMs)).nodes()
                                .get(attemptMs + 1_000L, TimeUnit.MILLISECONDS).size();
                        return seen[0] >= settings.replicationFactor();
                    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the broker", e);
                    }
                });
            } catch (IllegalStateException timedOut) {
                if (seen[0] < 0) {
                    throw new IllegalStateException("no Kafka broker answered at " + connection.bootstrapServers()
                            + " within " + brokerWait() + ": check --bootstrap-servers (NEWSPIPE_KAFKA_BOOTSTRAP_SERVERS) "
                            + "and that the broker is up, or wait longer with --wait (NEWSPIPE_TOPICS_WAIT)",
                            timedOut);
                }
                throw new IllegalStateException("the cluster at " + connection.bootstrapServers() + " has " + seen[0]
                        + " broker(s), fewer than --replication-factor " + settings.replicationFactor()
                        + ": lower NEWSPIPE_TOPICS_REPLICATION_FACTOR or add brokers", timedOut);
            }
        }

        private void create(Admin admin, Map<String, NewTopic> topics)
                throws ExecutionException, InterruptedException {
            var results = admin.createTopics(topics.values(), new CreateTopicsOptions().timeoutMs(30_000)).values();
            List<String> existing = new ArrayList<>();
            for (NewTopic t : topics.values()) {
                try {
                    results.get(t.name()).get();
                    out.printf("topic %s: created (%d partitions, replication factor %d, retention.ms %s)%n",
                            t.name(), t.numPartitions(), t.replicationFactor(),
                            t.configs().get(TopicConfig.RETENTION_MS_CONFIG));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    existing.add(t.name());
                }
            }
            if (existing.isEmpty()) {
                return;
            }
            Map<String, TopicDescription> described = admin.describeTopics(existing).allTopicNames().get();
            for (String name : existing) {
                int actual = described.get(name).partitions().size();
                out.printf("topic %s: exists (%d partitions), left as it is%s%n", name, actual,
                        actual == settings.partitions() ? "" : " (asked for " + settings.partitions() + "; partitions are only ever "
                                + "added, by kafka-topics --alter, and that moves keys between partitions)");
            }
        }
    }
}
