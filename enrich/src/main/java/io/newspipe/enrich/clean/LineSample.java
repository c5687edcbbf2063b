package io.newspipe.enrich.clean;

/**
 * A line no rule touched, with the features the line model judges it by: what the model is trained on.
 *
 * @param line     the 1-based input line
 * @param text     the line's text, stripped
 * @param features one value per feature of {@link LineFeatures#NAMES}
 */
public record LineSample(int line, String text, double[] features) {
}
