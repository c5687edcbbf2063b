package io.newspipe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.RulePack;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyCostsTest {

    private static final String BODY = String.join("\n",
            "JAKARTA - Pemerintah kota membuka tiga taman baru di kawasan utara pada pekan ini untuk warga.",
            "Baca juga: Warga Menanam Seribu Pohon di Bantaran Sungai",
            "Taman itu dibuka setiap hari dari pagi sampai malam dan tidak memungut biaya masuk dari pengunjung.");

    @Test
    void familiesAreTheRuleTypesOfTheBundledPacks() {
        List<String> families = FamilyCosts.families(RulePack.bundled());
        assertThat(families).contains("line", "related", "dateline", "markup").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aCleanerWithoutAFamilyLeavesWhatOnlyThatFamilyRemoves() {
        List<RulePack> packs = RulePack.bundled();
        List<RulePack> withoutRelated = FamilyCosts.without(packs, "related");
        assertThat(withoutRelated).allSatisfy(pack -> assertThat(pack.rules()).noneMatch(r -> r.type().equals("related")));
        assertThat(withoutRelated.stream().mapToInt(pack -> pack.rules().size()).sum())
                .isEqualTo(packs.stream().mapToLong(pack -> pack.rules().stream()
                        .filter(r -> !r.type().equals("related")).count()).sum());
        assertThat(Cleaner.fromPacks(packs).clean(BODY).body()).doesNotContain("Baca juga");
        assertThat(Cleaner.fromPacks(withoutRelated).clean(BODY).body()).contains("Baca juga");
    }

    @Test
    void measuresTheWholeAndEveryFamily() {
        ObjectNode costs = new FamilyCosts(List.of(BODY), 0.01).measure();
        assertThat(costs.get("clean_cpu_us_per_article").asDouble()).isPositive();
        List<String> measured = new java.util.ArrayList<>();
        costs.get("families").fieldNames().forEachRemaining(measured::add);
        assertThat(measured).containsExactlyInAnyOrderElementsOf(FamilyCosts.families(RulePack.bundled()));
    }
}
