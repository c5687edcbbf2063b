package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.LineModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled line model is what training on the whole corpus gives today, so a change to the rules, the features
 * or the corpus cannot leave it stale. To remake the file after such a change, run this class's {@link #main} with
 * a new version and the path of {@code enrich/src/main/resources/models/lines.json}, e.g. from the project folder
 * (after {@code mvn -pl enrich -am test-compile}):
 * {@code mvn -pl enrich exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.newspipe.enrich.eval.BundledLineModelTest
 * -Dexec.args="1.0.1 enrich/src/main/resources/models/lines.json"}; then regenerate the golden files.
 */
class BundledLineModelTest {

    @Test
    void bundledLineModelIsTheOneTrainedOnTheWholeCorpus() throws IOException {
        String bundled;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(LineModel.DEFAULT_RESOURCE)) {
            assertThat(in).as("bundled %s", LineModel.DEFAULT_RESOURCE).isNotNull();
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String version = LineModel.bundled().version();
        String trained = LineModelTrainer.defaults().model(CorpusFolder.all(), version).toJson();

        assertThat(bundled).as("models/lines.json is stale: retrain it as this class's Javadoc says")
                .isEqualTo(trained);
    }

    /** Writes the model trained on the whole corpus to {@code args[1]}, under the version {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), LineModelTrainer.defaults().model(CorpusFolder.all(), args[0]).toJson());
    }
}
