package io.newspipe.enrich.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapTest {

    private static OutletResult outlet(String name, int relatedItems, int relatedRemoved) {
        CleaningCounts c = new CleaningCounts(relatedItems, relatedRemoved, relatedItems, relatedRemoved, 10, 10, 0, 0);
        return new OutletResult(name, "id", List.of(name), c, c, TopicCounts.of(List.of("sport"), java.util.Set.of("sport")),
                relatedItems, relatedRemoved, 0, List.of());
    }

    @Test
    void shouldCollapseToTheValueWhenEveryOutletIsAlike() {
        List<OutletResult> same = List.of(outlet("a", 4, 3), outlet("b", 4, 3), outlet("c", 4, 3));

        Bootstrap.Interval ci = Bootstrap.intervals(same, 500, 7).get(Metric.RELATED_REMOVED);

        assertThat(ci.low()).isEqualTo(0.75);
        assertThat(ci.high()).isEqualTo(0.75);
    }

    @Test
    void shouldSpanTheOutletsWhenTheyDiffer() {
        List<OutletResult> mixed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mixed.add(outlet("o" + i, 5, i % 2 == 0 ? 5 : 1));
        }

        Map<Metric, Bootstrap.Interval> ci = Bootstrap.intervals(mixed, 2000, 7);

        assertThat(ci.get(Metric.RELATED_REMOVED).low()).isBetween(0.35, 0.6);
        assertThat(ci.get(Metric.RELATED_REMOVED).high()).isBetween(0.6, 0.85);
        assertThat(ci.get(Metric.BODY_KEPT).low()).isEqualTo(1.0);
        assertThat(Bootstrap.intervals(mixed, 2000, 7)).isEqualTo(ci);
    }

    @Test
    void shouldRefuseFewerThanOneResample() {
        assertThatThrownBy(() -> Bootstrap.intervals(List.of(outlet("a", 1, 1)), 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resamples");
    }
}
