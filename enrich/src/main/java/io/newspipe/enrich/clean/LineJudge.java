package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * The line model's stage of a cleaning pass, after every rule: each line no rule claimed or cut from is scored
 * (but the first line no rule claimed, which is the headline when the body carries one: a headline is never the
 * model's to remove, nor are story paragraphs, {@link LineFeatures#judged}),
 * and those whose score reaches the model's threshold are claimed, as {@code related} (their text becomes a
 * related headline) or {@code boilerplate}. All lines are scored before any is claimed, so a line's neighbour
 * features say what the rules did, as in the training lines ({@link #samples}).
 */
final class LineJudge {

    /** Scores are reported to three decimals. */
    private static final double SCORE_STEP = 1000;

    private LineJudge() {
    }

    static void judge(CleaningPass pass, LineModel model) {
        int n = pass.size();
        LineFeatures.TitleWords title = LineFeatures.TitleWords.of(pass);
        double[] features = new double[LineFeatures.COUNT];
        double[] probabilities = new double[LineModel.CLASSES.size()];
        List<int[]> claims = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = firstJudged(pass); i < n; i++) {
            if (!LineFeatures.judged(pass, i)) {
                continue;
            }
            LineFeatures.compute(pass, i, title, features);
            model.probabilities(features, probabilities);
            double score = 1 - probabilities[LineModel.BODY];
            if (score >= model.threshold()) {
                boolean related = probabilities[LineModel.RELATED] > probabilities[LineModel.BOILERPLATE];
                claims.add(new int[] {i, related ? 1 : 0});
                scores.add(Math.floor(score * SCORE_STEP) / SCORE_STEP);
            }
        }
        for (int c = 0; c < claims.size(); c++) {
            int i = claims.get(c)[0];
            LineVerdict verdict = claims.get(c)[1] == 1
                    ? LineVerdict.headline(model.ruleId(), "related", pass.stripped(i))
                    : LineVerdict.of(model.ruleId(), "boilerplate");
            pass.claimByModel(i, verdict, scores.get(c));
        }
    }

    /** The first line the model judges: the one after the first line no rule claimed. */
    private static int firstJudged(CleaningPass pass) {
        int first = 0;
        while (first < pass.size() && pass.verdict(first) != null) {
            first++;
        }
        return first + 1;
    }

    /** The lines of a pass that ran without a model that the model would judge (no rule touched them), with their features. */
    static List<LineSample> samples(CleaningPass pass) {
        List<LineSample> out = new ArrayList<>();
        LineFeatures.TitleWords title = LineFeatures.TitleWords.of(pass);
        for (int i = firstJudged(pass); i < pass.size(); i++) {
            if (LineFeatures.judged(pass, i)) {
                double[] features = new double[LineFeatures.COUNT];
                LineFeatures.compute(pass, i, title, features);
                out.add(new LineSample(pass.number(i), pass.stripped(i), features));
            }
        }
        return out;
    }
}
