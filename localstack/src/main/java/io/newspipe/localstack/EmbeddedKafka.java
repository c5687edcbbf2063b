package io.newspipe.localstack;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running inside this JVM, bound to
 * 127.0.0.1 only. Configured for exactly-once Streams on one node (replication factors and min ISR 1). It can be
 * stopped and started again on the same log directory and ports (for restart tests).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId;
    private KafkaRaftServer server;

    public EmbeddedKafka(Path dataDir) {
        this(dataDir, Ports.free(), Ports.free());
    }

    public EmbeddedKafka(Path dataDir, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.clusterId = Uuid.randomUuid().toString();
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        long t0 = System.nanoTime();
        Properties props = node().prepare(clusterId);
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        s.startup();
        server = s;
        LOG.info("Kafka broker up at {} in {} ms (data in {})", bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000, dataDir);
        return this;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker; {@link #start()} brings it back on the same directory and ports. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    Properties properties() {
        return node().properties();
    }

    private BrokerNode node() {
        return new BrokerNode(1, "1@127.0.0.1:" + controllerPort, brokerPort, controllerPort, dataDir, 1);
    }
}
