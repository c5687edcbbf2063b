package io.newspipe.enrich.clean;

/**
 * One removed span.
 *
 * @param rule the id of the rule that removed it
 * @param kind the kind of boilerplate ({@code related}, {@code related-block}, {@code dateline}, {@code credit},
 *             {@code syndication}, {@code ad}, {@code prompt}, {@code page-marker}, {@code caption}, {@code chrome})
 * @param text the removed text
 * @param line the 1-based input line it was removed from
 */
public record Removal(String rule, String kind, String text, int line) {
}
