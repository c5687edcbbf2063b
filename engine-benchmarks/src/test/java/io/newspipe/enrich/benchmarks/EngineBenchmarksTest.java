package io.newspipe.enrich.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A smoke run: every benchmark once on the sample corpus, so a broken benchmark fails the build, not JMH later. */
class EngineBenchmarksTest {

    private static EngineBenchmarks atFirstArticle() {
        EngineBenchmarks benchmarks = new EngineBenchmarks();
        benchmarks.articles = "../samples/corpus";
        benchmarks.load();
        return benchmarks;
    }

    @Test
    void everyStepRunsAndTheWholeGivesWhatTheStepsGive() {
        EngineBenchmarks.Enrichment whole = atFirstArticle().whole();
        assertThat(atFirstArticle().clean().body()).isNotBlank();
        assertThat(atFirstArticle().cleanWithoutAnchors()).isEqualTo(atFirstArticle().clean());
        assertThat(atFirstArticle().language()).isEqualTo(whole.language());
        assertThat(atFirstArticle().fingerprints()).isEqualTo(whole.fingerprints());
        if (whole.language().equals("id")) {
            assertThat(atFirstArticle().tag()).isEqualTo(whole.tags());
        }
    }

    @Test
    void theCleanerWithoutAFamilyRunsAndWithoutNoneIsTheWholeCleaner() {
        FamilyBenchmarks withoutNone = new FamilyBenchmarks();
        withoutNone.articles = "../samples/corpus";
        withoutNone.withoutFamily = "none";
        withoutNone.load();
        FamilyBenchmarks withoutRelated = new FamilyBenchmarks();
        withoutRelated.articles = "../samples/corpus";
        withoutRelated.withoutFamily = "related";
        withoutRelated.load();
        assertThat(withoutNone.clean()).isEqualTo(atFirstArticle().clean());
        assertThat(withoutRelated.clean().body()).isNotBlank();
    }
}
