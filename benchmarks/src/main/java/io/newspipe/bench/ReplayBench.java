package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.common.Deadline;
import io.newspipe.localstack.LocalStack;
import io.newspipe.sink.SearchIndexer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe bench replay}: a backfill end to end. A generated archive (gzip JSON Lines, one file per outlet
 * and month, in crawl order) is replayed with {@code newspipe ingest --replay} while {@code newspipe enrich} and
 * {@code newspipe sink} run, each stage in a JVM of its own, against the local stack in this process. It measures
 * the articles/s from the replay's start to the last row in PostgreSQL (and to the last search document), each
 * part's share of the CPU, the replay's heap, the search indexer's lag over the run; then, on the same raw topic,
 * an exactly-once Kafka Streams passthrough, the limit any stage between two topics has here.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a generated archive end to end (ingest --replay -> enrich -> sink) on the local stack.")
final class ReplayBench extends BenchmarkCommand {

    static final int QUICK_ARTICLES = 20_000;

    private static final Setting<Integer> ARTICLES = BenchOptions.RECORDS.named("--articles").withDefault("1000000")
            .withDoc("Articles in the archive");
    private static final Setting<Integer> OUTLETS = Setting.number("--outlets", null, "6",
            "Outlets, each with its own style, 1-6").withRule(o -> o >= 1 && o <= 6, "must be 1 to 6");
    private static final Setting<Integer> MONTHS = Setting.number("--months", null, "6",
            "Months the publication times spread over").withRule(Setting.atLeast(1), "must be at least 1");
    private static final Setting<String> REPLAY_XMX = Setting.text("--replay-xmx", null, "256m",
            "-Xmx of the replay's JVM, which runs with the default --memory-budget: the replay must fit in it");
    private static final Setting<String> STAGE_XMX = Setting.text("--stage-xmx", null, "1g",
            "-Xmx of the enrich and sink JVMs");

    @Mixin
    SettingGroup options = SettingGroup.of(ARTICLES, BenchOptions.QUICK.withDoc("A smaller archive ("
            + QUICK_ARTICLES + " articles) for a first look"), OUTLETS, MONTHS, BenchOptions.PARTITIONS, REPLAY_XMX,
            STAGE_XMX);

    @Mixin
    BenchArticles articles = new BenchArticles();

    @Override
    public ObjectNode measure() throws Exception {
        int n = options.isOn(BenchOptions.QUICK) ? QUICK_ARTICLES : options.value(ARTICLES);
        int outlets = options.value(OUTLETS);
        int months = options.value(MONTHS);
        int partitions = options.value(BenchOptions.PARTITIONS);
        int cores = Runtime.getRuntime().availableProcessors();
        ObjectNode figures = JsonNodeFactory.instance.objectNode();
        figures.put("articles", n);
        figures.put("outlets", outlets);
        figures.put("months", months);
        figures.put("partitions", partitions);
        figures.put("cores", cores);
        figures.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (LocalStack stack = LocalStack.startTemporary()) {
            Path work = stack.workDir();
            progress("generating an archive of " + n + " articles ...");
            long g0 = System.nanoTime();
            ArchiveGenerator.Summary archive = new ArchiveGenerator(articles.generator(11), 11, outlets, months)
                    .write(work.resolve("archive"), n);
            figures.put("archive_files", archive.files());
            figures.put("archive_gzip_mib", round1(archive.gzipBytes() / 1048576.0));
            figures.put("avg_article_json_bytes", archive.jsonBytes() / n);
            figures.put("generate_seconds", round1((System.nanoTime() - g0) / 1e9));
            progress(String.format(Locale.ROOT, "archive: %d files, %.1f MiB gzip", archive.files(),
                    archive.gzipBytes() / 1048576.0));

            Topics topics = new Topics("replay.raw", "replay.enriched", "replay.dlq");
            stack.createTopics(partitions, topics.raw, topics.enriched, topics.dlq, "replay.passthrough");
            Run run = pipeline(stack, topics, work, n);
            run.report(figures, n, cores);
            progress(String.format(Locale.ROOT, "end to end %.0f articles/s; passthrough next ...",
                    n / run.sinkDone));

            double passthrough = EosPassthrough.recordsPerSecond(stack, topics.raw, "replay.passthrough",
                    work.resolve("replay-passthrough"), n, 100, 1);
            figures.put("passthrough_eos_records_per_s", Math.round(passthrough));
            figures.put("end_to_end_vs_passthrough_ratio", Math.round(n / run.sinkDone / passthrough * 1000) / 1000.0);
        }
        return figures;
    }

    private record Topics(String raw, String enriched, String dlq) {
        List<String> options(LocalStack stack) {
            return List.of("--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url",
                    stack.schemaRegistryUrl(), "--raw-topic", raw, "--enriched-topic", enriched, "--dlq-topic", dlq);
        }
    }

    /** Runs the three stages until every article is searchable; returns what was measured. */
    private Run pipeline(LocalStack stack, Topics topics, Path work, int n) throws Exception {
        String stageXmx = options.value(STAGE_XMX);
        String replayXmx = options.value(REPLAY_XMX);
        List<String> enrichArgs = new ArrayList<>(List.of("enrich", "--application-id", "replay-enrich",
                "--state-dir", work.resolve("replay-streams").toString(), "--metrics-port", "0"));
        enrichArgs.addAll(topics.options(stack));
        List<String> sinkArgs = new ArrayList<>(List.of("sink", "--group-id", "replay-sink", "--metrics-port", "0",
                "--jdbc-url", stack.jdbcUrl(), "--jdbc-user", stack.jdbcUser(), "--jdbc-password",
                stack.jdbcPassword()));
        sinkArgs.addAll(topics.options(stack));
        List<String> replayArgs = new ArrayList<>(List.of("ingest", "--replay", "--work-dir",
                work.resolve("replay-work").toString()));
        replayArgs.addAll(topics.options(stack));
        replayArgs.add(work.resolve("archive").toString());

        Run run = new Run();
        try (StageJvm sink = StageJvm.start("replay", "sink", sinkArgs, work, stageXmx);
             StageJvm enrich = StageJvm.start("replay", "enrich", enrichArgs, work, stageXmx);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
             CommittedCounter enriched = new CommittedCounter(stack.bootstrapServers(), topics.enriched)) {
            progress("starting enrich and sink ...");
            Deadline.await("enrich and sink to join their groups (logs: " + enrich.log + ", " + sink.log + ")",
                    Duration.ofMinutes(3), Duration.ofMillis(200), () -> {
                        enrich.checkRunning();
                        sink.checkRunning();
                        return stable(admin, "replay-enrich") && stable(admin, "replay-sink");
                    });
            Cpu cpu = new Cpu(work.resolve("postgres"), enrich, sink);
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
                 StageJvm replay = StageJvm.start("replay", "replay", replayArgs, work, replayXmx)) {
                progress("replaying ...");
                cpu.replay = replay;
                long t0 = System.nanoTime();
                Deadline.await("every article of the archive to be searchable in PostgreSQL (logs: " + replay.log
                        + ", " + enrich.log + ", " + sink.log + ")", Duration.ofSeconds(900 + n / 20),
                        Duration.ofMillis(500), () -> {
                            try {
                                return run.step(t0, n, cpu, replay, enrich, sink, enriched, db);
                            } catch (SQLException | InterruptedException e) {
                                throw new IllegalStateException("while watching the replay: " + e, e);
                            }
                        });
                cpu.sample();
                run.cpu = cpu.seconds();
                run.replayPeakHeapMiB = replay.peakHeapMiB();
                run.replayLiveHeapMiB = replay.liveHeapMiB();
            }
            enrich.stop(Duration.ofMinutes(2));
            sink.stop(Duration.ofMinutes(2));
        }
        return run;
    }

    private static boolean stable(Admin admin, String group) {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(5, TimeUnit.SECONDS);
            return d.groupState() == GroupState.STABLE && !d.members().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** The CPU seconds of each part of the run, from the moment the replay starts. */
    private static final class Cpu {
        private final StageJvm enrich;
        private final StageJvm sink;
        private final ProcessHandle postgres;
        private final ProcessHandle registry = ProcessCpu.descendantRunning("quarkus-run.jar").orElse(null);
        private final Map<String, Double> start = new LinkedHashMap<>();
        private final Map<String, Double> last = new LinkedHashMap<>();
        StageJvm replay;

        Cpu(Path postgresData, StageJvm enrich, StageJvm sink) {
            this.postgres = ProcessCpu.postmaster(postgresData)
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server for " + postgresData));
            this.enrich = enrich;
            this.sink = sink;
            sample();
            start.putAll(last);
        }

        void sample() {
            last.put("replay", replay == null ? 0.0 : replay.cpu().toMillis() / 1000.0);
            last.put("enrich", enrich.cpu().toMillis() / 1000.0);
            last.put("sink", sink.cpu().toMillis() / 1000.0);
            last.put("postgres", ProcessCpu.treeSeconds(postgres));
            last.put("kafka_registry_bench", ProcessCpu.ownSeconds(ProcessHandle.current().pid())
                    + (registry == null ? 0.0 : ProcessCpu.treeSeconds(registry)));
        }

        Map<String, Double> seconds() {
            Map<String, Double> used = new LinkedHashMap<>();
            last.forEach((part, s) -> used.put(part, s - start.getOrDefault(part, 0.0)));
            return used;
        }
    }

    /** What one pipeline run measured; seconds are from the replay's start. */
    private static final class Run {
        double replayDone = -1;
        double enrichDone = -1;
        double sinkDone = -1;
        double searchable = -1;
        final List<Double> lagSamples = new ArrayList<>();
        Map<String, Double> cpu;
        long replayPeakHeapMiB;
        long replayLiveHeapMiB;

        /** One look at every stage; true once every article has its search document. */
        boolean step(long t0, int n, Cpu cpu, StageJvm replay, StageJvm enrich, StageJvm sink,
                     CommittedCounter enriched, Connection db) throws SQLException, InterruptedException {
            double now = (System.nanoTime() - t0) / 1e9;
            cpu.sample();
            enrich.checkRunning();
            sink.checkRunning();
            long queued;
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(SearchIndexer.LAG)) {
                rs.next();
                queued = rs.getLong(1);
                lagSamples.add(rs.getDouble(2));
            }
            if (replayDone < 0 && !replay.isAlive()) {
                if (replay.awaitExit(Duration.ZERO) != 0) {
                    throw new IllegalStateException("the replay failed; see " + replay.log);
                }
                replayDone = now;
                progress(String.format(Locale.ROOT, "replay done after %.1f s", now));
            }
            if (enrichDone < 0 && enriched.reached(n)) {
                enrichDone = (enriched.lastArrivalNanos() - t0) / 1e9;
                progress(String.format(Locale.ROOT, "enrich done after %.1f s", enrichDone));
            }
            if (enrichDone >= 0 && sinkDone < 0 && rows(db) >= n) {
                sinkDone = now;
                progress(String.format(Locale.ROOT, "sink done after %.1f s", now));
            }
            if (sinkDone >= 0 && queued == 0) {
                searchable = now;
                return true;
            }
            return false;
        }

        private static long rows(Connection db) throws SQLException {
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM articles")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        void report(ObjectNode figures, int n, int cores) {
            figures.put("replay_done_seconds", round1(replayDone));
            figures.put("enrich_done_seconds", round1(enrichDone));
            figures.put("sink_done_seconds", round1(sinkDone));
            figures.put("searchable_seconds", round1(searchable));
            figures.put("replay_articles_per_s", Math.round(n / replayDone));
            figures.put("end_to_end_articles_per_s", Math.round(n / sinkDone));
            figures.put("searchable_articles_per_s", Math.round(n / searchable));
            double[] lags = lagSamples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            figures.put("search_lag_p99_s", round1(lags[Math.max(0, (int) Math.ceil(0.99 * lags.length) - 1)]));
            figures.put("search_lag_max_s", round1(lags[lags.length - 1]));
            figures.put("replay_peak_heap_mib", replayPeakHeapMiB);
            figures.put("replay_heap_after_gc_max_mib", replayLiveHeapMiB);
            double total = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
            figures.put("cpu_seconds_total", round1(total));
            figures.put("cpu_busy_of_machine", Math.round(total / (searchable * cores) * 1000) / 1000.0);
            // what one core-minute of CPU buys, whatever else ran on the machine: the figure to plan a backfill with
            figures.put("articles_per_minute_per_core", Math.round(n / total * 60));
            cpu.forEach((part, s) -> figures.put("cpu_share_" + part, Math.round(s / total * 1000) / 1000.0));
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void progress(String line) {
        System.err.println("bench: " + line);
    }
}
