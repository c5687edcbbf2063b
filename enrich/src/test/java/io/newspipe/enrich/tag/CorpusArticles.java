package io.newspipe.enrich.tag;

import io.newspipe.enrich.eval.AnnotatedArticle;
import io.newspipe.enrich.eval.CorpusFolder;

import java.util.List;
import java.util.Set;

/**
 * The annotated corpus as the tagger is given it in production: the title and the clean body, i.e. the body lines
 * minus the annotated boilerplate lines and inline fragments ({@link AnnotatedArticle#cleanBody()}).
 */
public final class CorpusArticles {

    /** One corpus article as the tagger sees it, with the gold annotation. */
    public record Article(String id, String title, String cleanBody, String language, Set<String> topics) {}

    private CorpusArticles() {}

    /** Articles 001–037, the part the tagger was first tuned on. */
    public static List<Article> firstPart() {
        return CorpusFolder.firstPart().stream().map(CorpusArticles::asTagged).toList();
    }

    /** Articles 038 onwards, from outlets added after the tagger was tuned. */
    public static List<Article> laterPart() {
        return CorpusFolder.laterPart().stream().map(CorpusArticles::asTagged).toList();
    }

    public static List<Article> load() {
        return CorpusFolder.all().stream().map(CorpusArticles::asTagged).toList();
    }

    private static Article asTagged(AnnotatedArticle a) {
        return new Article(a.id(), a.title(), a.cleanBody(), a.language(), a.topics());
    }
}
