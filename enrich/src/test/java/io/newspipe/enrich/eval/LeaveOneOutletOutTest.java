package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.CleanResult;
import io.newspipe.enrich.clean.Removal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leave-one-outlet-out on hand-made corpora with a stand-in enrichment whose rules are one line prefix each, so
 * what fires where is plain to see.
 */
class LeaveOneOutletOutTest {

    /** Removes every line starting with one of the prefixes, under the rule named for it. */
    private record PrefixRules(Map<String, String> ruleByPrefix) implements Enrichment {

        @Override
        public CleanResult clean(String text) {
            String[] lines = text.split("\n", -1);
            List<Removal> removed = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (int n = 1; n <= lines.length; n++) {
                String line = lines[n - 1];
                String rule = ruleByPrefix.entrySet().stream().filter(e -> line.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (rule == null) {
                    kept.add(line);
                } else {
                    removed.add(new Removal(rule, "chrome", line, n));
                }
            }
            return new CleanResult(String.join("\n", kept), removed, List.of(), null, null, null, false, "prefix@1");
        }

        @Override
        public List<String> topics(String title, String cleanBody, String language) {
            return cleanBody.contains("gabah") ? List.of("economy") : List.of("society");
        }
    }

    private static final PrefixRules RULES = new PrefixRules(Map.of("Baca juga:", "wide.related",
            "Ikuti kanal", "narrow.follow", "Rekomendasi mesin:", "model:lines@1"));

    private static AnnotatedArticle article(String id, String outlet, String... lines) {
        Set<Integer> boilerplate = new java.util.HashSet<>();
        for (int n = 2; n <= lines.length; n++) {
            if (!lines[n - 1].endsWith(".")) {
                boilerplate.add(n);
            }
        }
        return new AnnotatedArticle(id, outlet, "id", lines[0], String.join("\n", lines), boilerplate, List.of(),
                List.of(), null, Set.of("economy"));
    }

    /** Four outlets with a related line; outlet a also has a follow prompt only its own rule knows. */
    private static final List<AnnotatedArticle> FOUR_OUTLETS = List.of(
            article("001", "a", "Judul A", "Harga gabah naik.", "Baca juga: Berita Lain A", "Ikuti kanal kami"),
            article("002", "b", "Judul B", "Harga gabah turun.", "Baca juga: Berita Lain B"),
            article("003", "c", "Judul C", "Warga bergotong royong.", "Baca juga: Berita Lain C"),
            article("004", "d", "Judul D", "Harga gabah stabil.", "Baca juga: Berita Lain D"));

    private static Map<String, OutletResult> byOutlet(List<OutletResult> results) {
        return results.stream().collect(Collectors.toMap(OutletResult::outlet, Function.identity()));
    }

    @Test
    void shouldCountARuleOnlyForOutletsWhereItFiresCorrectlyOnTwoOthers() {
        Map<String, OutletResult> r = byOutlet(new LeaveOneOutletOut(FOUR_OUTLETS, training -> RULES).run());

        assertThat(r).containsOnlyKeys("a", "b", "c", "d");
        assertThat(r.get("a").allRules().boilerplateShare()).isEqualTo(1.0);
        assertThat(r.get("a").generalising().boilerplateRemoved()).isEqualTo(1);
        assertThat(r.get("a").generalising().boilerplate()).isEqualTo(2);
        assertThat(r.get("a").removals()).isEqualTo(2);
        assertThat(r.get("a").generalisingRemovals()).isEqualTo(1);
        assertThat(r.get("a").misses()).singleElement().asString().contains("Ikuti kanal kami");
        for (String outlet : List.of("b", "c", "d")) {
            assertThat(r.get(outlet).generalising().boilerplateShare()).as(outlet).isEqualTo(1.0);
        }
    }

    @Test
    void shouldNeedExactlyTwoOtherOutletsNotOne() {
        List<AnnotatedArticle> three = FOUR_OUTLETS.subList(0, 3);
        List<AnnotatedArticle> two = FOUR_OUTLETS.subList(0, 2);

        assertThat(byOutlet(new LeaveOneOutletOut(three, training -> RULES).run()).get("b")
                .generalising().boilerplateShare()).isEqualTo(1.0);
        assertThat(byOutlet(new LeaveOneOutletOut(two, training -> RULES).run()).get("b")
                .generalising().boilerplateShare()).isEqualTo(0.0);
        assertThat(RuleCensus.of(three, a -> RULES.clean(a.text())).narrowRules())
                .isEqualTo(Map.of("narrow.follow", Set.of("a")));
    }

    @Test
    void shouldCreditALearnedPartWithoutTheRuleCheck() {
        List<AnnotatedArticle> corpus = new ArrayList<>(FOUR_OUTLETS);
        corpus.set(0, article("001", "a", "Judul A", "Harga gabah naik.", "Rekomendasi mesin: Berita Lain"));

        OutletResult a = byOutlet(new LeaveOneOutletOut(corpus, training -> RULES).run()).get("a");

        assertThat(a.generalising().boilerplateShare()).isEqualTo(1.0);
        assertThat(a.generalisingRemovals()).isEqualTo(1);
    }

    @Test
    void shouldTrainEachFoldWithoutTheHeldOutOutlet() {
        List<Set<String>> trainedOn = new ArrayList<>();
        new LeaveOneOutletOut(FOUR_OUTLETS, training -> {
            trainedOn.add(training.stream().map(AnnotatedArticle::outlet).collect(Collectors.toSet()));
            return new PrefixRules(RULES.ruleByPrefix());
        }).run();

        assertThat(trainedOn).containsExactly(Set.of("b", "c", "d"), Set.of("a", "c", "d"), Set.of("a", "b", "d"),
                Set.of("a", "b", "c"));
    }

    @Test
    void shouldScoreTopicsPerOutlet() {
        Map<String, OutletResult> r = byOutlet(new LeaveOneOutletOut(FOUR_OUTLETS, training -> RULES).run());

        assertThat(r.get("a").topics().micro()).isEqualTo(new TopicCounts.Label(1, 0, 0));
        assertThat(r.get("c").topics().micro()).isEqualTo(new TopicCounts.Label(0, 1, 1));
    }
}
