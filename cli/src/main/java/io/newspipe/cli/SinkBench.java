package io.newspipe.cli;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
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
import picocli.CommandLine.Option;

/**
 * {@code newspipe bench sink}: rows/s into a real PostgreSQL for the sink's COPY path (COPY into a staging table,
 * one {@code INSERT … SELECT … ON CONFLICT}) against a plain JDBC batch of {@code INSERT … ON CONFLICT} with
 * {@code reWriteBatchedInserts=true}, on the same rows, same batch size, in the same run, each twice in
 * alternating order.
 */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "PostgreSQL upsert rows/s: the sink's COPY path vs a plain JDBC batch upsert.")
final class SinkBench implements Callable<Integer> {

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

    @Option(names = "--json", description = "One JSON object with the figures.")
    boolean json;

    @Override
    public Integer call() throws Exception {
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
        String out = String.format(Locale.ROOT, "{\"rows\":%d,\"batch\":%d,\"full_text_index\":" + fullTextIndex
                + ",\"plain_jdbc_batch_rows_per_s\":%.0f,"
                + "\"sink_copy_rows_per_s\":%.0f,\"copy_vs_plain_ratio\":%.3f}", rows, batch, plain, copy,
                copy / plain);
        if (json) {
            System.out.println(out);
        } else {
            System.out.printf(Locale.ROOT, "plain JDBC batch upsert  %8.0f rows/s%nsink COPY path           %8.0f "
                    + "rows/s%nratio                    %8.3f%n", plain, copy, copy / plain);
        }
        return 0;
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
            RawArticle raw = generator.next(i, Instant.parse("2025-03-01T00:00:00Z").plusSeconds(i));
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
