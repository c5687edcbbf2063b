package io.newspipe.enrich.tag;

import java.util.List;
import java.util.Objects;

/**
 * One topic assigned to an article.
 *
 * @param label    coarse label from the taxonomy, e.g. {@code "politics"}
 * @param iptc     IPTC Media Topic QCode for the label, e.g. {@code "medtop:11000000"}
 * @param score    normalised score in (0, 1), {@code raw / (raw + saturation)}; higher is more confident
 * @param evidence the taxonomy terms that fired, strongest first
 */
public record TopicTag(String label, String iptc, double score, List<String> evidence) {
    public TopicTag {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(iptc, "iptc");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
