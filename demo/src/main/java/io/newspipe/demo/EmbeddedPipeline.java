package io.newspipe.demo;

import io.newspipe.cli.ConnectionOptions;
import io.newspipe.cli.ConsoleCommand;
import io.newspipe.cli.ConsoleOptions;
import io.newspipe.cli.DatabaseOptions;
import io.newspipe.cli.EnrichStageSettings;
import io.newspipe.cli.SinkStageSettings;
import io.newspipe.cli.Stages;
import io.newspipe.cli.TopicsCommand;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import io.newspipe.schemas.Topics;
import io.newspipe.sink.SinkApp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The embedded default: the local stack plus all three stages in this process. Used by {@code newspipe demo} and
 * {@code newspipe up}.
 */
final class EmbeddedPipeline implements AutoCloseable {

    private final PrintStream out;
    private final LocalStack stack;
    private final ConnectionOptions connection = new ConnectionOptions();
    private final DatabaseOptions database = new DatabaseOptions();
    private final EnrichApp enrich;
    private final SinkApp sink;
    private final Thread sinkThread;
    private final Ingestor ingestor;

    EmbeddedPipeline(PrintStream out, int partitions) throws IOException {
        this(out, partitions, 1);
    }

    /**
     * The stack with {@code brokers} Kafka brokers (one in this JVM, or a cluster of broker processes whose topics
     * have replication factor 3 and need 2 replicas in sync), topics of {@code partitions} partitions and the stages.
     */
    EmbeddedPipeline(PrintStream out, int partitions, int brokers) throws IOException {
        this.out = out;
        out.println(brokers == 1 ? "Starting the local stack (Kafka broker, Schema Registry, PostgreSQL) ..."
                : "Starting the local stack (" + brokers + " Kafka brokers, Schema Registry, PostgreSQL) ...");
        this.stack = LocalStack.startTemporary(brokers);
        out.printf("  up in %.1f s: kafka %s, registry %s, postgres %s%n", stack.startupMillis() / 1000.0,
                stack.bootstrapServers(), stack.schemaRegistryUrl(), stack.jdbcUrl());
        connection.pointAt(stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.RAW, Topics.ENRICHED,
                Topics.DLQ);
        database.pointAt(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
        TopicsCommand.Create.createAll(connection, partitions, stack.replicationFactor(),
                new PrintStream(OutputStream.nullOutputStream()));
        Path stateDir = Files.createDirectories(stack.workDir().resolve("streams"));
        this.enrich = Stages.enrichApp(connection, EnrichStageSettings.of(EnrichStageSettings.defaultApplicationId(),
                stateDir))
                .start();
        this.sink = Stages.sinkApp(connection, database, SinkStageSettings.defaults());
        this.sinkThread = new Thread(sink, "newspipe-sink");
        sinkThread.start();
        this.ingestor = Stages.ingestor(connection, io.newspipe.ingest.IngestSettings.DEFAULT_MAX_ARTICLE_BYTES);
    }

    LocalStack stack() {
        return stack;
    }

    /**
     * Starts the console over this pipeline on {@code port} (another free port when that one is taken), printing its
     * URL and re-drive token.
     */
    io.newspipe.console.ConsoleServer startConsole(int port) {
        try {
            return ConsoleCommand.start(connection, database, ConsoleOptions.local(port), Duration.ofSeconds(2), out);
        } catch (RuntimeException e) {
            if (port == 0) {
                throw e;
            }
            out.println("console: port " + port + " is taken (" + e.getMessage() + "); using a free one");
            return startConsole(0);
        }
    }

    Ingestor ingestor() {
        return ingestor;
    }

    /** Ingests the files and returns the ids published. */
    List<String> ingest(List<Path> files) {
        List<String> ids = new ArrayList<>();
        for (Path f : files) {
            String id = ingestor.ingestFile(f);
            if (id != null) {
                ids.add(id);
            }
        }
        ingestor.flush();
        return ids;
    }

    /** Waits until every id has a row in PostgreSQL. */
    void awaitRows(Collection<String> ids, Duration timeout) {
        Deadline.await(ids.size() + " article(s) in PostgreSQL", timeout, Duration.ofMillis(200),
                () -> countRows(ids) == ids.size());
    }

    private int countRows(Collection<String> ids) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM articles WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            return -1; // table not migrated yet
        }
    }

    /** Prints one line per article: id, title, lines removed, related headlines, topics. */
    void printTable(Collection<String> ids) throws SQLException {
        String sql = "SELECT id, title, jsonb_array_length(removed) AS removed, "
                + "jsonb_array_length(related_headlines) AS related, topics, dateline_outlet "
                + "FROM articles WHERE id = ANY (?) ORDER BY title";
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            out.printf("%n%-12s  %-48s  %7s  %7s  %-16s  %s%n", "id", "title", "removed", "related", "dateline",
                    "topics");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array topics = rs.getArray("topics");
                    out.printf("%-12s  %-48s  %7d  %7d  %-16s  %s%n", rs.getString("id").substring(0, 12),
                            abbreviate(rs.getString("title"), 48), rs.getInt("removed"), rs.getInt("related"),
                            abbreviate(rs.getString("dateline_outlet"), 16),
                            String.join(",", Arrays.asList((String[]) topics.getArray())));
                }
            }
        }
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "-";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    @Override
    public void close() {
        out.println("Stopping ...");
        ingestor.close();
        sink.close();
        try {
            sinkThread.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        enrich.close();
        stack.close();
    }

    /** The bundled sample articles: {@code samples/} under the working directory (or a given folder). */
    static List<Path> sampleFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no samples folder at " + dir.toAbsolutePath()
                    + ": run from the project root or pass --samples DIR");
        }
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }
}
