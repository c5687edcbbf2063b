package io.newspipe.enrich.tag;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelThresholdsTest {

    private static LabelThresholds.Example example(double sport, double health, String... gold) {
        return new LabelThresholds.Example(Map.of("politics", 20.0, "sport", sport, "health", health), Set.of(gold));
    }

    @Test
    void aFurtherLabelsThresholdSitsBetweenTheScoresThatSeparateRightFromWrongTags() {
        List<LabelThresholds.Example> examples = List.of(
                example(12, 0, "politics", "sport"), example(10, 0, "politics", "sport"),
                example(6, 0, "politics"), example(4, 0, "politics"), example(2, 0, "politics"),
                example(0, 0, "sport"));

        LabelThresholds t = LabelThresholds.learn("1", "tax", List.of("politics", "sport", "health"), examples, 1.0);

        assertThat(t.threshold("sport")).isEqualTo(8.0); // halfway between 10 (right) and 6 (wrong)
    }

    @Test
    void aLabelNoTrainingArticleCarriesIsNeverGiven() {
        List<LabelThresholds.Example> examples = List.of(example(3, 9, "politics"), example(0, 0, "sport"));

        LabelThresholds t = LabelThresholds.learn("1", "tax", List.of("politics", "sport", "health"), examples, 1.0);

        assertThat(t.threshold("health")).isNull();
        assertThat(t.silent(List.of("politics", "sport", "health"))).containsExactly("health");
    }

    @Test
    void aLabelWhoseTagsAreMostlyWrongGetsAThresholdAboveEveryScoreSeen() {
        List<LabelThresholds.Example> examples = List.of(
                example(9, 0, "politics"), example(8, 0, "politics", "sport"), example(7, 0, "politics"));

        LabelThresholds t = LabelThresholds.learn("1", "tax", List.of("politics", "sport"), examples, 1.0);

        assertThat(t.threshold("sport")).isGreaterThan(9.0);
    }

    @Test
    void theFileFormatRoundTrips() {
        LabelThresholds t = new LabelThresholds("2", "tax", Map.of("sport", 8.5, "politics", 3.0));

        LabelThresholds read = LabelThresholds.parse(
                new ByteArrayInputStream(t.toJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(read).isEqualTo(t);
    }

    @Test
    void aThresholdThatIsNotANumberIsRefusedWithTheLabelNamed() {
        String json = "{\"version\": \"1\", \"taxonomy\": \"t\", \"thresholds\": {\"sport\": \"high\"}}";

        assertThatThrownBy(() -> LabelThresholds.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sport");
    }

    @Test
    void theTaggerGivesTheBestLabelAndOnlyFurtherLabelsAboveTheirThreshold() {
        TopicTagger base = TopicTagger.defaults().uncalibrated();
        String title = "Timnas menang, menteri kesehatan menonton pertandingan sepak bola";
        String body = "Pertandingan sepak bola itu ditonton menteri kesehatan. Timnas menang dua gol, pelatih puas.";
        Map<String, Double> raw = base.rawScores(title, body, "id");
        double sport = raw.get("sport");
        double health = raw.get("health");
        assertThat(sport).isGreaterThan(health).isGreaterThan(0);

        TopicTagger strict = base.withThresholds(new LabelThresholds("t", "x",
                Map.of("sport", 1.0, "health", health + 1)));
        TopicTagger lenient = base.withThresholds(new LabelThresholds("t", "x",
                Map.of("sport", 1.0, "health", health - 0.5)));

        assertThat(strict.tag(title, body, "id")).extracting(TopicTag::label).containsExactly("sport");
        assertThat(lenient.tag(title, body, "id")).extracting(TopicTag::label).containsExactly("sport", "health");
    }
}
