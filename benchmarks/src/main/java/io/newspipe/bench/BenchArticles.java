package io.newspipe.bench;

import io.newspipe.avro.RawArticle;
import io.newspipe.localstack.ArticleGenerator;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The option benchmarks over generated articles share: where the samples to generate them from are. */
final class BenchArticles {

    @Option(names = "--samples", defaultValue = "${sys:newspipe.home:-.}/samples",
            description = "Samples and corpus to generate articles from (default ${DEFAULT-VALUE}).")
    Path samples;

    /** A generated article as the raw record ingest would publish. */
    static RawArticle raw(ArticleGenerator.Article article, Instant publishedAt) {
        return RawArticle.newBuilder().setId(article.id()).setSource(article.source()).setTitle(article.title())
                .setBody(article.body()).setPublishedAt(publishedAt).setIngestedAt(Instant.now()).build();
    }

    ArticleGenerator generator(long seed) {
        return new ArticleGenerator(samples, seed);
    }
}
