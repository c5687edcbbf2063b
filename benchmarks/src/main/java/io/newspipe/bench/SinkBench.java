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
 * at all.
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "PostgreSQL upsert rows/s: search indexed inline vs deferred to the search indexer vs none.")
final class SinkBench extends BenchmarkCommand {

    private static final String INLINE_INDEX = "CREATE INDEX bench_inline_fts_idx ON articles USING gin "
            + "(to_tsvector('simple', coalesce(title, '') || ' ' || body))";

    /** A way of writing with (or without) search. */
    enum Design { INLINE, DEFERRED, NONE }

    private static final Setting<Integer> ROWS = Setting.number("--rows", null, "50000", "Rows per run")
            .withRule(Setting.atLeast(1), "must be at least 1");

    private static final Setting<Integer> BATCH = SinkOptions.BATCH_SIZE.named("--batch").withoutEnvironment();

    @Mixin
    SettingGroup options = SettingGroup.of(ROWS, BATCH);

    @Mixin
    BenchArticles articles = new BenchArticles();

    @Override
    void table(ObjectNode figures) {
        System.out.printf(Locale.ROOT, "search indexed inline (GIN expression index)  %8d rows/s%n"
                        + "search deferred to the indexer: sink          %8d rows/s%n"
                        + "  ... until every row is searchable           %8d rows/s (max lag %.1f s)%n"
                        + "no search                                     %8d rows/s%n"
                        + "deferred sink / inline                        %8.3f%n"
                        + "deferred searchable / inline                  %8.3f%n"
                        + "deferred sink / no search                     %8.3f%n",
                figures.get("inline_rows_per_s").asLong(), figures.get("deferred_rows_per_s").asLong(),
                figures.get("deferred_searchable_rows_per_s").asLong(), figures.get("deferred_max_lag_s").asDouble(),
                figures.get("no_search_rows_per_s").asLong(), figures.get("deferred_vs_inline_ratio").asDouble(),
                figures.get("searchable_vs_inline_ratio").asDouble(),
                figures.get("deferred_vs_no_search_ratio").asDouble());
    }

    @Override
    public ObjectNode measure() throws Exception {
        List<ArticleTable.Row> data = rows();
        Path dir = Files.createTempDirectory("newspipe-bench-pg-");
        Map<Design, Rates> best = new EnumMap<>(Design.class);
        try (EmbeddedPostgresServer pg = new EmbeddedPostgresServer(dir.resolve("pg")).start()) {
            String url = pg.jdbcUrl() + "?reWriteBatchedInserts=true";
            ArticleTable.migrate(url, pg.user(), pg.password());
            for (int round = 0; round < 2; round++) {
                List<Design> order = new ArrayList<>(List.of(Design.values()));
                if (round == 1) {
                    Collections.reverse(order);
                }
                for (Design design : order) {
                    Rates r = run(url, pg, data, design);
                    System.err.printf(Locale.ROOT, "bench: %s round %d: %.0f rows/s, searchable %.0f rows/s%n",
                            design, round + 1, r.written(), r.searchable());
                    best.merge(design, r, Rates::better);
                }
            }
        } finally {
            LocalStack.deleteRecursively(dir);
        }
        ObjectNode figures = JsonNodeFactory.instance.objectNode();
        figures.put("rows", options.value(ROWS));
        figures.put("batch", options.value(BATCH));
        double inline = best.get(Design.INLINE).written();
        Rates deferred = best.get(Design.DEFERRED);
        figures.put("inline_rows_per_s", Math.round(inline));
        figures.put("deferred_rows_per_s", Math.round(deferred.written()));
        figures.put("deferred_searchable_rows_per_s", Math.round(deferred.searchable()));
        figures.put("deferred_max_lag_s", Math.round(deferred.maxLagSeconds() * 10) / 10.0);
        figures.put("no_search_rows_per_s", Math.round(best.get(Design.NONE).written()));
        figures.put("deferred_vs_inline_ratio", ratio(deferred.written(), inline));
        figures.put("searchable_vs_inline_ratio", ratio(deferred.searchable(), inline));
        figures.put("deferred_vs_no_search_ratio", ratio(deferred.written(), best.get(Design.NONE).written()));
        figures.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        return figures;
    }

    private static double ratio(double a, double b) {
        return Math.round(a / b * 1000) / 1000.0;
    }

    /** Rows/s written, rows/s until all are searchable (= written when search is inline or off), the worst lag. */
    record Rates(double written, double searchable, double maxLagSeconds) {
        static Rates better(Rates a, Rates b) {
            return a.written() >= b.written() ? a : b;
        }
    }

    private Rates run(String url, EmbeddedPostgresServer pg, List<ArticleTable.Row> data, Design design)
            throws Exception {
        boolean deferred = design == Design.DEFERRED;
        ArticleTable.fullTextIndex(url, pg.user(), pg.password(), false); // empties the search tables
        ArticleTable.fullTextIndex(url, pg.user(), pg.password(), deferred);
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE articles");
                st.execute("DROP INDEX IF EXISTS bench_inline_fts_idx");
                if (design == Design.INLINE) {
                    st.execute(INLINE_INDEX);
                }
            }
            SearchIndexer indexer = new SearchIndexer(url, pg.user(), pg.password(), SinkApp.SEARCH_BATCH,
                    new SimpleMeterRegistry());
            Thread indexing = new Thread(indexer, "bench-search-indexer");
            if (deferred) {
                indexing.start();
            }
            double[] maxLag = new double[1];
            c.setAutoCommit(false);
            int batch = options.value(BATCH);
            long t0 = System.nanoTime();
            for (int i = 0; i < data.size(); i += batch) {
                ArticleTable.write(c, data.subList(i, Math.min(data.size(), i + batch)));
                c.commit();
                maxLag[0] = Math.max(maxLag[0], indexer.lagSeconds());
            }
            double written = data.size() / ((System.nanoTime() - t0) / 1e9);
            double searchable = written;
            if (deferred) {
                Deadline.await("the search indexer to catch up", Duration.ofMinutes(30), Duration.ofMillis(20), () -> {
                    maxLag[0] = Math.max(maxLag[0], indexer.lagSeconds());
                    return indexer.indexed() >= data.size();
                });
                searchable = data.size() / ((System.nanoTime() - t0) / 1e9);
                indexer.close();
                indexing.join();
            }
            return new Rates(written, searchable, maxLag[0]);
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
