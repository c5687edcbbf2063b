package io.newspipe.enrich.tag;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topic quality over the annotated corpus: the tagger gets the title and the clean body (annotated boilerplate
 * removed) and is scored against the gold {@code topics} with micro-averaged precision, recall and F1.
 */
class TopicCorpusTest {

    @Test
    void microF1OverTheCorpusIsAtLeast075() {
        TopicTagger tagger = TopicTagger.defaults();
        List<CorpusArticles.Article> articles = CorpusArticles.load();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> perLabel = new TreeMap<>(); // tp, fp, fn
        StringBuilder report = new StringBuilder();
        for (CorpusArticles.Article a : articles) {
            List<TopicTag> tags = tagger.tag(a.title(), a.cleanBody(), a.language());
            Set<String> predicted = new LinkedHashSet<>();
            tags.forEach(t -> predicted.add(t.label()));
            for (String p : predicted) {
                boolean hit = a.topics().contains(p);
                perLabel.computeIfAbsent(p, k -> new int[3])[hit ? 0 : 1]++;
                if (hit) {
                    tp++;
                } else {
                    fp++;
                }
            }
            for (String g : a.topics()) {
                if (!predicted.contains(g)) {
                    fn++;
                    perLabel.computeIfAbsent(g, k -> new int[3])[2]++;
                }
            }
            report.append(String.format(Locale.ROOT, "%s %s gold=%s predicted=%s%n",
                    predicted.equals(a.topics()) ? "  " : "≠ ", a.id(), a.topics(), predicted));
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.print(report);
        perLabel.forEach((label, c) -> System.out.printf(Locale.ROOT, "  %-22s tp=%d fp=%d fn=%d%n",
                label, c[0], c[1], c[2]));
        System.out.printf(Locale.ROOT,
                "Topic corpus (%d articles, taxonomy %s): micro precision=%.3f recall=%.3f F1=%.3f (tp=%d fp=%d fn=%d)%n",
                articles.size(), tagger.taxonomyVersion(), precision, recall, f1, tp, fp, fn);
        assertThat(f1).as("topic micro-F1 over the corpus").isGreaterThanOrEqualTo(0.75);
    }
}
