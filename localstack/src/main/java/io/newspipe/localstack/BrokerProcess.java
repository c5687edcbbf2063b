package io.newspipe.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * The main class of one broker of a {@link KafkaCluster}, run in its own JVM so that it can be killed with SIGKILL
 * on its own: formats its log directory unless already formatted, starts the KRaft node described by a
 * {@code server.properties} file, and runs until SIGTERM (a controlled shutdown, as {@code kafka-server-stop.sh}
 * gives) or SIGKILL. It also stops when its standard input ends, which happens when the process that started it
 * dies, however it dies: no broker outlives its test run.
 *
 * <p>Usage: {@code java -cp CLASSPATH io.newspipe.localstack.BrokerProcess SERVER_PROPERTIES CLUSTER_ID}
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BrokerProcess SERVER_PROPERTIES CLUSTER_ID");
            System.exit(2);
        }
        Path configFile = Path.of(args[0]);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        BrokerNode.format(configFile, args[1]);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "broker-shutdown"));
        Thread orphanWatch = new Thread(() -> {
            awaitEndOf(System.in);
            System.exit(0); // runs the shutdown hook
        }, "broker-parent-watch");
        orphanWatch.setDaemon(true);
        orphanWatch.start();
        server.startup();
        System.out.println("broker " + props.getProperty("node.id") + " started");
        server.awaitShutdown();
    }

    private static void awaitEndOf(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes: anything read is ignored
            }
        } catch (IOException closed) {
            // the same as the end of the stream
        }
    }
}
