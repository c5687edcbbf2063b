package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.LineFeatures;
import io.newspipe.enrich.clean.LineModel;
import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The line model's training: deterministic, and its weights score lines as Tribuo's own model does. */
class LineModelTrainerTest {

    private static final List<AnnotatedArticle> TRAINING = CorpusFolder.firstPart();

    @Test
    void theSameArticlesGiveTheSameModel() {
        String once = LineModelTrainer.defaults().model(TRAINING, "test").toJson();
        String twice = LineModelTrainer.defaults().model(TRAINING, "test").toJson();

        assertThat(twice).isEqualTo(once);
    }

    @Test
    void theWeightsReadOutOfTribuoScoreLinesAsTribuoDoes() {
        LineModelTrainer trainer = LineModelTrainer.defaults();
        List<AnnotatedArticle> all = CorpusFolder.all();
        LinearSGDModel tribuo = trainer.tribuo(all);
        LineModel model = trainer.model(all, "test");
        String[] names = LineFeatures.NAMES.toArray(new String[0]);
        double[] ours = new double[LineModel.CLASSES.size()];
        int compared = 0;
        for (AnnotatedArticle a : CorpusFolder.laterPart().subList(0, 20)) {
            for (LineModelTrainer.Labelled line : trainer.lines(a)) {
                Prediction<Label> theirs = tribuo.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names,
                        line.features()));
                model.probabilities(line.features(), ours);
                for (int c = 0; c < LineModel.CLASSES.size(); c++) {
                    Label score = theirs.getOutputScores().get(LineModel.CLASSES.get(c));
                    assertThat(ours[c]).as("P(%s)", LineModel.CLASSES.get(c))
                            .isCloseTo(score == null ? 0 : score.getScore(), within(1e-4));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }
}
