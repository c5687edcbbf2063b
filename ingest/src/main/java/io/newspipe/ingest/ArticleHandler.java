package io.newspipe.ingest;

/**
 * Where a source reader delivers what it read: each article, or each piece of input that could not become one
 * (with the input bytes when there are any, else null). The {@link Ingestor} publishes and dead-letters; replay
 * collects first and publishes later.
 */
public interface ArticleHandler {

    void article(TextArticle article);

    void bad(BadInputException problem, byte[] input);
}
