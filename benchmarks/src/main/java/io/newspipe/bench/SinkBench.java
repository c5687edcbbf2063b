package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.cli.SinkOptions;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
import io.newspipe.localstack.ArticleGenerator;
import io.newspipe.localstack.EmbeddedPostgresServer;
import io.newspipe.localstack.LocalStack;
import io.newspipe.common.Deadline;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newspipe.sink.ArticleTable;
import io.newspipe.sink.SearchIndexer;
import io.newspipe.sink.SinkApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe bench sink}: rows/s into a real PostgreSQL for the ways the sink could keep full-text search,
 * on the same rows and batch size, in the same run, each twice in alternating order: the search document indexed
 * inline (a GIN expression index on {@code articles}, as the sink once did), deferred to the sink's
 * {@link SearchIndexer} (the default: the sink's rows/s, and the rows/s until every row is searchable), no search
 * at all — and, for the last two, the write path before the set-based upsert ({@link RowByRowUpsert}: a row trigger
 * queueing for search, 29 parameters a row, the default TOAST target). Beside the rows/s, the CPU time per row of
 * the writing thread and of PostgreSQL (every backend, the indexer's included), which other load on the machine
 * moves far less than the rates.
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "PostgreSQL upsert rows/s: search indexed inline vs deferred to the search indexer vs none, "
                + "and the write path before the set-based upsert.")
final class SinkBench extends BenchmarkCommand {

    private static final String INLINE_INDEX = "CREATE INDEX bench_inline_fts_idx ON articles USING gin "
            + "(to_tsvector('simple', coalesce(title, '') || ' ' || body))";

    /** A way of writing with (or without) search; the BEFORE ones use the write path before the set-based upsert. */
    enum Design {
        INLINE("inline"), BEFORE_DEFERRED("before_deferred"), DEFERRED("deferred"), BEFORE_NONE("before_no_search"),
        NONE("no_search");

        final String key;

        Design(String key) {
            this.key = key;
        }

        boolean deferred() {
            return this == DEFERRED || this == BEFORE_DEFERRED;
        }

        boolean before() {
            return this == BEFORE_DEFERRED || this == BEFORE_NONE;
        }
    }

    private static final Setting<Integer> ROWS = Setting.number("--rows", null, "50000", "Rows per run")
            .withRule(Setting.atLeast(1), "must be at least 1");

    private static final Setting<Integer> BATCH = SinkOptions.BATCH_SIZE.named("--batch").withoutEnvironment();

    private static final Setting<Integer> INDEXER_THREADS = Setting.number("--indexer-threads", null,
            Integer.toString(SinkApp.SEARCH_THREADS), "Search indexer threads of the deferred design (the write path "
                    + "before the set-based upsert always had one)")
            .withRule(Setting.atLeast(1), "must be at least 1");

    @Mixin
    SettingGroup options = SettingGroup.of(ROWS, BATCH, INDEXER_THREADS);

    @Mixin
    BenchArticles articles = new BenchArticles();

    @Override
    void table(ObjectNode figures) {
        System.out.printf(Locale.ROOT, "%-44s %9s %11s %9s %9s%n", "", "rows/s", "searchable", "pg ms/row",
                "jvm ms/row");
        for (Design d : Design.values()) {
            System.out.printf(Locale.ROOT, "%-44s %9d %11s %9.3f %9.3f%n", label(d),
                    figures.get(d.key + "_rows_per_s").asLong(),
                    d.deferred() ? Long.toString(figures.get(d.key + "_searchable_rows_per_s").asLong()) : "",
                    figures.get(d.key + "_postgres_cpu_ms_per_row").asDouble(),
                    figures.get(d.key + "_writer_cpu_ms_per_row").asDouble());
        }
        System.out.printf(Locale.ROOT, "max search lag: deferred %.1f s, before %.1f s%n"
                        + "deferred / before deferred      %6.3f (searchable %6.3f)%n"
                        + "no search / before no search    %6.3f%n"
                        + "deferred / inline               %6.3f (searchable %6.3f)%n"
                        + "deferred / no search            %6.3f%n"
                        + "load average %.2f%n",
                figures.get("deferred_max_lag_s").asDouble(), figures.get("before_deferred_max_lag_s").asDouble(),
                figures.get("deferred_vs_before_ratio").asDouble(),
                figures.get("searchable_vs_before_ratio").asDouble(),
                figures.get("no_search_vs_before_ratio").asDouble(),
                figures.get("deferred_vs_inline_ratio").asDouble(), figures.get("searchable_vs_inline_ratio").asDouble(),
                figures.get("deferred_vs_no_search_ratio").asDouble(), figures.get("load_average").asDouble());
    }

    private static String label(Design d) {
        return switch (d) {
            case INLINE -> "search indexed inline (GIN expression index)";
            case BEFORE_DEFERRED -> "before: deferred to the indexer (row trigger)";
            case DEFERRED -> "search deferred to the indexer";
            case BEFORE_NONE -> "before: no search";
            case NONE -> "no search";
        };
    }

    @Override
    public ObjectNode measure() throws Exception {
        List<ArticleTable.Row> data = rows();
        Path dir = Files.createTempDirectory("newspipe-bench-pg-");
        Map<Design, Rates> best = new EnumMap<>(Design.class);
        try (EmbeddedPostgresServer pg = new EmbeddedPostgresServer(dir.resolve("pg")).start()) {
            String url = pg.jdbcUrl() + "?reWriteBatchedInserts=true";
            ArticleTable.migrate(url, pg.user(), pg.password());
            ProcessHandle postgres = ProcessCpu.postmaster(dir.resolve("pg")).orElse(null);
            for (int round = 0; round < 2; round++) {
                List<Design> order = new ArrayList<>(List.of(Design.values()));
                if (round == 1) {
                    Collections.reverse(order);
                }
                for (Design design : order) {
                    Rates r = run(url, pg, postgres, data, design);
                    System.err.printf(Locale.ROOT, "bench: %s round %d: %.0f rows/s, searchable %.0f rows/s, "
                                    + "PostgreSQL %.3f ms/row, writer %.3f ms/row%n", design, round + 1, r.written(),
                            r.searchable(), r.postgresMsPerRow(), r.writerMsPerRow());
                    best.merge(design, r, Rates::better);
                }
            }
        } finally {
            LocalStack.deleteRecursively(dir);
        }
        ObjectNode figures = JsonNodeFactory.instance.objectNode();
        figures.put("rows", options.value(ROWS));
        figures.put("batch", options.value(BATCH));
        figures.put("indexer_threads", options.value(INDEXER_THREADS));
        for (Design d : Design.values()) {
            Rates r = best.get(d);
            figures.put(d.key + "_rows_per_s", Math.round(r.written()));
            if (d.deferred()) {
                figures.put(d.key + "_searchable_rows_per_s", Math.round(r.searchable()));
                figures.put(d.key + "_max_lag_s", Math.round(r.maxLagSeconds() * 10) / 10.0);
            }
            figures.put(d.key + "_postgres_cpu_ms_per_row", Math.round(r.postgresMsPerRow() * 1000) / 1000.0);
            figures.put(d.key + "_writer_cpu_ms_per_row", Math.round(r.writerMsPerRow() * 1000) / 1000.0);
        }
        Rates inline = best.get(Design.INLINE);
        Rates deferred = best.get(Design.DEFERRED);
        Rates before = best.get(Design.BEFORE_DEFERRED);
        figures.put("deferred_vs_before_ratio", ratio(deferred.written(), before.written()));
        figures.put("searchable_vs_before_ratio", ratio(deferred.searchable(), before.searchable()));
        figures.put("no_search_vs_before_ratio", ratio(best.get(Design.NONE).written(),
                best.get(Design.BEFORE_NONE).written()));
        figures.put("deferred_vs_inline_ratio", ratio(deferred.written(), inline.written()));
        figures.put("searchable_vs_inline_ratio", ratio(deferred.searchable(), inline.written()));
        figures.put("deferred_vs_no_search_ratio", ratio(deferred.written(), best.get(Design.NONE).written()));
        figures.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        return figures;
    }

    private static double ratio(double a, double b) {
        return Math.round(a / b * 1000) / 1000.0;
    }

    /**
     * Rows/s written, rows/s until all are searchable (= written when search is inline or off), the worst lag, and
     * CPU milliseconds per row of PostgreSQL (until all are searchable) and of the writing thread.
     */
    record Rates(double written, double searchable, double maxLagSeconds, double postgresMsPerRow,
                 double writerMsPerRow) {
        static Rates better(Rates a, Rates b) {
            return a.written() >= b.written() ? a : b;
        }
    }

    private Rates run(String url, EmbeddedPostgresServer pg, ProcessHandle postgres, List<ArticleTable.Row> data,
                      Design design) throws Exception {
        boolean deferred = design.deferred();
        ArticleTable.fullTextIndex(url, pg.user(), pg.password(), false); // empties the search tables
        ArticleTable.fullTextIndex(url, pg.user(), pg.password(), deferred);
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE articles");
                st.execute("DROP INDEX IF EXISTS bench_inline_fts_idx");
                if (design == Design.INLINE) {
                    st.execute(INLINE_INDEX);
                }
                st.execute("CHECKPOINT");
            }
            if (design.before()) {
                RowByRowUpsert.install(c, design == Design.BEFORE_DEFERRED);
            } else {
                RowByRowUpsert.uninstall(c);
            }
            SearchIndexer indexer = new SearchIndexer(url, pg.user(), pg.password(), SinkApp.SEARCH_BATCH,
                    new SimpleMeterRegistry());
            List<Thread> indexing = new ArrayList<>();
            int threads = design == Design.DEFERRED ? options.value(INDEXER_THREADS) : 1;
            for (int i = 0; deferred && i < threads; i++) {
                indexing.add(new Thread(indexer, "bench-search-indexer-" + i));
            }
            indexing.forEach(Thread::start);
            double[] maxLag = new double[1];
            c.setAutoCommit(false);
            int batch = options.value(BATCH);
            var threadCpu = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            double postgres0 = postgres == null ? 0 : ProcessCpu.treeSeconds(postgres);
            long writer0 = threadCpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < data.size(); i += batch) {
                List<ArticleTable.Row> part = data.subList(i, Math.min(data.size(), i + batch));
                if (design.before()) {
                    RowByRowUpsert.write(c, part);
                } else {
                    ArticleTable.write(c, part, deferred);
                }
                c.commit();
                maxLag[0] = Math.max(maxLag[0], indexer.lagSeconds());
            }
            double written = data.size() / ((System.nanoTime() - t0) / 1e9);
            double writerMs = (threadCpu.getCurrentThreadCpuTime() - writer0) / 1e6 / data.size();
            double searchable = written;
            if (deferred) {
                Deadline.await("the search indexer to catch up", Duration.ofMinutes(30), Duration.ofMillis(20), () -> {
                    maxLag[0] = Math.max(maxLag[0], indexer.lagSeconds());
                    return indexer.indexed() >= data.size();
                });
                searchable = data.size() / ((System.nanoTime() - t0) / 1e9);
                indexer.close();
                for (Thread thread : indexing) {
                    thread.join();
                }
            }
            double postgresMs = postgres == null ? 0
                    : (ProcessCpu.treeSeconds(postgres) - postgres0) * 1000 / data.size();
            return new Rates(written, searchable, maxLag[0], postgresMs, writerMs);
        }
    }

    /** Enriches a few hundred generated articles once, then varies id and version to reach the row count. */
    private List<ArticleTable.Row> rows() {
        ArticleGenerator generator = articles.generator(7);
        Enricher enricher = Enricher.defaults();
        List<EnrichedArticle> base = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            RawArticle raw = BenchArticles.raw(generator.next(i), Instant.parse("2025-03-01T00:00:00Z").plusSeconds(i));
            base.add(enricher.enrich(raw));
        }
        int rows = options.value(ROWS);
        List<ArticleTable.Row> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            EnrichedArticle a = EnrichedArticle.newBuilder(base.get(i % base.size()))
                    .setId(String.format(Locale.ROOT, "sink-bench-%08d", i))
                    .setEnrichedAt(Instant.parse("2025-03-02T00:00:00Z").plusMillis(i)).build();
            out.add(new ArticleTable.Row(a, 0, i));
        }
        return out;
    }
}
