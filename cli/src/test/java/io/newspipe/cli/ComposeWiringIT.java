package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.common.Deadline;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.TextArticleReader;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml proven wired, without Docker: each of our services runs as a real process
 * ({@code java -cp <test class path> io.newspipe.cli.Main <its compose command>}) with its compose environment
 * exactly as written (on top of the Dockerfile's {@code ENV}), except what only exists inside the compose network
 * or a container, which is mapped onto the local stack: the host names kafka, schema-registry and postgres, the
 * database settings (the local PostgreSQL is user postgres, no password, database postgres — after checking the
 * sink's match the postgres service's), the bind-mounted ./feeds folder, the per-container metrics port and state
 * folders. topic-init runs first and must exit 0; then an article from ./feeds and one dropped into the watched
 * folder later must arrive in PostgreSQL. A wrong variable name, host, port or topic in the compose file fails here.
 */
@ExtendWith(LocalStackExtension.class)
class ComposeWiringIT {

    private static final Path SAMPLE = Path.of("../samples/klikanggaran-trump-putin.txt");
    private static final List<String> STAGES = List.of("sink", "enrich", "ingest");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ComposeFile compose = ComposeFile.read(ComposeFile.DEFAULT);
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final Map<String, Path> logs = new LinkedHashMap<>();
    private final Map<String, Integer> metricsPorts = new LinkedHashMap<>();

    @Test
    void shouldCarryFeedsArticlesToPostgresWithTheComposeConfiguration(LocalStack stack, @TempDir Path tmp)
            throws Exception {
        Path feeds = compose.bindMounts("ingest").get("/feeds");
        Path feedsCopy = tmp.resolve("feeds");
        copyTree(feeds, feedsCopy); // what `docker compose up` would mount from this checkout
        Map<String, Path> mounts = Map.of("/feeds", feedsCopy);

        Process init = start("topic-init", stack, tmp, mounts);
        assertThat(init.waitFor(120, TimeUnit.SECONDS)).as("topic-init finished\n%s", log("topic-init")).isTrue();
        assertThat(init.exitValue()).as("topic-init exit code\n%s", log("topic-init")).isZero();
        Map<String, String> initEnv = compose.environment("topic-init");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains(initEnv.get("NEWSPIPE_TOPIC_RAW"), initEnv.get("NEWSPIPE_TOPIC_ENRICHED"),
                    initEnv.get("NEWSPIPE_TOPIC_DLQ"));
        }

        for (String stage : STAGES) {
            start(stage, stack, tmp, mounts);
        }
        // rows are found by title: ids are the ingest stage's business, and other tests share the database
        List<String> titles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(feeds.resolve("articles"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt")).toList()) {
                titles.add(titleOf(f));
            }
        }
        assertThat(titles).as("sample articles in %s", feeds).isNotEmpty().doesNotContainNull();
        // and one dropped into the watched folder while ingest runs (written under a hidden name, then renamed)
        List<String> command = compose.command("ingest");
        Path watched = mapped(command.get(command.size() - 1), mounts);
        String dropped = "Compose wiring " + java.util.UUID.randomUUID();
        Path hidden = watched.resolve(".incoming.txt");
        Files.writeString(hidden, "Title: " + dropped + "\nLanguage: id\n\n"
                + Files.readString(SAMPLE, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Files.move(hidden, watched.resolve("compose-wiring.txt"), StandardCopyOption.ATOMIC_MOVE);
        titles.add(dropped);

        Deadline.await(titles.size() + " articles in PostgreSQL (logs in " + logDir() + ")", Duration.ofSeconds(180),
                Duration.ofMillis(250), () -> {
                    assertAllRunning();
                    return countRows(stack, titles) == titles.size();
                });
        assertThat(column(stack, dropped, "dateline_outlet")).isEqualTo("KLIKANGGARAN");

        for (Map.Entry<String, Integer> m : metricsPorts.entrySet()) {
            // what the image's HEALTHCHECK (newspipe-healthcheck) asks
            Deadline.await(m.getKey() + " ready on /health/ready", Duration.ofSeconds(30), Duration.ofMillis(250),
                    () -> status("http://127.0.0.1:" + m.getValue() + "/health/ready") == 200);
        }

        for (String stage : List.of("ingest", "enrich", "sink")) {
            Process p = running.remove(stage);
            p.destroy(); // SIGTERM, what `docker compose stop` sends
            assertThat(p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("%s stopped within %s of SIGTERM\n%s", stage, STOP_TIMEOUT, log(stage)).isTrue();
        }
    }

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Process p : running.values()) {
            p.destroy();
            if (!p.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        running.clear();
    }

    /** Starts {@code newspipe <command>} of the service with its compose environment, mapped onto the stack. */
    private Process start(String service, LocalStack stack, Path tmp, Map<String, Path> mounts) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(ComposeFile.dockerfileEnv(ComposeFile.DOCKERFILE));
        env.putAll(compose.environment(service));
        env.replaceAll((k, v) -> onLocalStack(k, v, stack));
        // per-container resources: every container has its own port 9400 and its own folders
        if (ComposeFileTest.envVariablesOf(compose.command(service)).contains("NEWSPIPE_METRICS_PORT")) {
            int port = freePort();
            env.put("NEWSPIPE_METRICS_PORT", Integer.toString(port));
            metricsPorts.put(service, port);
        }
        for (String folder : List.of("NEWSPIPE_ENRICH_STATE_DIR", "NEWSPIPE_INGEST_STATE_DIR")) {
            if (env.containsKey(folder)) {
                env.put(folder, Files.createDirectories(tmp.resolve(service + env.get(folder))).toString());
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : env.getOrDefault("NEWSPIPE_JAVA_OPTS", "").split("\\s+")) {
            if (!opt.isBlank()) {
                command.add(opt);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        for (String arg : compose.command(service)) {
            command.add(arg.startsWith("/") ? mapped(arg, mounts).toString() : arg);
        }
        Path log = Files.createDirectories(logDir()).resolve(service + ".log");
        logs.put(service, log);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> inherited = pb.environment();
        Map<String, String> base = new LinkedHashMap<>();
        for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            if (inherited.containsKey(keep)) {
                base.put(keep, inherited.get(keep));
            }
        }
        inherited.clear(); // a container has nothing else: no NEWSPIPE_* of this machine leaks in
        inherited.putAll(base);
        inherited.putAll(env);
        Process p = pb.start();
        running.put(service, p);
        return p;
    }

    /** A value as written in the compose file, with what exists only inside the compose network mapped. */
    private static String onLocalStack(String name, String value, LocalStack stack) {
        switch (name) {
            case "NEWSPIPE_JDBC_URL":
                // ComposeFileTest checks it names the postgres service's database
                assertThat(value).startsWith("jdbc:postgresql://postgres:5432/");
                return stack.jdbcUrl();
            case "NEWSPIPE_JDBC_USER":
                return stack.jdbcUser();
            case "NEWSPIPE_JDBC_PASSWORD":
                return stack.jdbcPassword();
            default:
                return value.replace("http://schema-registry:8081", stack.schemaRegistryUrl())
                        .replace("kafka:9092", stack.bootstrapServers());
        }
    }

    private static Path mapped(String arg, Map<String, Path> mounts) {
        for (Map.Entry<String, Path> m : mounts.entrySet()) {
            if (arg.equals(m.getKey()) || arg.startsWith(m.getKey() + "/")) {
                return m.getValue().resolve(arg.substring(m.getKey().length()).replaceFirst("^/", ""));
            }
        }
        return Path.of(arg);
    }

    private void assertAllRunning() {
        running.forEach((service, p) -> {
            if (!p.isAlive() && STAGES.contains(service)) {
                throw new AssertionError(service + " exited with " + p.exitValue() + "\n" + log(service));
            }
        });
    }

    /** The article's {@code Title:} header. */
    private static String titleOf(Path file) {
        try {
            return new TextArticleReader(IngestSettings.DEFAULT_MAX_ARTICLE_BYTES)
                    .read(Files.readAllBytes(file), file.toString()).title();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.newspipe.ingest.BadInputException e) {
            throw new IllegalStateException(file + " is not a readable article: " + e.getMessage(), e);
        }
    }

    private static int countRows(LocalStack stack, List<String> titles) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(DISTINCT title) FROM articles WHERE title = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", titles.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return -1; // the sink has not created the table yet
        }
    }

    private static String column(LocalStack stack, String title, String column) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM articles WHERE title = ?")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A port free on every interface (the stages bind 0.0.0.0), below the ephemeral range like the stack's. */
    private static int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 30_000);
            try (java.net.ServerSocket s = new java.net.ServerSocket(port)) {
                return s.getLocalPort();
            } catch (IOException busy) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 30000");
    }

    private static Path logDir() {
        return Path.of("target", "compose-wiring");
    }

    /** The last lines of a service's output, for failure messages. */
    private String log(String service) {
        try {
            List<String> lines = Files.readAllLines(logs.get(service), StandardCharsets.UTF_8);
            return "--- " + service + " (last lines of " + logs.get(service) + ")\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "--- " + service + ": no log (" + e + ")";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
