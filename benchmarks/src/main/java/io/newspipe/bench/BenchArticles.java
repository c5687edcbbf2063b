package io.newspipe.bench;

import io.newspipe.avro.RawArticle;
import io.newspipe.cli.SampleOptions;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.localstack.ArticleGenerator;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;

/** The setting benchmarks over generated articles share: where the samples to generate them from are. */
final class BenchArticles extends SettingGroup {

    BenchArticles() {
        super(List.of(SampleOptions.SAMPLES));
    }

    /** A generated article as the raw record ingest would publish. */
    static RawArticle raw(ArticleGenerator.Article article, Instant publishedAt) {
        return RawArticle.newBuilder().setId(article.id()).setSource(article.source()).setTitle(article.title())
                .setBody(article.body()).setPublishedAt(publishedAt).setIngestedAt(Instant.now()).build();
    }

    /** The folder of the sample articles (the corpus is its {@code corpus/}). */
    Path samples() {
        return value(SampleOptions.SAMPLES);
    }

    ArticleGenerator generator(long seed) {
        return new ArticleGenerator(value(SampleOptions.SAMPLES), seed);
    }
}
