package io.newspipe.ingest;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader hands on, in order: the articles, and the problems with their input bytes. */
final class CollectingHandler implements ArticleHandler {

    final List<TextArticle> articles = new ArrayList<>();
    final List<BadInputException> problems = new ArrayList<>();
    final List<byte[]> problemInputs = new ArrayList<>();

    @Override
    public void article(TextArticle article) {
        articles.add(article);
    }

    @Override
    public void bad(BadInputException problem, byte[] input) {
        problems.add(problem);
        problemInputs.add(input);
    }

    List<String> reasons() {
        return problems.stream().map(BadInputException::reason).toList();
    }

    List<String> problemOrigins() {
        return problems.stream().map(BadInputException::origin).toList();
    }
}
