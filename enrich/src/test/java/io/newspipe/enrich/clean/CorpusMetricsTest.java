package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Enforces the corpus thresholds of issue 3 and prints the figures. */
class CorpusMetricsTest {

    @Test
    void corpusFiguresMeetTheThresholds() {
        CorpusMetrics m = CorpusMetrics.measure(Cleaner.defaults(), Corpus.all());
        System.out.println("=== corpus metrics (" + Corpus.all().size() + " articles, rule packs "
                + Cleaner.defaults().rulePackVersion() + ") ===");
        System.out.println(m.summary());
        m.misses.forEach(x -> System.out.println("  - " + x));

        assertThat(m.relatedShare()).as("share of related-article lines removed").isEqualTo(1.0);
        assertThat(m.boilerplateShare()).as("share of annotated boilerplate removed").isGreaterThanOrEqualTo(0.90);
        assertThat(m.bodyShare()).as("share of real body lines kept").isGreaterThanOrEqualTo(0.995);
        assertThat(m.headlineShare()).as("share of related headlines found").isGreaterThanOrEqualTo(0.95);
    }
}
