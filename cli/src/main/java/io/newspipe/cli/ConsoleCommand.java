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

    @Mixin
    ConsoleOptions console = new ConsoleOptions();

    @Override
    public Integer call() throws Exception {
        StopSignal signal = StopSignal.install("newspipe-console-stop", () -> { });
        try (ConsoleServer server = start(connection, database, console, Duration.ofSeconds(2), System.out)) {
            System.out.println("Ctrl-C stops.");
            signal.await();
            return 0;
        } finally {
            signal.finished();
        }
    }

    /** Starts a console over these connections as {@code options} say and prints its URL and token on {@code out}. */
    public static ConsoleServer start(ConnectionOptions c, DatabaseOptions db, ConsoleOptions options,
                                      Duration sampleInterval, java.io.PrintStream out) {
        String token = options.value(ConsoleOptions.TOKEN);
        String t = token == null || token.isBlank() ? randomToken() : token;
        boolean actions = !Boolean.FALSE.equals(options.value(ConsoleOptions.ACTIONS));
        Map<String, Object> kafka = new LinkedHashMap<>(c.extraClientConfig());
        kafka.put("bootstrap.servers", c.bootstrapServers());
        ConsoleSettings settings = new ConsoleSettings(options.value(ConsoleOptions.HOST), options.port(), kafka,
                c.schemaRegistryUrl(), new ConsoleSettings.Topics(c.rawTopic(), c.enrichedTopic(), c.dlqTopic()),
                options.value(EnrichOptions.APPLICATION_ID), options.value(SinkOptions.GROUP_ID),
                new Database(db.jdbcUrl(), db.jdbcUser(), db.jdbcPassword()),
                options.map(ConsoleOptions.STAGE_ENDPOINTS), t, actions, sampleInterval);
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
            List<String> args = new ArrayList<>(List.of(ConnectionOptions.BOOTSTRAP_SERVERS.name(),
                    c.bootstrapServers(), ConnectionOptions.SCHEMA_REGISTRY_URL.name(), c.schemaRegistryUrl(),
                    ConnectionOptions.RAW_TOPIC.name(), c.rawTopic(), ConnectionOptions.ENRICHED_TOPIC.name(),
                    c.enrichedTopic(), ConnectionOptions.DLQ_TOPIC.name(), c.dlqTopic(), "--stage", stage,
                    "--reason", reason));
            if (c.clientConfig() != null) {
                args.addAll(List.of(ConnectionOptions.CLIENT_CONFIG.name(), c.clientConfig().toString()));
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
