package io.newspipe.enrich.clean;

/**
 * A whole line claimed by a rule.
 *
 * @param rule       the rule id
 * @param kind       the kind of boilerplate
 * @param headline   a related headline the line carries, or null
 * @param labelOnly  a label alone on its line: the headline may be on the next line
 * @param endLabel   the header of an end block, still to be confirmed near the end
 * @param fallback   what the line is if the end block is not confirmed, or null
 * @param neighbours the line rule whose neighbour settings apply, or null
 * @param pageMarker the line says the article continues on another page
 * @param credit     the line's text is a credit line
 */
record LineVerdict(String rule, String kind, String headline, boolean labelOnly, boolean endLabel,
                   LineVerdict fallback, LineRules.Rule neighbours, boolean pageMarker, boolean credit) {

    static LineVerdict of(String rule, String kind) {
        return new LineVerdict(rule, kind, null, false, false, null, null, false, false);
    }

    static LineVerdict headline(String rule, String kind, String headline) {
        return new LineVerdict(rule, kind, headline, false, false, null, null, false, false);
    }

    static LineVerdict label(String rule, String kind) {
        return new LineVerdict(rule, kind, null, true, false, null, null, false, false);
    }
}
