package io.newspipe.enrich.clean;

import io.newspipe.enrich.eval.AnnotatedArticle;
import io.newspipe.enrich.eval.CleaningCounts;
import io.newspipe.enrich.eval.CleaningScorer;
import io.newspipe.enrich.eval.CorpusFolder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floors for the corpus figures ({@link CleaningScorer}, every removal credited), measured separately on the
 * articles the rule packs were first written on (001–037) and on the articles added later from other outlets
 * (038 onwards). Each floor sits a little below what today's rule packs reach, so a change that loses ground
 * fails here; raise them as the cleaner improves.
 */
class CorpusMetricsTest {

    /** The least each share may be, on one part of the corpus. */
    private record Floors(double related, double boilerplate, double body, double headlines) {
    }

    // measured with rule packs id@1.7.0+en@1.4.0+markup@1.0.0 and line model lines@1.2.1: first part 1.000,
    // 0.974, 1.000, 1.000; later part (038-202) 0.973, 0.825, 1.000, 0.932 (related lines, boilerplate, body,
    // headlines)
    private static final Floors FIRST_PART = new Floors(0.97, 0.96, 0.996, 0.97);
    private static final Floors LATER_PART = new Floors(0.95, 0.80, 0.995, 0.91);

    @Test
    void firstPartFiguresStayAboveTheirFloors() {
        assertFloors(measure("first part, 001-037", CorpusFolder.firstPart()), FIRST_PART);
    }

    @Test
    void laterPartFiguresStayAboveTheirFloors() {
        assertFloors(measure("later part, 038 onwards", CorpusFolder.laterPart()), LATER_PART);
    }

    private static void assertFloors(CleaningCounts m, Floors floors) {
        assertThat(m.relatedShare()).as("share of related-article lines removed").isGreaterThanOrEqualTo(floors.related());
        assertThat(m.boilerplateShare()).as("share of annotated boilerplate removed")
                .isGreaterThanOrEqualTo(floors.boilerplate());
        assertThat(m.bodyShare()).as("share of real body lines kept").isGreaterThanOrEqualTo(floors.body());
        assertThat(m.headlineShare()).as("share of related headlines found").isGreaterThanOrEqualTo(floors.headlines());
    }

    private static CleaningCounts measure(String part, List<AnnotatedArticle> articles) {
        Cleaner cleaner = Cleaner.defaults();
        List<String> misses = new ArrayList<>();
        CleaningCounts m = CleaningCounts.ZERO;
        for (AnnotatedArticle a : articles) {
            m = m.plus(CleaningScorer.score(a, cleaner.clean(a.text()), misses::add));
        }
        System.out.printf(Locale.ROOT, "=== corpus metrics, %s (%d articles, rule packs %s) ===%n"
                        + "related-article lines removed: %d/%d = %.4f%n"
                        + "annotated boilerplate removed (lines + inline fragments): %d/%d = %.4f%n"
                        + "real body lines kept: %d/%d = %.4f%nrelated headlines found: %d/%d = %.4f%n",
                part, articles.size(), cleaner.rulePackVersion(), m.relatedRemoved(), m.relatedItems(),
                m.relatedShare(), m.boilerplateRemoved(), m.boilerplate(), m.boilerplateShare(), m.bodyKept(),
                m.bodyLines(), m.bodyShare(), m.headlinesFound(), m.headlines(), m.headlineShare());
        misses.forEach(x -> System.out.println("  - " + x));
        return m;
    }
}
