package io.newspipe.cli;

import io.newspipe.avro.RawArticle;
import io.newspipe.localstack.ArticleGenerator;
import java.time.Instant;

/** Generated articles as the raw records ingest would publish, for the tests that need thousands of them. */
final class GeneratedArticles {

    private GeneratedArticles() {
    }

    static RawArticle raw(ArticleGenerator.Article article, Instant publishedAt) {
        return RawArticle.newBuilder().setId(article.id()).setSource(article.source()).setTitle(article.title())
                .setBody(article.body()).setPublishedAt(publishedAt).setIngestedAt(Instant.now()).build();
    }
}
