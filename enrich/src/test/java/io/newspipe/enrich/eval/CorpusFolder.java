package io.newspipe.enrich.eval;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** The project's annotated corpus as the tests see it: {@code samples/corpus}, copied onto the test classpath. */
public final class CorpusFolder {

    /** The number of the last article of the first part (001–037), the one the rules and tagger were written on. */
    public static final int LAST_FIRST_PART_ARTICLE = 37;

    private CorpusFolder() {
    }

    /** The folder holding {@code corpus/NNN.txt} and {@code corpus/NNN.json} on the test classpath. */
    public static Path path() {
        URL first = CorpusFolder.class.getClassLoader().getResource("corpus/001.txt");
        if (first == null) {
            throw new IllegalStateException("no corpus on the test classpath (expected corpus/001.txt from samples/corpus)");
        }
        try {
            return Path.of(first.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every annotated article. */
    public static List<AnnotatedArticle> all() {
        return AnnotatedCorpus.read(path());
    }

    /** Articles 001–037. */
    public static List<AnnotatedArticle> firstPart() {
        return all().stream().filter(a -> Integer.parseInt(a.id()) <= LAST_FIRST_PART_ARTICLE).toList();
    }

    /** Articles 038 onwards, from outlets and layouts added after the rules and tagger were written. */
    public static List<AnnotatedArticle> laterPart() {
        return all().stream().filter(a -> Integer.parseInt(a.id()) > LAST_FIRST_PART_ARTICLE).toList();
    }
}
