package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The line model's file, its scores and the features it reads. */
class LineModelTest {

    @Test
    void theBundledModelReadsBackAsItsOwnFile() throws IOException {
        LineModel bundled = LineModel.bundled();
        LineModel again = LineModel.parse(new ByteArrayInputStream(bundled.toJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(again.toJson()).isEqualTo(bundled.toJson());
        assertThat(bundled.stamp()).isEqualTo("lines@" + bundled.version());
        assertThat(bundled.ruleId()).isEqualTo("model:" + bundled.stamp());
        assertThat(bundled.threshold()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aModelNamingAFeatureThisCodeDoesNotComputeIsRefused() {
        String json = LineModel.bundled().toJson().replace("\"length.words\"", "\"outlet.name\"");

        assertThatThrownBy(() -> LineModel.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown feature 'outlet.name'");
    }

    @Test
    void everyFeatureHasOneNameAndEveryValueLiesBetweenZeroAndOne() {
        assertThat(new HashSet<>(LineFeatures.NAMES)).hasSize(LineFeatures.COUNT);
        double[] probabilities = new double[LineModel.CLASSES.size()];
        Cleaner rules = Cleaner.defaults().withoutLineModel();
        int lines = 0;
        for (Corpus.Article a : Corpus.all()) {
            for (LineSample s : rules.untouchedLines(a.text())) {
                assertThat(s.features()).hasSize(LineFeatures.COUNT);
                for (double value : s.features()) {
                    assertThat(value).as("a feature of %s line %d", a.id(), s.line()).isBetween(0.0, 1.0);
                }
                LineModel.bundled().probabilities(s.features(), probabilities);
                assertThat(probabilities[0] + probabilities[1] + probabilities[2]).isCloseTo(1.0, within(1e-9));
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(500);
    }
}
