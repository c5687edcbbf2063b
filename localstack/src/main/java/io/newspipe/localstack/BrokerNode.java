package io.newspipe.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;

/**
 * The configuration of one KRaft node (combined broker + controller) bound to 127.0.0.1, shared by the broker in
 * the JVM ({@link EmbeddedKafka}) and the brokers in their own processes ({@link KafkaCluster}), and the formatting
 * of its log directory.
 *
 * @param nodeId the node id, also its voter id
 * @param voters {@code controller.quorum.voters}, e.g. {@code 1@127.0.0.1:20001,2@127.0.0.1:20002}
 * @param brokerPort the client listener's port
 * @param controllerPort the controller listener's port
 * @param dataDir the node's folder: {@code server.properties} and {@code logs/}
 * @param replicationFactor replicas of the internal topics (offsets, transactions) and of topics created without
 *     one; the minimum in-sync replicas is one less (at least 1), so one broker can be lost without refusing writes
 */
record BrokerNode(int nodeId, String voters, int brokerPort, int controllerPort, Path dataDir,
                  int replicationFactor) {

    /** {@code host:port} of the client listener. */
    String bootstrapServer() {
        return "127.0.0.1:" + brokerPort;
    }

    Path configFile() {
        return dataDir.resolve("server.properties");
    }

    /** The replicas that must acknowledge a write with {@code acks=all}: all but one, at least one. */
    int minInSyncReplicas() {
        return Math.max(1, replicationFactor - 1);
    }

    Properties properties() {
        String replicas = Integer.toString(replicationFactor);
        String minInSync = Integer.toString(minInSyncReplicas());
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", voters);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("default.replication.factor", replicas);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("transaction.state.log.num.partitions", "5");
        p.put("min.insync.replicas", minInSync);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        return p;
    }

    /** Writes {@code server.properties} and formats the log directory (a formatted one is left as it is). */
    Properties prepare(String clusterId) {
        Properties props = properties();
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            try (Writer w = Files.newBufferedWriter(configFile(), StandardCharsets.UTF_8)) {
                props.store(w, "newspipe local broker " + nodeId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Kafka data directory " + dataDir, e);
        }
        format(configFile(), clusterId);
        return props;
    }

    /** {@code kafka-storage.sh format --ignore-formatted}, in this JVM and without {@code System.exit}. */
    static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString(),
            "--ignore-formatted"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting the Kafka log directory of " + configFile + " failed: "
                    + out.toString(StandardCharsets.UTF_8));
        }
    }
}
