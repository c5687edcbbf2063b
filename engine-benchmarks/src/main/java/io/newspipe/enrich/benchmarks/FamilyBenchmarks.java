package io.newspipe.enrich.benchmarks;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.LineModel;
import io.newspipe.enrich.clean.RulePack;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cleaner with every bundled rule except those of one family (rule type), and the bundled line model after
 * them, one article per operation: a
 * family's cost is the whole cleaner's time per article ({@code withoutFamily = none}) less this one's.
 * {@code newspipe bench clean} prints the same difference measured in CPU time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FamilyBenchmarks {

    /** Folder of {@code .txt} articles, relative to the working directory. */
    @Param("samples/corpus")
    public String articles;

    /** The rule type left out; {@code none} for the whole cleaner. */
    @Param({"none", "line", "related", "end-block", "credit", "credit-regex", "writer-code", "syndication",
            "syndication-tayang", "dateline", "inline", "inline-eol", "heuristic", "markup"})
    public String withoutFamily;

    private Cleaner cleaner;
    private List<String> raw;
    private int next;

    @Setup
    public void load() {
        cleaner = Cleaner.fromPacks(RulePack.bundled().stream()
                .map(pack -> pack.keeping(rule -> !rule.type().equals(withoutFamily))).toList())
                .withLineModel(LineModel.bundled());
        raw = ArticleFolder.read(articles);
    }

    @Benchmark
    public CleanResult clean() {
        String body = raw.get(next);
        next = next + 1 == raw.size() ? 0 : next + 1;
        return cleaner.clean(body);
    }
}
