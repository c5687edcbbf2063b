package io.newspipe.enrich.clean;

/**
 * The compiled rules of one rule type of the packs (a family). A pass asks every family, in the packs'
 * precedence, to {@linkplain #claim claim} each line whole, then lets the families {@linkplain #cut cut}
 * fragments out of the lines nobody claimed. Families with work of their own between those stages (neighbour
 * lines, end blocks, datelines) expose it to {@link CleaningPass}, which runs the stages in a fixed order.
 *
 * <p>A family compiles its patterns through the {@link AnchorIndex} and may remember, per line, tests already known
 * to fail, in slots it takes from {@link FailureMemos} while it compiles.
 */
interface RuleFamily {

    /** The rule type of the packs this family compiles, e.g. {@code line}. */
    String type();

    /** Compiles one enabled rule of this type. */
    void add(RulePack.Rule rule);

    /** Claims line {@code i} whole, or returns null. */
    default LineVerdict claim(CleaningPass pass, int i) {
        return null;
    }

    /** Cuts fragments from line {@code i}, which no family claimed. */
    default void cut(CleaningPass pass, int i) {
    }
}
