package io.newspipe.cli;

import io.newspipe.console.ConsoleServer;
import io.newspipe.console.ConsoleSettings;
import io.newspipe.console.Database;
import io.newspipe.console.Redriver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newspipe console}: the live web console over a running pipeline (Kafka, the registry, PostgreSQL and,
 * when given, the stages' HTTP endpoints). Re-drive goes through {@code newspipe dlq redrive} itself.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serve the live web console: the flow with its rates, lag, dead letters and stage health; the "
                + "articles with full-text search; each article with its removed spans struck through; topics; "
                + "rules; dead letters with re-drive.",
                "Binds 127.0.0.1 unless --host says otherwise. Re-drive needs the token printed at start "
                        + "(or --token); --read-only turns it off."})
public final class ConsoleCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--host", defaultValue = "${env:NEWSPIPE_CONSOLE_HOST:-" + ConsoleSettings.DEFAULT_HOST + "}",
            description = "Address to bind (env NEWSPIPE_CONSOLE_HOST; default ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "${env:NEWSPIPE_CONSOLE_PORT:-8090}",
            description = "Port (env NEWSPIPE_CONSOLE_PORT; default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--token", defaultValue = "${env:NEWSPIPE_CONSOLE_TOKEN}",
            description = "Token re-drive requests must carry, at least 16 characters (env NEWSPIPE_CONSOLE_TOKEN; "
                    + "default: a random one, printed at start).")
    String token;

    @Option(names = "--actions", negatable = true, defaultValue = "${env:NEWSPIPE_CONSOLE_ACTIONS:-true}",
            fallbackValue = "true", description = "Offer re-drive (env NEWSPIPE_CONSOLE_ACTIONS; default "
            + "${DEFAULT-VALUE}); --no-actions makes the console read-only.")
    boolean actions;

    @Option(names = "--stage-endpoint", split = ",", paramLabel = "STAGE=URL",
            defaultValue = "${env:NEWSPIPE_CONSOLE_STAGE_ENDPOINTS}",
            description = "A stage's metrics/health endpoint, e.g. enrich=http://enrich:9400 (repeat or "
                    + "comma-separate; env NEWSPIPE_CONSOLE_STAGE_ENDPOINTS). Without one a stage's health comes "
                    + "from its consumer group.")
    Map<String, String> stageEndpoints = new LinkedHashMap<>();

    @Option(names = "--application-id", defaultValue = "${env:NEWSPIPE_ENRICH_APPLICATION_ID:-"
            + Stages.DEFAULT_APPLICATION_ID + "}",
            description = "enrich's application id, whose lag is shown (env NEWSPIPE_ENRICH_APPLICATION_ID; "
                    + "default ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--group-id", defaultValue = "${env:NEWSPIPE_SINK_GROUP_ID:-" + Stages.DEFAULT_SINK_GROUP + "}",
            description = "The sink's consumer group, whose lag is shown (env NEWSPIPE_SINK_GROUP_ID; default "
                    + "${DEFAULT-VALUE}).")
    String sinkGroup;

    @Override
    public Integer call() throws Exception {
        StopSignal signal = StopSignal.install("newspipe-console-stop", () -> { });
        try (ConsoleServer server = start(connection, database, host, port, token, actions, stageEndpoints,
                applicationId, sinkGroup, Duration.ofSeconds(2), System.out)) {
            System.out.println("Ctrl-C stops.");
            signal.await();
            return 0;
        } finally {
            signal.finished();
        }
    }

    /** Starts a console over these connections and prints its URL and token on {@code out}. */
    public static ConsoleServer start(ConnectionOptions c, DatabaseOptions db, String host, int port, String token,
                               boolean actions, Map<String, String> stageEndpoints, String enrichGroup,
                               String sinkGroup, Duration sampleInterval, java.io.PrintStream out) {
        String t = token == null || token.isBlank() ? randomToken() : token;
        Map<String, Object> kafka = new LinkedHashMap<>(c.extraClientConfig());
        kafka.put("bootstrap.servers", c.bootstrapServers);
        ConsoleSettings settings = new ConsoleSettings(host, port, kafka, c.schemaRegistryUrl,
                new ConsoleSettings.Topics(c.rawTopic, c.enrichedTopic, c.dlqTopic), enrichGroup, sinkGroup,
                new Database(db.jdbcUrl, db.jdbcUser, db.jdbcPassword), stageEndpoints, t, actions, sampleInterval);
        ConsoleServer server = ConsoleServer.start(settings, redriver(c));
        out.println("console: " + server.url());
        out.println(actions ? "  re-drive token: " + t : "  read-only: re-drive is disabled");
        return server;
    }

    static String randomToken() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Re-drive as {@code newspipe dlq redrive --stage S --reason R [--dry-run]} with these connections. */
    static Redriver redriver(ConnectionOptions c) {
        return (stage, reason, dryRun) -> {
            List<String> args = new ArrayList<>(List.of("--bootstrap-servers", c.bootstrapServers,
                    "--schema-registry-url", c.schemaRegistryUrl, "--raw-topic", c.rawTopic, "--enriched-topic",
                    c.enrichedTopic, "--dlq-topic", c.dlqTopic, "--stage", stage, "--reason", reason));
            if (c.clientConfig != null) {
                args.addAll(List.of("--client-config", c.clientConfig.toString()));
            }
            if (dryRun) {
                args.add("--dry-run");
            }
            StringWriter text = new StringWriter();
            PrintWriter both = new PrintWriter(text, true);
            CommandLine cl = new CommandLine(new DlqRedriveCommand());
            cl.setOut(both);
            cl.setErr(both);
            int rc = cl.execute(args.toArray(String[]::new));
            both.flush();
            return new Redriver.Outcome(rc == 0, text.toString());
        };
    }
}
