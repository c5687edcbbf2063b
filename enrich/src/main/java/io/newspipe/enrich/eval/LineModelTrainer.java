package io.newspipe.enrich.eval;

import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.LineFeatures;
import io.newspipe.enrich.clean.LineModel;
import io.newspipe.enrich.clean.LineSample;
import io.newspipe.enrich.clean.Text;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trains the cleaner's line classifier ({@link LineModel}) on annotated articles with Tribuo's logistic regression
 * (multinomial, trained by stochastic gradient descent with AdaGrad, a fixed seed and a fixed number of epochs, so
 * the same articles always give the same weights). The training lines are those the rules leave untouched in
 * their first pass ({@link Cleaner#untouchedLines}), labelled by the annotation: {@code related} when an annotated
 * boilerplate line names an annotated related headline, {@code boilerplate} for the other boilerplate lines,
 * {@code body} for the rest (a body line with a glued fragment is body: removing it whole would eat the story).
 *
 * <p>As an {@link EnrichmentTrainer} it builds each fold of leave-one-outlet-out from the training outlets only:
 * a model trained on their lines, with the topic thresholds learned on them ({@link CalibratedTopicsTrainer}). The
 * bundled model is the same training on the whole corpus ({@code BundledLineModelTest} checks it is not stale).
 */
public final class LineModelTrainer implements EnrichmentTrainer {

    /** The score a line must reach to be removed (the probability that it is not body text). */
    public static final double THRESHOLD = 0.93;
    static final int EPOCHS = 25;
    static final long SEED = 20261202L;
    private static final double LEARNING_RATE = 0.5;
    private static final double ROUNDING = 1e6;
    /** The bias of a class no training line had: its probability is nil. */
    private static final double ABSENT_CLASS_BIAS = -30;
    /** Tribuo reports each training at INFO; a fold's training is not news. */
    private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOGGER.setLevel(Level.WARNING);
    }

    private final Cleaner rules;
    private final CalibratedTopicsTrainer topics;
    private final double threshold;
    private final Map<String, List<Labelled>> linesByArticle = new ConcurrentHashMap<>();

    /** One training line: its class and features. */
    record Labelled(String label, double[] features) {
    }

    LineModelTrainer(Cleaner rules, CalibratedTopicsTrainer topics, double threshold) {
        this.rules = rules.withoutLineModel();
        this.topics = topics;
        this.threshold = threshold;
    }

    /** The trainer over the bundled rule packs and taxonomy. */
    public static LineModelTrainer defaults() {
        return new LineModelTrainer(Cleaner.defaults(), CalibratedTopicsTrainer.defaults(), THRESHOLD);
    }

    @Override
    public Enrichment train(List<AnnotatedArticle> training) {
        return new HandWrittenEnrichment(rules.withLineModel(model(training, "fold")), topics.tagger(training));
    }

    /** The model trained on these articles' lines, under the given version. */
    public LineModel model(List<AnnotatedArticle> training, String version) {
        MutableDataset<Label> data = dataset(training);
        if (data.size() == 0) {
            return neverRemoves(version);
        }
        return fromTribuo(tribuo(data), version, training.size(), data.size());
    }

    /** With no line to learn from, a model whose every line is body. */
    private LineModel neverRemoves(String version) {
        double[] biases = new double[LineModel.CLASSES.size()];
        java.util.Arrays.fill(biases, ABSENT_CLASS_BIAS);
        biases[0] = 0;
        return new LineModel("lines", version, "no training lines: every line is body", threshold,
                new double[LineModel.CLASSES.size()][LineFeatures.COUNT], biases);
    }

    /** Tribuo's model trained on these articles' lines, as it is before its weights are read out. */
    LinearSGDModel tribuo(List<AnnotatedArticle> training) {
        return tribuo(dataset(training));
    }

    private static LinearSGDModel tribuo(MutableDataset<Label> data) {
        // a new trainer each time: a trainer's random state moves on with every training
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), EPOCHS,
                -1, 1, SEED);
        return trainer.train(data);
    }

    private MutableDataset<Label> dataset(List<AnnotatedArticle> training) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("lines no rule touched in annotated articles", factory), factory);
        String[] names = LineFeatures.NAMES.toArray(new String[0]);
        for (AnnotatedArticle a : training) {
            for (Labelled line : lines(a)) {
                data.add(new ArrayExample<>(new Label(line.label()), names, line.features()));
            }
        }
        return data;
    }

    /** The training lines of one article, labelled; computed once per article. */
    List<Labelled> lines(AnnotatedArticle a) {
        return linesByArticle.computeIfAbsent(a.id(), k -> {
            List<String> headlines = a.relatedHeadlines().stream().map(Text::norm).filter(h -> !h.isEmpty()).toList();
            return rules.untouchedLines(a.text()).stream().map(s -> new Labelled(label(a, s, headlines),
                    s.features())).toList();
        });
    }

    private static String label(AnnotatedArticle a, LineSample s, List<String> headlines) {
        if (!a.boilerplateLines().contains(s.line())) {
            return "body";
        }
        String text = Text.norm(s.text());
        return headlines.stream().anyMatch(text::contains) ? "related" : "boilerplate";
    }

    /** Tribuo's weights (one row per class, the bias in the last column) as a {@link LineModel}, rounded. */
    private LineModel fromTribuo(LinearSGDModel trained, String version, int articles, int lines) {
        DenseMatrix matrix = trained.getWeightsCopy();
        ImmutableFeatureMap featureIds = trained.getFeatureIDMap();
        ImmutableOutputInfo<Label> classIds = trained.getOutputIDInfo();
        int biasColumn = featureIds.size();
        double[][] weights = new double[LineModel.CLASSES.size()][LineFeatures.COUNT];
        double[] biases = new double[LineModel.CLASSES.size()];
        for (int c = 0; c < LineModel.CLASSES.size(); c++) {
            int row = classIds.getID(new Label(LineModel.CLASSES.get(c)));
            if (row < 0) {
                biases[c] = ABSENT_CLASS_BIAS;
                continue;
            }
            biases[c] = round(matrix.get(row, biasColumn));
            for (int f = 0; f < LineFeatures.COUNT; f++) {
                int column = featureIds.getID(LineFeatures.NAMES.get(f));
                weights[c][f] = column < 0 ? 0 : round(matrix.get(row, column));
            }
        }
        String description = "Multinomial logistic regression (Tribuo LinearSGDTrainer, LogMulticlass, AdaGrad "
                + LEARNING_RATE + ", " + EPOCHS + " epochs, seed " + SEED + ") on the " + lines
                + " lines no rule touched in " + articles + " annotated articles";
        return new LineModel("lines", version, description, threshold, weights, biases);
    }

    private static double round(double value) {
        return Math.rint(value * ROUNDING) / ROUNDING;
    }

    /** The versions evaluated. */
    public String versions() {
        return topics.versions() + ", line model learned per fold (threshold " + threshold + ")";
    }
}
