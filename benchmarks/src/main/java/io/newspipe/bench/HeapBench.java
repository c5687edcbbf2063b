package io.newspipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.RawArticle;
import io.newspipe.cli.ConnectionOptions;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.common.Deadline;
import io.newspipe.localstack.ArticleGenerator;
import io.newspipe.localstack.LocalStack;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe bench heap}: the peak heap of each stage. The local stack runs in this process; ingest, enrich and
 * sink each run as the {@code newspipe} command in a JVM of their own (same {@code -Xmx}, G1) over the same
 * articles, one after the other, and the peak is read from that JVM's GC log: the largest heap occupancy before a
 * collection, or at exit when that is larger. Heap only: metaspace, thread stacks and direct buffers are not in it.
 */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Peak heap of ingest, enrich and sink, each run as its own JVM over the same articles.")
final class HeapBench extends BenchmarkCommand {

    /** "24M->3M(256M)" in a GC pause line, and the heap summary G1 prints at exit. */
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");
    private static final Pattern AFTER = Pattern.compile("\\d+[KMG]->(\\d+)([KMG])\\(\\d+[KMG]\\)");
    private static final Pattern AT_EXIT = Pattern.compile("garbage-first heap\\s+total (?:reserved )?\\d+K, "
            + "(?:committed \\d+K, )?used (\\d+)K");

    private static final Setting<String> XMX = Setting.text("--xmx", null, "512m",
            "-Xmx of each stage's JVM, the ceiling the peak is measured under");

    @Mixin
    SettingGroup options = SettingGroup.of(BenchOptions.RECORDS, XMX);

    @Mixin
    BenchArticles articles = new BenchArticles();

    @Override
    public ObjectNode measure() throws Exception {
        int records = options.value(BenchOptions.RECORDS);
        ObjectNode figures = new ObjectMapper().createObjectNode();
        figures.put("records", records);
        figures.put("xmx", options.value(XMX));
        try (LocalStack stack = LocalStack.startTemporary()) {
            ConnectionOptions c = new ConnectionOptions();
            c.pointAt(stack.bootstrapServers(), stack.schemaRegistryUrl(), "heap.raw", "heap.enriched", "heap.dlq");
            stack.createTopics(2, c.rawTopic(), c.enrichedTopic(), c.dlqTopic());
            Path work = stack.workDir();
            Path file = work.resolve("heap-articles.jsonl");
            long bytes = write(file, articles.generator(7), records);
            figures.put("avg_article_bytes", bytes / records);
            List<String> connection = List.of("--bootstrap-servers", c.bootstrapServers(), "--schema-registry-url",
                    c.schemaRegistryUrl(), "--raw-topic", c.rawTopic(), "--enriched-topic", c.enrichedTopic(),
                    "--dlq-topic", c.dlqTopic());

            List<String> ingest = new ArrayList<>(List.of("ingest"));
            ingest.addAll(connection);
            ingest.add(file.toString());
            Stage in = run("ingest", ingest, work, null);

            List<String> enrich = new ArrayList<>(List.of("enrich", "--application-id", "heap-enrich",
                    "--state-dir", work.resolve("heap-streams").toString(), "--metrics-port", "0"));
            enrich.addAll(connection);
            Stage en;
            try (CommittedCounter enriched = new CommittedCounter(stack.bootstrapServers(), c.enrichedTopic())) {
                en = run("enrich", enrich, work, () -> enriched.reached(records));
            }

            List<String> sink = new ArrayList<>(List.of("sink", "--group-id", "heap-sink", "--metrics-port", "0",
                    "--jdbc-url", stack.jdbcUrl(), "--jdbc-user", stack.jdbcUser(),
                    "--jdbc-password", stack.jdbcPassword()));
            sink.addAll(connection);
            Stage si = run("sink", sink, work, () -> rows(stack) >= records);

            for (Stage s : List.of(in, en, si)) {
                figures.put(s.name + "_peak_heap_mib", s.peakHeapMiB);
                figures.put(s.name + "_seconds", Math.round(s.seconds * 10) / 10.0);
            }
        }
        return figures;
    }

    private record Stage(String name, long peakHeapMiB, double seconds) {
    }

    /**
     * Runs {@code newspipe <args>} in a JVM of its own. With {@code done} null the stage ends by itself; otherwise it
     * is stopped with SIGTERM (its clean shutdown) once {@code done} holds.
     */
    private Stage run(String name, List<String> args, Path work, BooleanSupplier done) throws Exception {
        System.err.println("bench: heap of " + name + " ...");
        long t0 = System.nanoTime();
        String xmx = options.value(XMX);
        try (StageJvm stage = StageJvm.start("heap", name, args, work, xmx)) {
            if (done != null) {
                Deadline.await(name + " to finish " + options.value(BenchOptions.RECORDS) + " articles (log: "
                                + stage.log + ")",
                        Duration.ofMinutes(20), Duration.ofMillis(200), () -> {
                            stage.checkRunning();
                            return done.getAsBoolean();
                        });
                stage.stop(Duration.ofMinutes(20));
            } else if (stage.awaitExit(Duration.ofMinutes(20)) != 0) {
                throw new IllegalStateException(name + " failed; see " + stage.log);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = stage.peakHeapMiB();
            System.err.printf(Locale.ROOT, "bench: %s peak heap %d MiB (-Xmx%s), %.1f s%n", name, peak, xmx, seconds);
            return new Stage(name, peak, seconds);
        }
    }

    /** The largest heap occupancy the GC log shows: before any collection, or at exit. */
    static long peakHeapMiB(List<String> gcLog) {
        long peakKiB = -1;
        for (String line : gcLog) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                peakKiB = Math.max(peakKiB, kib(m.group(1), m.group(2)));
            }
            Matcher e = AT_EXIT.matcher(line);
            if (e.find()) {
                peakKiB = Math.max(peakKiB, Long.parseLong(e.group(1)));
            }
        }
        if (peakKiB < 0) {
            throw new IllegalStateException("no heap figures in the GC log (no collection and no exit summary)");
        }
        return (peakKiB + 1023) >> 10;
    }

    /** The largest heap occupancy right after a collection ("24M->3M(256M)": 3M): what the JVM kept live. */
    static long liveHeapMiB(List<String> gcLog) {
        long liveKiB = 0;
        for (String line : gcLog) {
            Matcher m = AFTER.matcher(line);
            if (m.find()) {
                liveKiB = Math.max(liveKiB, kib(m.group(1), m.group(2)));
            }
        }
        return (liveKiB + 1023) >> 10;
    }

    private static long kib(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v;
            case "M" -> v << 10;
            default -> v << 20;
        };
    }

    private static long write(Path file, ArticleGenerator generator, int n) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long bytes = 0;
        Instant t0 = Instant.parse("2025-06-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                RawArticle a = BenchArticles.raw(generator.next(i), t0.plusSeconds(30L * i));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("url", "https://heap.newspipe.test/berita/" + i);
                line.put("source", "heap.test");
                line.put("title", a.getTitle());
                line.put("published_at", a.getPublishedAt().toString());
                line.put("body", a.getBody());
                String json = mapper.writeValueAsString(line);
                bytes += json.length();
                w.write(json);
                w.write('\n');
            }
        }
        return bytes;
    }

    private static long rows(LocalStack stack) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM articles")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // not migrated yet
        }
    }
}
