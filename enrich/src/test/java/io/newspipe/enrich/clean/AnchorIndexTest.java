package io.newspipe.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.TestTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The anchor pre-check never hides a match: for every pattern of the bundled packs, wherever it matches a line, one
 * of its anchors starts at or after the match start; and a cleaner with anchors gives exactly what a cleaner that
 * runs every pattern on every line gives.
 */
class AnchorIndexTest {

    private static final List<String> ARTICLES = TestTexts.articles();
    /** Mutated texts the two cleaners are compared on (20,000 were compared once when the anchors came in). */
    private static final int DIFFERENTIAL_TEXTS = Integer.getInteger("newspipe.differential.texts", 4_000);

    @Test
    void mostPatternsOfTheBundledPacksAreAnchored() {
        CompiledRules rules = new CompiledRules(RulePack.bundled());
        long anchored = rules.patterns().stream().filter(p -> p.slot() != AnchoredPattern.UNANCHORED).count();
        assertThat(anchored).isGreaterThanOrEqualTo(rules.patterns().size() * 3L / 4);
    }

    @Test
    void wheneverAPatternMatchesOneOfItsAnchorsIsThere() {
        CompiledRules rules = new CompiledRules(RulePack.bundled());
        List<String> lines = new ArrayList<>();
        for (String text : TestTexts.mutated(ARTICLES, 1_000, 11)) {
            lines.addAll(List.of(text.split("\n")));
        }
        long matches = 0;
        for (String line : lines) {
            int[] starts = rules.anchors.scan(line);
            for (AnchoredPattern p : rules.patterns()) {
                if (p.slot() == AnchoredPattern.UNANCHORED) {
                    continue;
                }
                Matcher m = p.pattern().matcher(line);
                if (m.find()) {
                    matches++;
                    assertThat(starts[p.slot()]).as("%s on %s", p.pattern(), line).isGreaterThanOrEqualTo(m.start());
                }
            }
        }
        assertThat(matches).as("the texts exercise the patterns").isGreaterThan(500);
    }

    @Test
    void whereAPatternNeedsADigitEveryMatchHoldsOne() {
        CompiledRules rules = new CompiledRules(RulePack.bundled());
        List<AnchoredPattern> needDigits = rules.patterns().stream().filter(AnchoredPattern::needsDigit).toList();
        assertThat(needDigits).as("date, time and counter patterns need a digit").isNotEmpty();
        long matches = 0;
        for (String text : TestTexts.mutated(ARTICLES, 1_000, 12)) {
            for (String line : text.split("\n")) {
                for (AnchoredPattern p : needDigits) {
                    Matcher m = p.pattern().matcher(line);
                    while (m.find()) {
                        matches++;
                        assertThat(m.group()).as("%s on %s", p.pattern(), line).containsPattern("\\p{Nd}");
                    }
                }
            }
        }
        assertThat(matches).as("the texts exercise the patterns").isGreaterThan(500);
    }

    @Test
    void anchoredCleanerAgreesWithTheUnanchoredOne() {
        Cleaner anchored = Cleaner.defaults().withoutLineModel();
        Cleaner reference = Cleaner.withoutAnchors(RulePack.bundled());
        List<String> texts = new ArrayList<>(ARTICLES);
        texts.addAll(TestTexts.mutated(ARTICLES, DIFFERENTIAL_TEXTS, 2026));
        int removals = 0;
        for (String text : texts) {
            CleanResult expected = reference.clean(text);
            assertThat(anchored.clean(text)).as(text).isEqualTo(expected);
            removals += expected.removed().size();
        }
        assertThat(removals).as("the texts have boilerplate to remove").isGreaterThan(DIFFERENTIAL_TEXTS);
    }
}
