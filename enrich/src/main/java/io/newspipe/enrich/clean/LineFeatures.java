package io.newspipe.enrich.clean;

import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The features the line classifier judges a line by, each a number from 0 to 1: where the line stands on the page,
 * its {@link LineShape} (length, casing, punctuation, digits, the packs' function and stop words), how much of it
 * repeats the page's first line (the headline) or another line's start, what its neighbours are (claimed by a
 * rule, their length and ending, a story paragraph on both sides) and, for a body read from HTML, what its markup
 * says (the corpus has no markup, so the bundled model gives those features no weight yet). Nothing here names an
 * outlet or a host: the model has to learn what boilerplate looks like, not where it comes from.
 *
 * <p>The names are the contract between the code and a model file ({@link LineModel}): a model names the weight of
 * each feature, and a model that names a feature this class does not compute is refused when it loads.
 */
public final class LineFeatures {

    /** Every feature, in the order {@link #compute} writes them. */
    public static final List<String> NAMES = List.of(
            "position.fromTop", "position.fromBottom", "position.relative", "position.head",
            "position.tail",
            "length.words", "length.short", "length.medium", "length.shortAtHead", "length.shortAtTail",
            "casing.capitalised", "casing.upperCase", "casing.lowerStart", "words.function",
            "punctuation.endsSentence", "punctuation.noSentenceAtTail", "punctuation.colon",
            "punctuation.endsWithColon", "punctuation.pipe", "punctuation.bullet", "punctuation.quote",
            "punctuation.bracket",
            "digits.share", "digits.time", "digits.year", "text.link",
            "title.overlap", "title.repeated", "page.repeatedStart",
            "previous.claimed", "previous.related", "previous.words", "previous.endsSentence",
            "previous.continues", "next.bullet",
            "next.claimed", "next.related", "next.words", "next.endsSentence", "neighbours.story",
            "markup.present", "markup.link", "markup.linkDensity");

    /** How many features there are. */
    public static final int COUNT = NAMES.size();

    private static final int MAX_WORDS = 50;
    private static final int NEAR = 10;
    /** A story line has at least this many words. */
    private static final int STORY_WORDS = 12;
    /**
     * A line of at least this many words that ends a sentence is a story paragraph: the model does not judge it
     * (boilerplate that long is a rule's to find), which also spares most of a page's lines the features' cost.
     */
    static final int PARAGRAPH_WORDS = 25;

    /** True if the model judges line {@code i}: no rule touched it and it is no story paragraph. */
    static boolean judged(CleaningPass pass, int i) {
        return pass.untouched(i)
                && !(pass.words(i, PARAGRAPH_WORDS) >= PARAGRAPH_WORDS && Text.endsSentence(pass.stripped(i)));
    }

    private LineFeatures() {
    }

    /** How many characters of a line's start are compared to find lines that repeat another's start. */
    private static final int START_CHARACTERS = 40;

    /** The start of a line as lines are compared by it: its first characters, in lower case. */
    static String start(String text) {
        return (text.length() > START_CHARACTERS ? text.substring(0, START_CHARACTERS) : text).toLowerCase(Locale.ROOT);
    }

    /**
     * What the features compare a line with, gathered once per pass from the words each line keeps
     * ({@link LineWords}): the content words of the page's first line (the headline) and how often each line start
     * occurs on the page (cards and captions repeat a headline or another caption).
     */
    static final class TitleWords {
        private final Set<String> words;
        private final Map<String, Integer> starts;

        private TitleWords(Set<String> words, Map<String, Integer> starts) {
            this.words = words;
            this.starts = starts;
        }

        static TitleWords of(CleaningPass pass) {
            Set<String> words = pass.size() > 1 ? Set.of(pass.words(0).content()) : Set.of();
            Map<String, Integer> starts = new HashMap<>();
            for (int i = 0; i < pass.size(); i++) {
                starts.merge(pass.start(i), 1, Integer::sum);
            }
            return new TitleWords(words, starts);
        }

        /** True if another line of the page starts as {@code start} ({@link #start(String)}) does. */
        boolean startRepeated(String start) {
            return starts.getOrDefault(start, 0) > 1;
        }

        /** Share of the content words of {@code line} that the first line holds. */
        double overlap(LineWords line) {
            if (words.isEmpty() || line.content().length == 0) {
                return 0;
            }
            int held = 0;
            for (String word : line.content()) {
                if (words.contains(word)) {
                    held++;
                }
            }
            return (double) held / line.content().length;
        }
    }

    /**
     * The words of a line the features compare, a function of its text kept on its {@link PageLine}: its distinct
     * lower-case content words (three letters or more, not the packs' function or stop words) among the first
     * {@link LineShape#WORDS_READ}.
     */
    record LineWords(String[] content) {

        static LineWords of(String text, WordClasses vocabulary) {
            String lower = (text.length() > 200 ? text.substring(0, 200) : text).toLowerCase(Locale.ROOT);
            List<String> content = new ArrayList<>(LineShape.WORDS_READ);
            int i = 0;
            int seen = 0;
            int length = lower.length();
            while (i < length && seen < LineShape.WORDS_READ) {
                while (i < length && !Character.isLetterOrDigit(lower.charAt(i))) {
                    i++;
                }
                int from = i;
                while (i < length && Character.isLetterOrDigit(lower.charAt(i))) {
                    i++;
                }
                if (from == i) {
                    break;
                }
                seen++;
                if (i - from >= 3) {
                    String word = lower.substring(from, i);
                    if (vocabulary.of(word) == 0 && !content.contains(word)) {
                        content.add(word);
                    }
                }
            }
            return new LineWords(content.toArray(new String[0]));
        }
    }

    /** Writes the features of line {@code i} of {@code pass} into {@code out} (length {@link #COUNT}). */
    static void compute(CleaningPass pass, int i, TitleWords title, double[] out) {
        int n = pass.size();
        LineShape shape = pass.shape(i);
        int k = 0;
        boolean shortLine = shape.words() <= 3;
        boolean head = pass.head(i);
        boolean tail = pass.tail(i);
        out[k++] = (double) Math.min(i, NEAR) / NEAR;
        out[k++] = (double) Math.min(n - 1 - i, NEAR) / NEAR;
        out[k++] = n <= 1 ? 0 : (double) i / (n - 1);
        out[k++] = flag(head);
        out[k++] = flag(tail);
        out[k++] = (double) Math.min(shape.words(), MAX_WORDS) / MAX_WORDS;
        out[k++] = flag(shortLine);
        out[k++] = flag(!shortLine && shape.words() < 10);
        out[k++] = flag(shortLine && head);
        out[k++] = flag(shortLine && tail);
        out[k++] = shape.capitalised();
        out[k++] = shape.upperCase();
        out[k++] = flag(Character.isLowerCase(pass.stripped(i).charAt(0)));
        out[k++] = shape.functionWords();
        out[k++] = flag(shape.endsSentence());
        out[k++] = flag(!shape.endsSentence() && tail);
        out[k++] = flag(shape.colon());
        out[k++] = flag(shape.endsWithColon());
        out[k++] = flag(shape.pipe());
        out[k++] = flag(shape.bullet());
        out[k++] = flag(shape.quote());
        out[k++] = flag(shape.bracket());
        out[k++] = shape.digits();
        out[k++] = flag(shape.time());
        out[k++] = flag(shape.year());
        out[k++] = flag(shape.link());
        LineWords words = pass.words(i);
        double overlap = title.overlap(words);
        out[k++] = overlap;
        out[k++] = flag(overlap >= 0.8);
        out[k++] = flag(shape.words() >= 2 && title.startRepeated(pass.start(i)));
        k = neighbour(pass, i - 1, out, k);
        out[k++] = flag(i > 0 && pass.verdict(i - 1) == null && !Text.endsSentence(pass.stripped(i - 1))
                && pass.words(i - 1, STORY_WORDS) >= STORY_WORDS);
        out[k++] = flag(i + 1 < n && LineShape.isBullet(pass.stripped(i + 1)));
        k = neighbour(pass, i + 1, out, k);
        out[k++] = flag(storyLine(pass, i - 1) && storyLine(pass, i + 1));
        MarkupSignals markup = pass.markup(i);
        out[k++] = flag(markup != null);
        out[k++] = flag(markup != null && markup.link());
        out[k] = markup == null ? 0 : Math.min(1, Math.max(0, markup.linkDensity()));
    }

    /** The features of the neighbour {@code j} (none when off the page): claimed, related, words, sentence end. */
    private static int neighbour(CleaningPass pass, int j, double[] out, int k) {
        if (j < 0 || j >= pass.size()) {
            out[k] = 0;
            out[k + 1] = 0;
            out[k + 2] = 0;
            out[k + 3] = 0;
            return k + 4;
        }
        LineVerdict verdict = pass.verdict(j);
        out[k] = flag(verdict != null);
        out[k + 1] = flag(verdict != null && verdict.kind().startsWith("related"));
        out[k + 2] = (double) pass.words(j, MAX_WORDS) / MAX_WORDS;
        out[k + 3] = flag(Text.endsSentence(pass.stripped(j)));
        return k + 4;
    }

    /** A line of the story as the rules left it: unclaimed, ending a sentence, of a sentence's length. */
    private static boolean storyLine(CleaningPass pass, int j) {
        if (j < 0 || j >= pass.size() || pass.verdict(j) != null) {
            return false;
        }
        return Text.endsSentence(pass.stripped(j)) && pass.words(j, STORY_WORDS) >= STORY_WORDS;
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
