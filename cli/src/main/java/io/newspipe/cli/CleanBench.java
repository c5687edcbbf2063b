package io.newspipe.cli;

import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.lang.LanguageDetector;
import io.newspipe.enrich.tag.TopicTagger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newspipe bench clean}: clean + tag throughput on one thread (articles/s per core), in process, no Kafka,
 * on the sample article and on the corpus articles, with a warm-up; and where the time goes (clean, language,
 * tag).
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Clean+tag articles/s on one core, in process, on the sample and on the corpus.")
final class CleanBench implements Callable<Integer> {

    @Option(names = "--samples", defaultValue = "${sys:newspipe.home:-.}/samples",
            description = "Folder with the sample (top level) and the corpus (corpus/) (default ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured seconds per set (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--json", description = "One JSON object with the figures.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<RawArticle> sample = load(samples, 1);
        List<RawArticle> corpus = load(samples.resolve("corpus"), Integer.MAX_VALUE);
        Enricher enricher = Enricher.defaults();
        Cleaner cleaner = Cleaner.defaults();
        LanguageDetector languages = LanguageDetector.defaults();
        TopicTagger tagger = TopicTagger.defaults();
        run(enricher, corpus, 2); // warm-up: JIT and caches
        double sampleRate = run(enricher, sample, seconds);
        double corpusRate = run(enricher, corpus, seconds);
        double clean = rate(corpus, seconds, a -> cleaner.clean(a.getBody()));
        List<String> bodies = corpus.stream().map(a -> cleaner.clean(a.getBody()).body()).toList();
        double lang = rateOf(bodies, seconds, b -> languages.detect(b, null));
        double tag = rateOf(bodies, seconds, b -> tagger.tag(null, b, "id"));
        String out = String.format(Locale.ROOT, "{\"sample_articles_per_s_per_core\":%.0f,"
                + "\"corpus_articles_per_s_per_core\":%.0f,\"corpus_clean_only_per_s\":%.0f,"
                + "\"corpus_language_only_per_s\":%.0f,\"corpus_tag_only_per_s\":%.0f,\"corpus_articles\":%d}",
                sampleRate, corpusRate, clean, lang, tag, corpus.size());
        if (json) {
            System.out.println(out);
        } else {
            System.out.printf(Locale.ROOT, "clean+tag, one thread:%n  sample article   %8.0f articles/s%n"
                    + "  corpus articles  %8.0f articles/s%nwhere the time goes (corpus, each step alone):%n"
                    + "  clean            %8.0f /s%n  language         %8.0f /s%n  tag              %8.0f /s%n",
                    sampleRate, corpusRate, clean, lang, tag);
        }
        return 0;
    }

    private static List<RawArticle> load(Path dir, int max) throws Exception {
        List<RawArticle> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(max).toList()) {
                out.add(RawArticle.newBuilder().setId(f.getFileName().toString())
                        .setBody(Files.readString(f, StandardCharsets.UTF_8)).setIngestedAt(Instant.now()).build());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no .txt articles in " + dir);
        }
        return out;
    }

    private static double run(Enricher enricher, List<RawArticle> articles, int seconds) {
        return rate(articles, seconds, enricher::enrich);
    }

    private static <T> double rate(List<T> items, int seconds, java.util.function.Consumer<T> work) {
        return rateOf(items, seconds, work);
    }

    private static <T> double rateOf(List<T> items, int seconds, java.util.function.Consumer<T> work) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            for (T item : items) {
                work.accept(item);
                n++;
            }
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
