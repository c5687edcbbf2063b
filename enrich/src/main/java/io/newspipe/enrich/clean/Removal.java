package io.newspipe.enrich.clean;

/**
 * One removed span: the rule or model that removed it, what kind of boilerplate it is, and the text.
 *
 * @param rule the id of the rule that removed it
 * @param kind the kind of boilerplate ({@code related}, {@code related-block}, {@code dateline}, {@code credit},
 *             {@code syndication}, {@code ad}, {@code prompt}, {@code page-marker}, {@code caption}, {@code chrome};
 *             the line model says {@code related} or {@code boilerplate})
 * @param text the removed text
 * @param line the 1-based input line it was removed from
 * @param score how sure the line model was that the line is boilerplate (0 to 1) when the rule is the model
 *              ({@code model:<name>@<version>}); null for a hand-written rule
 */
public record Removal(String rule, String kind, String text, int line, Double score) {

    /** A removal by a hand-written rule, which has no score. */
    public Removal(String rule, String kind, String text, int line) {
        this(rule, kind, text, line, null);
    }
}
