package io.newspipe.enrich.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One article of the annotated corpus: its text as stored ({@code NNN.txt}) and the hand annotation
 * ({@code NNN.json}) that says which lines and fragments are boilerplate, which related headlines they name,
 * the dateline and the topics. Line numbers are 1-based, as in the annotation files.
 *
 * @param id                the file's base name, e.g. {@code 042}
 * @param outlet            the outlet it is grouped under for leave-one-outlet-out ({@link AnnotatedCorpus#outletKey})
 * @param language          ISO 639-1 code
 * @param title             the headline, which is then line 1 of the text; {@code null} when not known
 * @param text              the article text, lines separated by {@code \n}
 * @param boilerplateLines  lines that are boilerplate as a whole
 * @param fragments         boilerplate glued inside a body line
 * @param relatedHeadlines  headlines named by related-article lines and lists
 * @param dateline          the leading dateline as written, or {@code null}
 * @param topics            the gold topic labels
 */
public record AnnotatedArticle(String id, String outlet, String language, String title, String text,
                               Set<Integer> boilerplateLines, List<Fragment> fragments, List<String> relatedHeadlines,
                               String dateline, Set<String> topics) {

    /** Boilerplate inside a body line: the annotated text, found on the given line. */
    public record Fragment(int line, String text) {
    }

    public AnnotatedArticle {
        boilerplateLines = Set.copyOf(boilerplateLines);
        fragments = List.copyOf(fragments);
        relatedHeadlines = List.copyOf(relatedHeadlines);
        topics = Collections.unmodifiableSet(new LinkedHashSet<>(topics));
    }

    /** The lines of the text; index 0 is line 1. */
    public String[] lines() {
        return text.split("\n", -1);
    }

    /**
     * The body as a perfect cleaner would leave it, which is what the tagger is scored on: the lines without the
     * headline line, without the annotated boilerplate lines and with the annotated fragments cut out.
     */
    public String cleanBody() {
        String[] lines = lines();
        List<String> kept = new ArrayList<>();
        for (int n = 1; n <= lines.length; n++) {
            if (n == 1 && title != null || boilerplateLines.contains(n)) {
                continue;
            }
            String line = lines[n - 1];
            for (Fragment f : fragments) {
                if (f.line() == n) {
                    line = line.replace(f.text(), " ");
                }
            }
            kept.add(line);
        }
        return String.join("\n", kept);
    }
}
