package io.newspipe.enrich.eval;

import io.newspipe.enrich.tag.LabelThresholds;
import io.newspipe.enrich.tag.TopicTagger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled topic thresholds are what learning on the whole corpus gives today, so a change to the taxonomy or
 * the corpus cannot leave them stale. To remake the file after such a change, run this class's {@link #main} with
 * the path of {@code enrich/src/main/resources/taxonomy/thresholds.json} (and raise its version).
 */
class BundledThresholdsTest {

    @Test
    void bundledThresholdsAreTheOnesLearnedOnTheWholeCorpus() throws IOException {
        LabelThresholds bundled;
        try (InputStream in = getClass().getResourceAsStream(LabelThresholds.DEFAULT_RESOURCE)) {
            bundled = LabelThresholds.parse(in);
        }
        LabelThresholds learned = CalibratedTopicsTrainer.defaults().thresholds(CorpusFolder.all(), bundled.version());

        assertThat(bundled.taxonomy()).isEqualTo(TopicTagger.defaults().uncalibrated().taxonomyVersion());
        assertThat(bundled.byLabel()).isEqualTo(learned.byLabel());
        assertThat(TopicTagger.defaults().taxonomyVersion()).endsWith("+thresholds@" + bundled.version());
    }

    /** Writes the thresholds learned on the corpus to {@code args[1]}, under the version {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        String json = CalibratedTopicsTrainer.defaults().thresholds(CorpusFolder.all(), args[0]).toJson();
        Files.writeString(Path.of(args[1]), json);
    }
}
