package io.newspipe.cli;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.avro.RemovedSpan;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.enrich.Enricher;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.ingest.BadInputException;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.TextArticle;
import io.newspipe.ingest.TextArticleReader;
import io.newspipe.schemas.AvroJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newspipe clean}: the enrichment offline, without Kafka. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Clean and tag article files offline (no Kafka) and print the EnrichedArticle as JSON.")
final class CleanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article text files (optional RFC 822 header).")
    List<Path> files;

    private static final Setting<Boolean> EXPLAIN = Setting.toggle("--explain",
            "Print each input line, marking removed ones with their rule");

    @Mixin
    SettingGroup output = SettingGroup.of(OutputOptions.JSON.withDoc("Exactly one JSON object per line per file"),
            EXPLAIN);

    @Mixin
    RulePackOptions rulePacks = new RulePackOptions();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        Enricher enricher = rulePacks.enricherOrReport("newspipe clean", err);
        if (enricher == null) {
            return 2;
        }
        TextArticleReader reader = new TextArticleReader(IngestSettings.DEFAULT_MAX_ARTICLE_BYTES);
        int failures = 0;
        for (Path file : files) {
            try {
                TextArticle a = reader.read(Files.readAllBytes(file), file.toString());
                RawArticle raw = RawArticle.newBuilder()
                        .setId(ArticleIds.of(a.url(), a.source(), a.title(), a.body()))
                        .setUrl(a.url()).setSource(a.source()).setTitle(a.title()).setBody(a.body())
                        .setContentType(a.contentType()).setLanguageHint(a.language())
                        .setPublishedAt(a.publishedAt()).setIngestedAt(Instant.now()).setOrigin(file.toString())
                        .build();
                EnrichedArticle e = enricher.enrich(raw);
                if (output.isOn(EXPLAIN)) {
                    explain(raw, e);
                } else {
                    out.println(output.isOn(OutputOptions.JSON) ? AvroJson.compact(e) : AvroJson.pretty(e));
                }
            } catch (IOException | BadInputException ex) {
                err.println("newspipe clean: " + ex.getMessage());
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private void explain(RawArticle raw, EnrichedArticle e) {
        Map<Integer, List<RemovedSpan>> byLine = new HashMap<>();
        for (RemovedSpan s : e.getRemoved()) {
            byLine.computeIfAbsent(s.getLine(), k -> new java.util.ArrayList<>()).add(s);
        }
        out.println("== " + raw.getOrigin() + " (" + e.getRulePackVersion() + ")");
        String[] lines = raw.getBody().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            List<RemovedSpan> spans = byLine.get(i + 1);
            if (spans == null) {
                out.printf("%4d    %s%n", i + 1, line);
                continue;
            }
            boolean whole = spans.stream().anyMatch(s -> s.getText().strip().equals(line.strip()));
            out.printf("%4d %s %s%n", i + 1, whole ? "-" : "~", line);
            for (RemovedSpan s : spans) {
                out.printf("        ^ removed by %s (%s): %s%n", s.getRule(), s.getKind(), s.getText());
            }
        }
    }
}
