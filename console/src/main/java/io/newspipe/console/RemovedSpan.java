package io.newspipe.console;

/**
 * One span the cleaner took out of an article, as the sink stored it in the {@code removed} column.
 *
 * @param rule the rule id, e.g. {@code id.related.baca-juga}
 * @param kind the kind of boilerplate, e.g. {@code related}, {@code dateline}, {@code credit}
 * @param text the removed text
 * @param line the 1-based line of the input it was removed from
 */
public record RemovedSpan(String rule, String kind, String text, int line) {
}
