package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code teaser}: unlabelled recommendation headlines. A title-case line of {@code minWords}..{@code maxWords} words
 * that shares little vocabulary with the story is a teaser; a run of them in the last part of the page takes the
 * rest of the page with it when none of that is about the story. With {@code minCards}, a run of recommendation
 * cards that ends the page (each a headline line without a full stop, then its summary line) is cut whole when every
 * card's headline shares little vocabulary with the story and at least two story paragraphs stand above the run (a
 * digest's items are its story), whatever the headlines' casing: sentence-case headlines are common in Malay and
 * English, and it is the card layout at the end that tells them from sub-headings.
 */
final class Teasers implements Heuristic {

    /** A numbered or bulleted list item: part of the story's own list, not a headline. */
    private static final Pattern NUMBERED = Pattern.compile("(?:\\d{1,2}[.)]|[-•·*–])\\s");
    private static final Pattern SECOND_SENTENCE = Pattern.compile("[.!?][\"”’']?\\s\\p{Lu}");
    /** Words of a line that reads as a story paragraph rather than a headline or its summary. */
    private static final int PARAGRAPH_WORDS = 15;
    /** Fewest words of a card's headline. */
    private static final int CARD_HEADLINE_WORDS = 4;
    /** Story paragraphs a page needs above a run of cards for the cards to be recommendations. */
    private static final int STORY_PARAGRAPHS_BEFORE_CARDS = 2;
    private static final int STEM_BUDGET = 200_000;
    private static final int LINE_STEM_CAP = 5_000;

    private final String id;
    private final String kind;
    private final int minWords;
    private final int maxWords;
    private final double minTitleCase;
    private final double maxOverlap;
    private final double maxOverlapBody;
    private final int window;
    private final double tailFrom;
    private final int minCards;
    private final int maxCardSummaryWords;

    Teasers(RulePack.Rule rule) {
        id = rule.id();
        kind = rule.kind();
        minWords = rule.integer("minWords", 8);
        maxWords = rule.integer("maxWords", 30);
        minTitleCase = rule.decimal("minTitleCase", 0.8);
        maxOverlap = rule.decimal("maxOverlap", 0.3);
        maxOverlapBody = rule.decimal("maxOverlapBody", maxOverlap);
        window = rule.integer("window", 2);
        tailFrom = rule.decimal("tailFrom", 0.6);
        minCards = rule.integer("minCards", 0);
        maxCardSummaryWords = rule.integer("maxCardSummaryWords", 30);
    }

    /**
     * A line's distinct content stems and how many stems it has (at most {@link #LINE_STEM_CAP}): a function of the
     * line's text, kept on the line across passes.
     */
    record LineStems(Set<String> unique, int count) {

        static LineStems of(Vocabulary vocabulary, String stripped) {
            return of(vocabulary.contentStems(stripped, LINE_STEM_CAP));
        }

        static LineStems of(List<String> stems) {
            return new LineStems(new HashSet<>(stems), stems.size());
        }
    }

    /** The vocabulary of the page: content stems per line and how many kept story lines use each stem. */
    private record Vocabularies(List<Set<String>> stems, Map<String, Integer> lineCounts, boolean[] counted) {
    }

    @Override
    public void run(CleaningPass pass) {
        int n = pass.size();
        boolean[] candidate = new boolean[n];
        boolean any = false;
        boolean story = false; // a story paragraph came before: above the first one a title-case line is the headline
        int firstStory = -1;
        for (int i = 1; i < n; i++) {
            String s = pass.stripped(i);
            boolean above = !story;
            story |= pass.verdict(i) == null && Text.endsSentence(s)
                    && pass.words(i, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS;
            if (story && firstStory < 0) {
                firstStory = i;
            }
            if (above || pass.verdict(i) != null || s.length() > Headlines.MAX_CHARS || s.endsWith(".")
                    || Text.startsWithQuote(s) || NUMBERED.matcher(s).lookingAt()) {
                continue;
            }
            int words = pass.words(i, maxWords + 1);
            if (words < minWords || words > maxWords || pass.vocabulary().titleCaseShare(s) < minTitleCase) {
                continue;
            }
            candidate[i] = true;
            any = true;
        }
        List<int[]> cards = minCards > 0 && story ? tailCards(pass, firstStory) : List.of();
        for (int[] card : cards) {
            candidate[card[0]] = true;
            candidate[card[1]] = true;
        }
        if (!any && cards.isEmpty()) {
            return;
        }
        Vocabularies page = vocabularies(pass, candidate);
        claimCards(pass, cards, page);
        boolean[] teaser = new boolean[n];
        int first = -1;
        for (int i = 1; i < n; i++) {
            // between story paragraphs a real sub-heading is likelier, so ask for less shared vocabulary there
            double limit = i >= n * tailFrom ? maxOverlap : maxOverlapBody;
            if (candidate[i] && overlap(pass, i, window, page) <= limit) {
                teaser[i] = true;
                if (first < 0) {
                    first = i;
                }
            }
        }
        for (int i = 1; i < n; i++) {
            if (teaser[i] && pass.verdict(i) == null) {
                pass.claim(i, LineVerdict.headline(id, kind, pass.stripped(i)));
            }
        }
        // a run of unlabeled recommendations at the end: cut the rest if none of it is about the story
        if (first >= 0 && first >= n * tailFrom) {
            boolean rest = true;
            for (int j = first + 1; rest && j < n; j++) {
                rest = pass.verdict(j) != null || pass.words(j, 6) <= 5
                        || overlap(pass, j, 0, page) <= maxOverlap && !storyParagraph(pass, j);
            }
            if (rest) {
                for (int j = first + 1; j < n; j++) {
                    if (pass.verdict(j) == null) {
                        pass.claim(j, LineVerdict.of(id, "chrome"));
                    }
                }
            }
        }
    }

    /**
     * The run of cards that ends the page, last card first, as {headline, summary} line pairs: claimed lines (an ad
     * label between cards) are passed over; the run stops at the first story paragraph or a line that is no card.
     */
    private List<int[]> tailCards(CleaningPass pass, int firstStory) {
        List<int[]> cards = new ArrayList<>();
        int j = pass.size() - 1;
        while (true) {
            while (j > 0 && pass.verdict(j) != null) {
                j--;
            }
            int headline = j - 1;
            if (headline <= firstStory || pass.verdict(headline) != null || !cardHeadline(pass, headline)
                    || !cardSummary(pass, j)) {
                break;
            }
            cards.add(new int[] {headline, j});
            j = headline - 1;
        }
        if (cards.size() < minCards) {
            return List.of();
        }
        // cards after a story of one paragraph are a digest's own items (a morning briefing), not recommendations
        int paragraphs = 0;
        for (int i = 0; i < cards.get(cards.size() - 1)[0]; i++) {
            String s = pass.stripped(i);
            if (pass.verdict(i) == null && Text.endsSentence(s) && pass.words(i, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS) {
                paragraphs++;
            }
        }
        return paragraphs >= STORY_PARAGRAPHS_BEFORE_CARDS ? cards : List.of();
    }

    private boolean cardHeadline(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        if (s.length() > Headlines.MAX_CHARS || Text.startsWithQuote(s) || NUMBERED.matcher(s).lookingAt()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        int words = pass.words(i, maxWords + 1);
        return words >= CARD_HEADLINE_WORDS && words <= maxWords && last != '.' && last != ':' && last != ','
                && last != ';';
    }

    private boolean cardSummary(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        return !Text.startsWithQuote(s) && pass.words(i, maxCardSummaryWords + 1) <= maxCardSummaryWords
                && !SECOND_SENTENCE.matcher(s).find();
    }

    /** Claims the cards, from the end, as long as their headlines are not about the story; all or none. */
    private void claimCards(CleaningPass pass, List<int[]> cards, Vocabularies page) {
        int taken = 0;
        while (taken < cards.size() && overlap(pass, cards.get(taken)[0], 1, page) <= maxOverlap) {
            taken++;
        }
        if (taken < minCards) {
            return;
        }
        for (int c = 0; c < taken; c++) {
            int[] card = cards.get(c);
            pass.claim(card[0], LineVerdict.headline(id, kind, pass.stripped(card[0])));
            pass.claim(card[1], LineVerdict.of(id, "chrome"));
        }
    }

    /** A line of sentences as long as a story paragraph, beginning with a quote or holding two sentences. */
    private static boolean storyParagraph(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        return Text.endsSentence(s) && pass.words(i, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS
                && (Text.startsWithQuote(s) || SECOND_SENTENCE.matcher(s).find());
    }

    private static Vocabularies vocabularies(CleaningPass pass, boolean[] candidate) {
        int n = pass.size();
        Map<String, Integer> lineCounts = new HashMap<>();
        List<Set<String>> stems = new ArrayList<>(n);
        boolean[] counted = new boolean[n];
        int budget = STEM_BUDGET;
        for (int i = 0; i < n; i++) {
            LineStems line = budget <= 0 ? new LineStems(Set.of(), 0) : pass.line(i).stems(pass.vocabulary());
            if (line.count() > budget) {
                line = LineStems.of(pass.vocabulary().contentStems(pass.stripped(i), budget));
            }
            budget -= line.count();
            Set<String> unique = line.unique();
            stems.add(unique);
            if (pass.verdict(i) == null && !candidate[i]) {
                counted[i] = true;
                for (String x : unique) {
                    lineCounts.merge(x, 1, Integer::sum);
                }
            }
        }
        return new Vocabularies(stems, lineCounts, counted);
    }

    /**
     * Share of a line's stems that occur in other kept lines, not counting short lines (a caption, a teaser's
     * summary) within {@code i±window}; 1.0 when the line has fewer than three stems.
     */
    private static double overlap(CleaningPass pass, int i, int window, Vocabularies page) {
        Set<String> own = page.stems.get(i);
        if (own.size() < 3) {
            return 1.0;
        }
        int hit = 0;
        for (String x : own) {
            int c = page.lineCounts.getOrDefault(x, 0);
            for (int j = Math.max(0, i - window); c > 0 && j <= Math.min(pass.size() - 1, i + window); j++) {
                if (page.counted[j] && (j == i || pass.words(j, 26) <= 25) && page.stems.get(j).contains(x)) {
                    c--;
                }
            }
            if (c > 0) {
                hit++;
            }
        }
        return (double) hit / own.size();
    }
}
