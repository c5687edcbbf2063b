package io.newspipe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.avro.RawArticle;
import io.newspipe.enrich.Enricher;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.LineModel;
import io.newspipe.enrich.clean.RulePack;
import io.newspipe.enrich.lang.LanguageDetector;
import io.newspipe.enrich.tag.TopicTagger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code newspipe bench clean}: clean + tag throughput on one thread (articles/s per core), in process, no Kafka,
 * on the sample article and on the corpus articles, with a warm-up; and where the time goes (clean, language,
 * tag, and each rule family of the cleaner).
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Clean+tag articles/s on one core, in process, on the sample and on the corpus.")
final class CleanBench extends BenchmarkCommand {

    private static final Setting<Integer> SECONDS = Setting.number("--seconds", null, "5",
            "Measured seconds per set").withRule(Setting.atLeast(1), "must be at least 1");

    @Mixin
    BenchArticles articles = new BenchArticles();

    @Mixin
    SettingGroup options = SettingGroup.of(SECONDS);

    @Override
    void table(ObjectNode figures) {
        System.out.printf(Locale.ROOT, "clean+tag, one thread:%n  sample article   %8d articles/s%n"
                + "  corpus articles  %8d articles/s%nwhere the time goes (corpus, each step alone):%n"
                + "  clean            %8d /s   (every pattern on every line, no anchors: %d /s; anchors ×%.2f)%n"
                + "  language         %8d /s%n  tag              %8d /s%n"
                + "CPU per article, the whole enrichment on one thread:%n"
                + "  corpus articles          %.3f ms%n  generated archive (bench replay's)  %.3f ms  (%d articles/s)%n",
                figures.get("sample_articles_per_s_per_core").asLong(),
                figures.get("corpus_articles_per_s_per_core").asLong(),
                figures.get("corpus_clean_only_per_s").asLong(),
                figures.get("corpus_clean_without_anchors_per_s").asLong(),
                figures.get("anchors_speedup").asDouble(), figures.get("corpus_language_only_per_s").asLong(),
                figures.get("corpus_tag_only_per_s").asLong(),
                figures.get("corpus_enrich_cpu_ms_per_article").asDouble(),
                figures.get("archive_enrich_cpu_ms_per_article").asDouble(),
                figures.get("archive_articles_per_s_per_core").asLong());
        JsonNode families = figures.get("clean_families");
        System.out.printf(Locale.ROOT, "the cleaner's CPU per article by rule family (corpus; the whole %.1f µs; "
                + "a family's cost is the whole less the cleaner without it):%n",
                families.get("clean_cpu_us_per_article").asDouble());
        families.get("families").fields().forEachRemaining(family -> System.out.printf(Locale.ROOT,
                "  %-20s %7.1f µs  %5.1f %%%n", family.getKey(), family.getValue().get("cpu_us_per_article").asDouble(),
                family.getValue().get("share").asDouble() * 100));
    }

    @Override
    public ObjectNode measure() throws Exception {
        Path samples = articles.samples();
        int seconds = options.value(SECONDS);
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
        Cleaner withoutAnchors = Cleaner.withoutAnchors(RulePack.bundled()).withLineModel(LineModel.bundled());
        rate(corpus, 1, a -> withoutAnchors.clean(a.getBody())); // warm-up of its own code paths
        double cleanWithoutAnchors = rate(corpus, seconds, a -> withoutAnchors.clean(a.getBody()));
        List<String> bodies = corpus.stream().map(a -> cleaner.clean(a.getBody()).body()).toList();
        double lang = rateOf(bodies, seconds, b -> languages.detect(b, null));
        double tag = rateOf(bodies, seconds, b -> tagger.tag(null, b, "id"));
        double corpusCpu = cpuMillisPerItem(corpus, seconds, enricher::enrich);
        List<RawArticle> archive = generatedArchive(articles);
        run(enricher, archive, 1); // warm-up on its shapes
        double archiveRate = run(enricher, archive, seconds);
        double archiveCpu = cpuMillisPerItem(archive, seconds, enricher::enrich);
        ObjectNode figures = JsonNodeFactory.instance.objectNode();
        figures.put("sample_articles_per_s_per_core", Math.round(sampleRate));
        figures.put("corpus_articles_per_s_per_core", Math.round(corpusRate));
        figures.put("corpus_clean_only_per_s", Math.round(clean));
        figures.put("corpus_clean_without_anchors_per_s", Math.round(cleanWithoutAnchors));
        figures.put("anchors_speedup", Math.round(clean / cleanWithoutAnchors * 100) / 100.0);
        figures.put("corpus_language_only_per_s", Math.round(lang));
        figures.put("corpus_tag_only_per_s", Math.round(tag));
        figures.put("corpus_articles", corpus.size());
        figures.put("corpus_enrich_cpu_ms_per_article", Math.round(corpusCpu * 1000) / 1000.0);
        figures.put("archive_articles_per_s_per_core", Math.round(archiveRate));
        figures.put("archive_enrich_cpu_ms_per_article", Math.round(archiveCpu * 1000) / 1000.0);
        figures.set("clean_families", new FamilyCosts(corpus.stream().map(RawArticle::getBody).toList(),
                seconds / 10.0).measure());
        figures.put("archive_articles", archive.size());
        return figures;
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

    /** Articles as {@code bench replay} generates them: several outlets' styles, boilerplate and all. */
    private static List<RawArticle> generatedArchive(BenchArticles articles) throws Exception {
        Path dir = Files.createTempDirectory("newspipe-bench-clean-archive");
        try {
            new ArchiveGenerator(articles.generator(11), 11, ArchiveGenerator.STYLES.size(), 6).write(dir, 2_000);
            List<RawArticle> out = new ArrayList<>();
            ObjectMapper mapper = new ObjectMapper();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(
                            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            JsonNode a = mapper.readTree(line);
                            out.add(RawArticle.newBuilder().setId(a.get("url").asText())
                                    .setTitle(a.get("title").asText()).setBody(a.get("body").asText())
                                    .setIngestedAt(Instant.now()).build());
                        }
                    }
                }
            }
            return out;
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** CPU time of this thread per item, in milliseconds, over about {@code seconds}. */
    static <T> double cpuMillisPerItem(List<T> items, double seconds, java.util.function.Consumer<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            for (T item : items) {
                work.accept(item);
                n++;
            }
        }
        return (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / n;
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
