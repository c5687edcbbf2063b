package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateHistoryTest {

    @Test
    void shouldTurnReadingsOfATotalIntoRatesPerSecond() {
        RateHistory h = new RateHistory();
        h.add(10_000, 100);
        assertThat(h.rate()).isZero(); // the first reading only sets the base
        h.add(12_000, 150);
        assertThat(h.rate()).isCloseTo(25.0, within(1e-9));
        h.add(14_000, 150);
        assertThat(h.rate()).isZero();
        FlowSnapshot.Hop hop = h.hop("raw-in", "ingest → news.raw", "records/s");
        assertThat(hop.rates()).containsExactly(25.0, 0.0);
        assertThat(hop.times()).containsExactly(12L, 14L);
        assertThat(hop.total()).isEqualTo(150);
    }

    @Test
    void shouldRestartWhenTheTotalGoesDownAndForgetWhatIsOlderThanAnHour() {
        RateHistory h = new RateHistory();
        h.add(0, 1_000);
        h.add(1_000, 1_010);
        h.add(2_000, 5); // a topic deleted and created again
        assertThat(h.hop("x", "x", "x").rates()).containsExactly(10.0);
        h.add(3_000, 15);
        h.add(RateHistory.WINDOW_MILLIS + 2_500, 15);
        assertThat(h.hop("x", "x", "x").times()).containsExactly(3L, RateHistory.WINDOW_MILLIS / 1000 + 2);
    }

    @Test
    void shouldSendAtMostMaxPointsAveraged() {
        RateHistory h = new RateHistory();
        for (int i = 0; i <= 1_000; i++) {
            h.add(i * 1_000L, i * 2L);
        }
        FlowSnapshot.Hop hop = h.hop("x", "x", "x");
        assertThat(hop.rates()).hasSizeLessThanOrEqualTo(RateHistory.MAX_POINTS).allMatch(r -> r == 2.0);
    }

    @Test
    void shouldSumTheKnownCountersOfAPrometheusText() {
        String text = "# HELP newspipe_enrich_records_in_total x\n"
                + "newspipe_enrich_records_in_total{stage=\"enrich\"} 12.0\n"
                + "newspipe_dead_letters_total{stage=\"enrich\",reason=\"processing\"} 2.0\n"
                + "newspipe_dead_letters_total{stage=\"enrich\",reason=\"deserialization\"} 1.0\n"
                + "jvm_threads_live_threads 30.0\n";
        assertThat(StageProbe.counters(text)).isEqualTo("in 12, dead letters 3");
    }
}
