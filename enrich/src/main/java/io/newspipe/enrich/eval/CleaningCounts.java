package io.newspipe.enrich.eval;

/**
 * What the cleaner got right on some articles, as counts that add up across articles and outlets.
 *
 * @param relatedItems       annotated boilerplate lines and fragments that name a related headline
 * @param relatedRemoved     of those, the ones removed
 * @param boilerplate        annotated boilerplate lines and fragments
 * @param boilerplateRemoved of those, the ones removed
 * @param bodyLines          real body lines (not blank, not boilerplate, not only the dateline)
 * @param bodyKept           of those, the ones kept whole
 * @param headlines          annotated related headlines
 * @param headlinesFound     of those, the ones the cleaner extracted
 */
public record CleaningCounts(int relatedItems, int relatedRemoved, int boilerplate, int boilerplateRemoved,
                             int bodyLines, int bodyKept, int headlines, int headlinesFound) {

    public static final CleaningCounts ZERO = new CleaningCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public CleaningCounts plus(CleaningCounts o) {
        return new CleaningCounts(relatedItems + o.relatedItems, relatedRemoved + o.relatedRemoved,
                boilerplate + o.boilerplate, boilerplateRemoved + o.boilerplateRemoved, bodyLines + o.bodyLines,
                bodyKept + o.bodyKept, headlines + o.headlines, headlinesFound + o.headlinesFound);
    }

    /** Share of related-article lines removed; 1 when there were none. */
    public double relatedShare() {
        return share(relatedRemoved, relatedItems);
    }

    /** Share of all annotated boilerplate (lines and fragments) removed; 1 when there was none. */
    public double boilerplateShare() {
        return share(boilerplateRemoved, boilerplate);
    }

    /** Share of real body lines kept; 1 when there were none. */
    public double bodyShare() {
        return share(bodyKept, bodyLines);
    }

    /** Share of related headlines extracted; 1 when there were none. */
    public double headlineShare() {
        return share(headlinesFound, headlines);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
