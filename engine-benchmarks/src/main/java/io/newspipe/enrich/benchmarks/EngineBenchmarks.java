package io.newspipe.enrich.benchmarks;

import io.newspipe.enrich.Fingerprints;
import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.LineModel;
import io.newspipe.enrich.clean.RulePack;
import io.newspipe.enrich.lang.LanguageDetector;
import io.newspipe.enrich.tag.TopicTag;
import io.newspipe.enrich.tag.TopicTagger;
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
 * The enrichment engine on one thread, one article per operation (so the score is articles per second): each step
 * alone on what it is given in production (the cleaner on raw bodies; language, tags and fingerprints on clean
 * ones), and the whole clean + language + tag + fingerprints. The articles are the {@code .txt} files of
 * {@link #articles} (the project's sample corpus by default), taken in turn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmarks {

    /** Folder of {@code .txt} articles, relative to the working directory. */
    @Param("samples/corpus")
    public String articles;

    private Cleaner cleaner;
    private Cleaner cleanerWithoutAnchors;
    private LanguageDetector languages;
    private TopicTagger tagger;
    private List<String> raw;
    private List<String> clean;
    private int next;

    @Setup
    public void load() {
        cleaner = Cleaner.defaults();
        cleanerWithoutAnchors = Cleaner.withoutAnchors(RulePack.bundled()).withLineModel(LineModel.bundled());
        languages = LanguageDetector.defaults();
        tagger = TopicTagger.defaults();
        raw = ArticleFolder.read(articles);
        clean = raw.stream().map(body -> cleaner.clean(body).body()).toList();
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == raw.size() ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public CleanResult clean() {
        return cleaner.clean(raw.get(nextIndex()));
    }

    /** The same packs with every pattern tried on every line: the baseline of the one-scan anchor index. */
    @Benchmark
    public CleanResult cleanWithoutAnchors() {
        return cleanerWithoutAnchors.clean(raw.get(nextIndex()));
    }

    @Benchmark
    public String language() {
        return languages.detect(clean.get(nextIndex()), null);
    }

    @Benchmark
    public List<TopicTag> tag() {
        return tagger.tag(null, clean.get(nextIndex()), "id");
    }

    @Benchmark
    public Fingerprints.Of fingerprints() {
        return Fingerprints.of(clean.get(nextIndex()));
    }

    /** What the enricher makes of a body, less building the record. */
    @Benchmark
    public Enrichment whole() {
        String body = cleaner.clean(raw.get(nextIndex())).body();
        String language = languages.detect(body, null);
        return new Enrichment(language, tagger.tag(null, body, language), Fingerprints.of(body));
    }

    /** The outcome of {@link #whole()}. */
    public record Enrichment(String language, List<TopicTag> tags, Fingerprints.Of fingerprints) {
    }
}
