package io.newspipe.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports, chosen below the kernel's ephemeral range: a port taken from that range with {@code new
 * ServerSocket(0)} can be grabbed by any outgoing connection (Kafka opens many) before the server that was meant to
 * have it binds it, which makes start-up fail at random.
 */
final class Ports {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port that was free on 127.0.0.1 a moment ago, outside the ephemeral range, never handed out twice. */
    static int free() {
        int low = 20000;
        int high = Math.max(low + 1000, ephemeralLow() - 1);
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(low, high);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException busy) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free loopback port between " + low + " and " + high);
    }

    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768; // Linux default; elsewhere a safe guess
        }
    }
}
