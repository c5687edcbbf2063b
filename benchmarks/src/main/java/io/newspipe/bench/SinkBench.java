package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
import io.newspipe.localstack.ArticleGenerator;
import io.newspipe.localstack.EmbeddedPostgresServer;
import io.newspipe.localstack.LocalStack;
import io.newspipe.sink.ArticleTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newspipe bench sink}: rows/s into a real PostgreSQL for the sink's COPY path (COPY into a staging table,
 * one {@code INSERT … SELECT … ON CONFLICT}) against a plain JDBC batch of {@code INSERT … ON CONFLICT} with
 * {@code reWriteBatchedInserts=true}, on the same rows, same batch size, in the same run, each twice in
 * alternating order.
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "PostgreSQL upsert rows/s: the sink's COPY path vs a plain JDBC batch upsert.")
final class SinkBench implements Callable<Integer>, Benchmark {

    @Option(names = "--rows", defaultValue = "50000", description = "Rows per run (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--batch", defaultValue = "500", description = "Rows per transaction (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--full-text-index", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With the full-text index on title and body, as the sink keeps it by default (default "
                    + "${DEFAULT-VALUE}).")
    boolean fullTextIndex;

    @Option(names = "--samples", defaultValue = "${sys:newspipe.home:-.}/samples",
            description = "Samples and corpus to generate articles from (default ${DEFAULT-VALUE}).")
    Path samples;

    @Mixin
    BenchReport report = new BenchReport();

    @Override
    public Integer call() throws Exception {
        return report.run(this, SinkBench::printTable);
    }

    private static void printTable(ObjectNode figures) {
        System.out.printf(Locale.ROOT, "plain JDBC batch upsert  %8d rows/s%nsink COPY path           %8d "
                + "rows/s%nratio                    %8.3f%n", figures.get("plain_jdbc_batch_rows_per_s").asLong(),
                figures.get("sink_copy_rows_per_s").asLong(), figures.get("copy_vs_plain_ratio").asDouble());
    }

    @Override
    public ObjectNode measure() throws Exception {
        List<ArticleTable.Row> data = rows();
        Path dir = Files.createTempDirectory("newspipe-bench-pg-");
        double[] batchRates = new double[2];
        double[] copyRates = new double[2];
        try (EmbeddedPostgresServer pg = new EmbeddedPostgresServer(dir.resolve("pg")).start()) {
            String url = pg.jdbcUrl() + "?reWriteBatchedInserts=true";
            ArticleTable.migrate(url, pg.user(), pg.password());
            ArticleTable.fullTextIndex(url, pg.user(), pg.password(), fullTextIndex);
            for (int round = 0; round < 2; round++) {
                ArticleTable.WriteMode first = round == 0 ? ArticleTable.WriteMode.BATCH : ArticleTable.WriteMode.COPY;
                for (ArticleTable.WriteMode mode : List.of(first, first == ArticleTable.WriteMode.BATCH
                        ? ArticleTable.WriteMode.COPY : ArticleTable.WriteMode.BATCH)) {
                    double r = run(url, pg, data, mode);
                    System.err.printf(Locale.ROOT, "bench: %s round %d: %.0f rows/s%n", mode, round + 1, r);
                    (mode == ArticleTable.WriteMode.BATCH ? batchRates : copyRates)[round] = r;
                }
            }
        } finally {
            LocalStack.deleteRecursively(dir);
        }
        double plain = Math.max(batchRates[0], batchRates[1]);
        double copy = Math.max(copyRates[0], copyRates[1]);
        ObjectNode figures = JsonNodeFactory.instance.objectNode();
        figures.put("rows", rows);
        figures.put("batch", batch);
        figures.put("full_text_index", fullTextIndex);
        figures.put("plain_jdbc_batch_rows_per_s", Math.round(plain));
        figures.put("sink_copy_rows_per_s", Math.round(copy));
        figures.put("copy_vs_plain_ratio", Math.round(copy / plain * 1000) / 1000.0);
        return figures;
    }

    private double run(String url, EmbeddedPostgresServer pg, List<ArticleTable.Row> data,
                       ArticleTable.WriteMode mode) throws Exception {
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE articles");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            for (int i = 0; i < data.size(); i += batch) {
                ArticleTable.write(c, data.subList(i, Math.min(data.size(), i + batch)), mode);
                c.commit();
            }
            return data.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** Enriches a few hundred generated articles once, then varies id and version to reach the row count. */
    private List<ArticleTable.Row> rows() {
        ArticleGenerator generator = new ArticleGenerator(samples, 7);
        Enricher enricher = Enricher.defaults();
        List<EnrichedArticle> base = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            RawArticle raw = BenchArticles.raw(generator.next(i), Instant.parse("2025-03-01T00:00:00Z").plusSeconds(i));
            base.add(enricher.enrich(raw));
        }
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
