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
 * removed) and is scored against the gold {@code topics} with micro-averaged precision, recall and F1, separately
 * on the articles it was first tuned on (001–037) and on the articles added later (038 onwards). Each floor sits a
 * little below what today's tagger reaches.
 */
class TopicCorpusTest {

    // measured with taxonomy 2026.11.0: first part precision 0.794, recall 0.900, F1 0.844;
    // later part precision 0.559, recall 0.810, F1 0.661
    @Test
    void firstPartStaysAboveItsFloors() {
        assertFloors(score("first part, 001-037", CorpusArticles.firstPart()), 0.82, 0.77);
    }

    @Test
    void laterPartStaysAboveItsFloors() {
        assertFloors(score("later part, 038 onwards", CorpusArticles.laterPart()), 0.64, 0.54);
    }

    private static void assertFloors(Score s, double f1Floor, double precisionFloor) {
        assertThat(s.f1()).as("topic micro-F1").isGreaterThanOrEqualTo(f1Floor);
        assertThat(s.precision()).as("topic micro precision").isGreaterThanOrEqualTo(precisionFloor);
    }

    /** Micro-averaged figures over a set of articles. */
    private record Score(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private static Score score(String part, List<CorpusArticles.Article> articles) {
        TopicTagger tagger = TopicTagger.defaults();
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
        Score s = new Score(tp, fp, fn);
        System.out.print(report);
        perLabel.forEach((label, c) -> System.out.printf(Locale.ROOT, "  %-22s tp=%d fp=%d fn=%d%n",
                label, c[0], c[1], c[2]));
        System.out.printf(Locale.ROOT,
                "Topic corpus, %s (%d articles, taxonomy %s): micro precision=%.3f recall=%.3f F1=%.3f (tp=%d fp=%d fn=%d)%n",
                part, articles.size(), tagger.taxonomyVersion(), s.precision(), s.recall(), s.f1(), tp, fp, fn);
        return s;
    }
}
