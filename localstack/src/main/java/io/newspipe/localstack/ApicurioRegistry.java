package io.newspipe.localstack;

import io.newspipe.common.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry 3 process (in-memory storage, global compatibility FULL_TRANSITIVE, the contracts' policy) on free loopback ports. Its
 * Confluent-compatible API is at {@link #confluentUrl()}. Needs a JDK ≥ 21, found by {@link JavaHomes}; the app
 * itself is unpacked by the localstack module's build (or pointed to with {@code NEWSPIPE_APICURIO_HOME}).
 */
public final class ApicurioRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);
    public static final String HOME_ENV = "NEWSPIPE_APICURIO_HOME";
    static final int MIN_JAVA = 21;

    private final Path logFile;
    private final int port = Ports.free();
    private final int managementPort = Ports.free();
    private Process process;

    public ApicurioRegistry(Path workDir) {
        this.logFile = workDir.resolve("apicurio.log");
    }

    /** Base URL of the Confluent-compatible API, for {@code schema.registry.url}. */
    public String confluentUrl() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    /** Starts the process without waiting for it to be ready; see {@link #awaitReady(Duration)}. */
    public synchronized ApicurioRegistry startAsync() {
        if (process != null) {
            return this;
        }
        Path home = home();
        Path java = JavaHomes.findJava(MIN_JAVA).orElseThrow(() -> new IllegalStateException(
                "Apicurio Registry needs Java " + MIN_JAVA + " or newer, and none was found (looked at $"
                        + JavaHomes.ENV_OVERRIDE + ", $JAVA_HOME, this JVM and /usr/lib/jvm, /opt, ~/.sdkman). "
                        + "Install one (e.g. Temurin 21 or 25: apt-get install temurin-21-jdk, or sdk install java "
                        + "21-tem) or point " + JavaHomes.ENV_OVERRIDE + " at it."));
        List<String> cmd = new ArrayList<>(List.of(java.toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1",
                "-Dapicurio.rules.global.compatibility=FULL_TRANSITIVE",
                "-Dquarkus.log.level=WARN",
                "-jar", home.resolve("quarkus-run.jar").toString()));
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Apicurio Registry with " + java, e);
        }
        LOG.info("Apicurio Registry starting with {} on 127.0.0.1:{} (log {})", java, port, logFile);
        return this;
    }

    /** Waits until the registry answers ready; fails with the tail of its log if it dies or is too slow. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long t0 = System.nanoTime();
        try {
            Deadline.await("Apicurio Registry to be ready on port " + port, timeout, Duration.ofMillis(200), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Apicurio Registry exited with code " + process.exitValue()
                            + "; last lines of " + logFile + ":\n" + tail());
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.discarding());
                    return r.statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + tail(), e);
        }
        LOG.info("Apicurio Registry ready at {} after {} ms", confluentUrl(), (System.nanoTime() - t0) / 1_000_000);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        LOG.info("Apicurio Registry stopped");
    }

    /** Where the unpacked app lives: $NEWSPIPE_APICURIO_HOME, else the path the localstack build recorded. */
    static Path home() {
        String env = System.getenv(HOME_ENV);
        Path home;
        if (env != null && !env.isBlank()) {
            home = Path.of(env);
        } else {
            Properties p = new Properties();
            try (InputStream in = ApicurioRegistry.class.getResourceAsStream("/newspipe-localstack.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            home = Path.of(p.getProperty("apicurio.home", "apicurio-registry"));
        }
        if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("Apicurio Registry is not unpacked at " + home + ": build the project "
                    + "once (mvn -DskipTests install, or ./newspipe does it) or set " + HOME_ENV
                    + " to an unpacked io.apicurio:apicurio-registry-app:tar.gz:all");
        }
        return home;
    }
}
