package io.newspipe.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.RulePack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where the cleaner's time goes, per rule family: the CPU time per article of the cleaner with every bundled rule,
 * and of the same cleaner without the rules of one family (rule type), measured in turn in several rounds on this
 * thread; a family's cost is the median over the rounds of the difference. Families share work (the anchor scan of
 * a line, a line one family claims and another then skips), so the costs do not add up to the whole exactly: they
 * say which family to make faster first.
 */
final class FamilyCosts {

    private static final int ROUNDS = 5;

    private final List<String> bodies;
    private final double secondsPerSet;

    FamilyCosts(List<String> bodies, double secondsPerSet) {
        this.bodies = bodies;
        this.secondsPerSet = secondsPerSet;
    }

    /** Every rule type the bundled packs hold, in name order. */
    static List<String> families(List<RulePack> packs) {
        TreeSet<String> types = new TreeSet<>();
        packs.forEach(pack -> pack.rules().forEach(rule -> types.add(rule.type())));
        return List.copyOf(types);
    }

    /** The bundled packs without the rules of {@code family}. */
    static List<RulePack> without(List<RulePack> packs, String family) {
        return packs.stream().map(pack -> pack.keeping(rule -> !rule.type().equals(family))).toList();
    }

    /**
     * {@code clean_cpu_us_per_article}: the whole cleaner; {@code families}: per family, its cost in microseconds of
     * CPU per article and its share of the whole.
     */
    ObjectNode measure() {
        List<RulePack> packs = RulePack.bundled();
        List<String> families = families(packs);
        Cleaner whole = Cleaner.fromPacks(packs);
        Map<String, Cleaner> withoutFamily = new LinkedHashMap<>();
        families.forEach(family -> withoutFamily.put(family, Cleaner.fromPacks(without(packs, family))));
        withoutFamily.values().forEach(cleaner -> cpuMicrosPerArticle(cleaner, 0.5)); // warm-up of each
        double[] wholeRounds = new double[ROUNDS];
        Map<String, double[]> savedRounds = new LinkedHashMap<>();
        families.forEach(family -> savedRounds.put(family, new double[ROUNDS]));
        for (int round = 0; round < ROUNDS; round++) {
            wholeRounds[round] = cpuMicrosPerArticle(whole, secondsPerSet);
            for (String family : families) {
                savedRounds.get(family)[round] = wholeRounds[round]
                        - cpuMicrosPerArticle(withoutFamily.get(family), secondsPerSet);
            }
        }
        double wholeCost = median(wholeRounds);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("clean_cpu_us_per_article", round1(wholeCost));
        ObjectNode perFamily = out.putObject("families");
        List<Map.Entry<String, Double>> costs = new ArrayList<>();
        savedRounds.forEach((family, saved) -> costs.add(Map.entry(family, median(saved))));
        costs.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        for (Map.Entry<String, Double> cost : costs) {
            ObjectNode family = perFamily.putObject(cost.getKey());
            family.put("cpu_us_per_article", round1(cost.getValue()));
            family.put("share", Math.round(cost.getValue() / wholeCost * 1000) / 1000.0);
        }
        return out;
    }

    private double cpuMicrosPerArticle(Cleaner cleaner, double seconds) {
        return CleanBench.cpuMillisPerItem(bodies, seconds, cleaner::clean) * 1000;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
