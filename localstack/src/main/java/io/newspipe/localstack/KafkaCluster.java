package io.newspipe.localstack;

import io.newspipe.common.Deadline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of several nodes (each a combined broker + controller, all of them voters) on 127.0.0.1, each in
 * its own JVM ({@link BrokerProcess}), so that one can be killed with SIGKILL and started again on its kept log
 * directory, as a machine loss looks in production. Internal topics and topics created without a replication
 * factor get {@link #replicationFactor()} replicas (3 from three brokers on), and the minimum in-sync replicas is
 * one less, so writes with {@code acks=all} go on while one broker is down.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final Map<Integer, BrokerNode> nodes = new TreeMap<>();
    private final Map<Integer, Process> processes = new HashMap<>();
    private final String clusterId = Uuid.randomUuid().toString();
    private final String heap = System.getProperty("newspipe.broker.heap", "256m");

    /** {@code size} nodes with ids 1…size, each with its folder {@code kafka-<id>} under {@code workDir}. */
    public KafkaCluster(Path workDir, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one broker, not " + size);
        }
        Map<Integer, int[]> ports = new TreeMap<>();
        for (int id = 1; id <= size; id++) {
            ports.put(id, new int[] {Ports.free(), Ports.free()});
        }
        String voters = ports.entrySet().stream().map(e -> e.getKey() + "@127.0.0.1:" + e.getValue()[1])
                .collect(Collectors.joining(","));
        int replicationFactor = Math.min(3, size);
        ports.forEach((id, p) -> nodes.put(id, new BrokerNode(id, voters, p[0], p[1],
                workDir.resolve("kafka-" + id), replicationFactor)));
    }

    /** Every broker's {@code host:port}, comma-separated, for clients. */
    public String bootstrapServers() {
        return nodes.values().stream().map(BrokerNode::bootstrapServer).collect(Collectors.joining(","));
    }

    /** The node ids, 1…size. */
    public Set<Integer> nodeIds() {
        return nodes.keySet();
    }

    /** Replicas of internal topics and of topics created without a replication factor. */
    public int replicationFactor() {
        return nodes.get(1).replicationFactor();
    }

    /** In-sync replicas an {@code acks=all} write needs. */
    public int minInSyncReplicas() {
        return nodes.get(1).minInSyncReplicas();
    }

    /** Starts every broker and waits until all of them are registered and unfenced. */
    public synchronized KafkaCluster start() {
        long t0 = System.nanoTime();
        for (int id : nodes.keySet()) {
            launch(id);
        }
        awaitBrokers(nodes.keySet(), START_TIMEOUT);
        LOG.info("Kafka cluster of {} brokers up at {} in {} ms", nodes.size(), bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000);
        return this;
    }

    /** Starts broker {@code id} again on its kept log directory and waits until it is registered and unfenced. */
    public void start(int id) {
        synchronized (this) {
            if (isRunning(id)) {
                return;
            }
            launch(id);
        }
        awaitBrokers(Set.of(id), START_TIMEOUT);
    }

    /** Kills broker {@code id} with SIGKILL: no controlled shutdown, no flush, as when its machine is lost. */
    public void kill(int id) {
        end(id, true);
    }

    /** Stops broker {@code id} with SIGTERM: a controlled shutdown that first moves its leaderships away. */
    public void stop(int id) {
        end(id, false);
    }

    private synchronized void end(int id, boolean kill) {
        Process p = processes.remove(id);
        if (p == null) {
            return;
        }
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        waitForExit(p, id);
        LOG.info("Kafka broker {} {}", id, kill ? "killed (SIGKILL)" : "stopped (SIGTERM)");
    }

    public synchronized boolean isRunning(int id) {
        Process p = processes.get(id);
        return p != null && p.isAlive();
    }

    /** The operating-system process id of broker {@code id}, while it runs. */
    public synchronized long pid(int id) {
        Process p = processes.get(id);
        if (p == null) {
            throw new IllegalStateException("broker " + id + " is not running");
        }
        return p.pid();
    }

    /** How many partitions (of every topic, internal ones included) each broker leads; a broker leading none is 0. */
    public Map<Integer, Integer> leaderCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        nodes.keySet().forEach(id -> counts.put(id, 0));
        for (TopicPartitionInfo p : partitions()) {
            if (p.leader() != null) {
                counts.merge(p.leader().id(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The broker that leads the most partitions (the lowest id among equals). */
    public int mostLeadingBroker() {
        return leaderCounts().entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    /** Waits until every partition of every topic has all its replicas in sync again (after a broker came back). */
    public void awaitFullyReplicated(Duration timeout) {
        Deadline.await("every partition fully in sync", timeout, Duration.ofMillis(250), () -> {
            try {
                return partitions().stream().allMatch(p -> p.leader() != null
                        && p.isr().size() == p.replicas().size());
            } catch (IllegalStateException notNow) {
                return false;
            }
        });
    }

    private List<TopicPartitionInfo> partitions() {
        try (Admin admin = admin()) {
            Collection<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(10, TimeUnit.SECONDS);
            List<TopicPartitionInfo> out = new ArrayList<>();
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS)
                    .values()) {
                out.addAll(d.partitions());
            }
            return out;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot describe the topics of the cluster: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitBrokers(Set<Integer> ids, Duration timeout) {
        try (Admin admin = admin()) {
            Deadline.await("Kafka broker(s) " + ids + " registered", timeout, Duration.ofMillis(200), () -> {
                for (int id : ids) {
                    Process p;
                    synchronized (this) {
                        p = processes.get(id);
                    }
                    if (p == null || !p.isAlive()) {
                        throw new IllegalStateException("Kafka broker " + id + " exited while starting; see "
                                + log(id));
                    }
                }
                try {
                    Set<Integer> up = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream()
                            .map(Node::id).collect(Collectors.toSet());
                    return up.containsAll(ids);
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    private Path log(int id) {
        return nodes.get(id).dataDir().resolve("broker.log");
    }

    private void launch(int id) {
        BrokerNode node = nodes.get(id);
        node.prepare(clusterId); // formats only the first time: a restart keeps the log directory as it is
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                node.configFile().toString(), clusterId);
        try {
            Files.createDirectories(node.dataDir());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(id).toFile())).start();
            processes.put(id, p);
            LOG.info("Kafka broker {} starting at {} (pid {}, log {})", id, node.bootstrapServer(), p.pid(), log(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka broker " + id, e);
        }
    }

    private static void waitForExit(Process p, int id) {
        waitForExit(p, id, Duration.ofSeconds(60));
    }

    private static void waitForExit(Process p, int id, Duration timeout) {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Kafka broker {} did not stop within {} s: killing it", id, timeout.toSeconds());
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /**
     * Stops every broker: SIGTERM to all at once, then SIGKILL to any still running after 20 s (the last brokers
     * of a stopping cluster can wait for a controller quorum that is already gone).
     */
    @Override
    public synchronized void close() {
        Map<Integer, Process> running = new TreeMap<>(processes);
        processes.clear();
        running.values().forEach(Process::destroy);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        running.forEach((id, p) -> waitForExit(p, id, Duration.ofNanos(Math.max(0, end - System.nanoTime()))));
        LOG.info("Kafka cluster at {} stopped", bootstrapServers());
    }
}
