package io.newspipe.enrich.clean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code header-label}: the short lines between the headline and the first story paragraph whose every word is
 * capitalised (or a function word of the packs' vocabulary): a byline name without its label, a kicker, a section
 * or widget label, the title of a photo; and there the short items after a bullet of the pack's {@code bullets}
 * (menus, source and author chips), whatever their case. With {@code minStripWords}, a header line at least that
 * long that is capitalised throughout and ends no sentence is a strip of other stories' headlines run together
 * (a ticker, an unlabelled related strip): a deck is written as sentences. A story's own lines that short stand
 * below its first
 * paragraph (sub-headings, lists), so only the page header is searched, and a page without a story paragraph is left
 * alone.
 */
final class HeaderLabels implements Heuristic {

    /** A capitalised word: a capital letter, then letters and the dots, apostrophes and hyphens of names. */
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}.'’-]{0,24}");
    /** The least share of capitalised words of a strip of headlines. */
    private static final double STRIP_TITLE_CASE = 0.9;

    private final String id;
    private final String kind;
    private final int minWords;
    private final int maxWords;
    private final int paragraphWords;
    private final List<String> bullets;
    private final int minStripWords;

    HeaderLabels(RulePack.Rule rule) {
        id = rule.id();
        kind = rule.kind();
        minWords = rule.integer("minWords", 2);
        maxWords = rule.integer("maxWords", 4);
        paragraphWords = rule.integer("paragraphWords", 15);
        bullets = rule.list("bullets");
        minStripWords = rule.integer("minStripWords", 0);
    }

    @Override
    public void run(CleaningPass pass) {
        int first = firstParagraph(pass);
        for (int i = 1; i < first; i++) {
            if (pass.verdict(i) == null && (isLabel(pass, i) || isStrip(pass, i))) {
                pass.claim(i, LineVerdict.of(id, kind));
            }
        }
    }

    /** The index of the first story paragraph (a sentence of at least {@code paragraphWords} words), or 0. */
    private int firstParagraph(CleaningPass pass) {
        for (int i = 1; i < pass.size(); i++) {
            if (Text.endsSentence(pass.stripped(i)) && pass.words(i, paragraphWords) >= paragraphWords) {
                return i;
            }
        }
        return 0;
    }

    /** Headlines run together: a long header line, capitalised throughout, that ends no sentence. */
    private boolean isStrip(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        return minStripWords > 0 && pass.words(i, minStripWords) >= minStripWords && !Text.endsSentence(s)
                && pass.vocabulary().titleCaseShare(s) >= STRIP_TITLE_CASE;
    }

    private boolean isLabel(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (String bullet : bullets) {
            if (s.startsWith(bullet)) {
                String item = s.substring(bullet.length()).strip();
                return !item.isEmpty() && Text.words(item, maxWords + 1) <= maxWords;
            }
        }
        int words = pass.words(i, maxWords + 1);
        if (words < minWords || words > maxWords || Text.endsSentence(s)) {
            return false;
        }
        String[] parts = s.split("\\s+");
        if (!CAPITALISED.matcher(parts[0]).matches()) {
            return false;
        }
        for (String w : parts) {
            if (!CAPITALISED.matcher(w).matches() && !pass.vocabulary().isFunctionWord(w)) {
                return false;
            }
        }
        return true;
    }
}
