package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code end-block} family: a header such as "Artikel Terkait" followed, up to the end, by a list of headlines.
 * A header line is claimed provisionally, with the {@code related} verdict of the same line as its fallback, and
 * confirmed only when it stands within {@code maxItems} lines of the end with headline-like lines after it. A list
 * whose items carry a source and a time ("CNA", "35 minutes ago") and a summary sentence keeps those as chrome when
 * the pack gives {@code itemMeta} (the time line) and {@code maxSummaryWords}; only the headlines are extracted.
 * With {@code gluedItemDate}, the same box flattened into a story line is cut from it: the header, as written or in
 * capitals, after a sentence's end, then at least two items, each a headline ending with its date
 * ("KLINIK TERKAIT Apakah ...? 01 Jan, 2025 Ditagih ... 13 Nov, 2024 Pinjol, ..."); the story resumes after the
 * last date.
 */
final class EndBlockRules implements RuleFamily {

    private record Rule(String id, String kind, Set<String> labels, int maxItems, int maxItemWords, Pattern itemMeta,
                        int maxSummaryWords, AnchoredPattern gluedHeader, Pattern gluedItem) {
    }

    /** Items a glued box needs: one dated headline after a header may be a sentence that names a date. */
    private static final int MIN_GLUED_ITEMS = 2;

    /** Words of a source name standing just above an item's time line. */
    private static final int MAX_SOURCE_WORDS = 4;

    private final List<Rule> rules = new ArrayList<>();
    private final RelatedRules related;
    private final AnchorIndex.Builder patterns;

    EndBlockRules(RelatedRules related, AnchorIndex.Builder patterns) {
        this.related = related;
        this.patterns = patterns;
    }

    @Override
    public String type() {
        return "end-block";
    }

    @Override
    public void add(RulePack.Rule r) {
        Set<String> labels = new HashSet<>();
        r.list("labels").forEach(l -> labels.add(Text.norm(l)));
        String meta = r.string("itemMeta", null);
        String date = r.string("gluedItemDate", null);
        AnchoredPattern gluedHeader = null;
        Pattern gluedItem = null;
        if (date != null) {
            List<String> written = new ArrayList<>();
            for (String label : r.list("labels")) {
                if (label.indexOf(' ') < 0) {
                    continue; // one word glued into a sentence ("Terbaru", "Tag") is too often the sentence's own
                }
                written.add(label);
                written.add(label.toUpperCase(Locale.ROOT));
            }
            gluedHeader = patterns.compile(r.id(), "(?<=[.!?\"”:] )(?:" + CompiledRules.alternation(written)
                    + ") (?=[\\p{Lu}\\d\"“])", 0);
            gluedItem = CompiledRules.compile(r.id(), "(?<h>[\\p{Lu}\\d\"“][^\\n]{4,240}?) (?:" + date
                    + ")(?= |$)", 0);
        }
        rules.add(new Rule(r.id(), r.kind(), labels, r.integer("maxItems", 15),
                r.integer("maxItemWords", Headlines.MAX_WORDS),
                meta == null ? null : CompiledRules.compile(r.id(), meta, 0), r.integer("maxSummaryWords", 0),
                gluedHeader, gluedItem));
    }

    /** A related box glued inside a line: the header and its dated items are cut, each headline extracted. */
    @Override
    public void cut(CleaningPass pass, int i) {
        String s = pass.text(i);
        for (Rule r : rules) {
            if (r.gluedHeader == null || !pass.mayMatch(i, r.gluedHeader, 0)) {
                continue;
            }
            Matcher header = r.gluedHeader.pattern().matcher(s);
            while (header.find()) {
                if (pass.covered(i, header.start())) {
                    continue;
                }
                List<int[]> items = gluedItems(s, header.end(), r);
                if (items.size() < MIN_GLUED_ITEMS) {
                    continue;
                }
                for (int[] item : items) {
                    pass.findings().related(s.substring(item[0], item[1]), pass.number(i), item[0]);
                }
                int end = items.get(items.size() - 1)[2];
                pass.addSpan(i, new Span(header.start(), end, r.id, r.kind));
                header.region(end, s.length());
            }
        }
    }

    /** The items after a glued header: {start, end} of each headline and the end of its date. */
    private static List<int[]> gluedItems(String s, int from, Rule r) {
        List<int[]> items = new ArrayList<>();
        Matcher item = r.gluedItem.matcher(s);
        int at = from;
        while (items.size() < r.maxItems && at < s.length()) {
            item.region(at, s.length());
            if (!item.lookingAt() || Text.words(item.group("h"), r.maxItemWords + 1) > r.maxItemWords) {
                break;
            }
            items.add(new int[] {item.start("h"), item.end("h"), item.end()});
            at = item.end() + 1;
        }
        return items;
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        if (s.length() > 80) {
            return null;
        }
        String key = Text.norm(s);
        for (Rule r : rules) {
            if (r.labels.contains(key)) {
                return new LineVerdict(r.id, r.kind, null, true, true, related.claim(pass, i), null, false, false);
            }
        }
        return null;
    }

    /** An item's time line ("35 minutes ago"), when the pack describes one. */
    private static boolean meta(CleaningPass pass, Rule r, int j) {
        return r.itemMeta != null && pass.stripped(j).length() <= 40 && r.itemMeta.matcher(pass.stripped(j)).matches();
    }

    /**
     * An item's summary: a sentence with a full stop right after a headline of the list (which has none), in a
     * list whose items carry time lines; without them a sentence after the list is the story going on.
     */
    private static boolean summary(CleaningPass pass, Rule r, int header, int j) {
        if (r.maxSummaryWords <= 0 || j - 1 <= header || !pass.stripped(j).endsWith(".")
                || pass.words(j, r.maxSummaryWords + 1) > r.maxSummaryWords || pass.stripped(j - 1).endsWith(".")) {
            return false;
        }
        for (int k = header + 1; k < j; k++) {
            if (meta(pass, r, k)) {
                return true;
            }
        }
        return false;
    }

    /** Confirms the first header near the end (the rest of the page becomes its list) or falls back. */
    void confirm(CleaningPass pass) {
        int n = pass.size();
        for (int i = 0; i < n; i++) {
            LineVerdict verdict = pass.verdict(i);
            if (verdict == null || !verdict.endLabel()) {
                continue;
            }
            Rule r = rules.stream().filter(e -> e.id.equals(verdict.rule())).findFirst().orElseThrow();
            boolean near = n - 1 - i <= r.maxItems;
            for (int j = i + 1; near && j < n; j++) {
                near = pass.verdict(j) != null || meta(pass, r, j) || summary(pass, r, i, j)
                        || Headlines.looksLikeListItem(pass.stripped(j), r.maxItemWords, pass.vocabulary());
            }
            if (near) {
                pass.claim(i, LineVerdict.of(r.id, r.kind));
                for (int j = i + 1; j < n; j++) {
                    if (pass.verdict(j) != null) {
                        continue;
                    }
                    boolean source = j + 1 < n && meta(pass, r, j + 1) && pass.words(j, MAX_SOURCE_WORDS + 1)
                            <= MAX_SOURCE_WORDS;
                    boolean chrome = source || meta(pass, r, j) || summary(pass, r, i, j);
                    pass.claim(j, chrome ? LineVerdict.of(r.id, "chrome")
                            : LineVerdict.headline(r.id, r.kind, pass.stripped(j)));
                }
                return;
            }
            pass.claim(i, verdict.fallback());
            if (verdict.fallback() != null && verdict.fallback().labelOnly()) {
                related.claimHeadlineAfter(pass, i);
            }
        }
    }
}
