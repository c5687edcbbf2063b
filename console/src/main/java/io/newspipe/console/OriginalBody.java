package io.newspipe.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds an article's original body from what the sink stored: the clean body and the removed spans with their
 * 1-based input lines. Nothing is cleaned again: the spans are the ones the stored enrichment reported, under its
 * own rule-pack version, so the page shows what happened to this article even after the rules changed.
 *
 * <p>Kept lines get the input line numbers left free by the removed lines, in order. A removed span is either a
 * whole line (the cleaner dropped the line) or a fragment cut out of a line that was kept (a dateline, a
 * parenthesised related link or writer code, or one of several cuts in one line). The stored spans carry no
 * character offsets yet, so a fragment is placed by its text: where the kept line still shows that text, there;
 * a dateline at the start of its line; any other fragment at the end of its line.
 *
 * <p>Blank input lines are not stored (the clean body keeps one empty line where a paragraph break was), so line
 * numbers after a run of several blank lines are an estimate; the order of kept and removed lines is kept.
 */
public final class OriginalBody {

    private OriginalBody() {
    }

    /** The original lines, each kept text and removed spans in order. */
    public static List<BodyLine> rebuild(String cleanBody, List<RemovedSpan> removed) {
        TreeMap<Integer, List<RemovedSpan>> whole = new TreeMap<>();
        TreeMap<Integer, List<RemovedSpan>> inline = new TreeMap<>();
        Map<Integer, List<RemovedSpan>> byLine = new TreeMap<>();
        for (RemovedSpan s : removed) {
            byLine.computeIfAbsent(s.line(), k -> new ArrayList<>()).add(s);
        }
        byLine.forEach((line, spans) -> (isInline(spans) ? inline : whole).put(line, spans));

        List<BodyLine> out = new ArrayList<>();
        int cursor = 1;
        String[] lines = cleanBody.isEmpty() ? new String[0] : cleanBody.split("\n", -1);
        for (String kept : lines) {
            if (kept.isBlank()) {
                flushBefore(whole, inline, cursor, out);
                out.add(new BodyLine(0, List.of(new BodyLine.Segment("", null))));
                cursor++;
                continue;
            }
            flushBefore(whole, inline, cursor, out);
            while (whole.containsKey(cursor)) {
                out.add(removedLine(cursor, whole.remove(cursor)));
                cursor++;
            }
            flushBefore(whole, inline, cursor, out);
            List<RemovedSpan> cuts = inline.remove(cursor);
            out.add(new BodyLine(cursor, cuts == null ? List.of(new BodyLine.Segment(kept, null))
                    : withFragments(kept, cuts)));
            cursor++;
        }
        TreeMap<Integer, List<RemovedSpan>> rest = new TreeMap<>(whole);
        rest.putAll(inline);
        rest.forEach((n, spans) -> out.add(removedLine(n, spans)));
        return out;
    }

    /** Removed lines before {@code cursor} not placed yet (after blank lines, say) go out in line order. */
    private static void flushBefore(TreeMap<Integer, List<RemovedSpan>> whole,
                                    TreeMap<Integer, List<RemovedSpan>> inline, int cursor, List<BodyLine> out) {
        while (true) {
            Integer w = whole.isEmpty() ? null : whole.firstKey();
            Integer i = inline.isEmpty() ? null : inline.firstKey();
            TreeMap<Integer, List<RemovedSpan>> from = w == null ? inline : i == null || w < i ? whole : inline;
            if (from.isEmpty() || from.firstKey() >= cursor) {
                return;
            }
            int n = from.firstKey();
            out.add(removedLine(n, from.remove(n)));
        }
    }

    /**
     * Whether the spans of one line were cut out of a line that stayed: a whole-line removal is reported as one span
     * holding the line, so several spans mean cuts; a dateline or a bracketed fragment is a cut too.
     */
    static boolean isInline(List<RemovedSpan> spans) {
        if (spans.size() > 1) {
            return true;
        }
        RemovedSpan s = spans.get(0);
        String t = s.text().strip();
        return "dateline".equals(s.kind()) || t.startsWith("(") || t.startsWith("[");
    }

    private static BodyLine removedLine(int number, List<RemovedSpan> spans) {
        List<BodyLine.Segment> segments = new ArrayList<>();
        for (RemovedSpan s : spans) {
            if (!segments.isEmpty()) {
                segments.add(new BodyLine.Segment(" ", null));
            }
            segments.add(new BodyLine.Segment(s.text(), s));
        }
        return new BodyLine(number, segments);
    }

    /** Puts the fragments back into a kept line: where its text is found, else a dateline first, else last. */
    static List<BodyLine.Segment> withFragments(String kept, List<RemovedSpan> cuts) {
        List<BodyLine.Segment> head = new ArrayList<>();
        List<BodyLine.Segment> tail = new ArrayList<>();
        List<RemovedSpan> found = new ArrayList<>();
        for (RemovedSpan s : cuts) {
            if (kept.contains(s.text())) {
                found.add(s);
            } else if ("dateline".equals(s.kind())) {
                head.add(new BodyLine.Segment(s.text(), s));
                head.add(new BodyLine.Segment(" ", null));
            } else {
                tail.add(new BodyLine.Segment(" ", null));
                tail.add(new BodyLine.Segment(s.text(), s));
            }
        }
        List<BodyLine.Segment> out = new ArrayList<>(head);
        out.addAll(splitAt(kept, found));
        out.addAll(tail);
        return out;
    }

    /** Splits {@code kept} around the first occurrence of each span's text, left to right. */
    private static List<BodyLine.Segment> splitAt(String kept, List<RemovedSpan> found) {
        List<BodyLine.Segment> out = new ArrayList<>();
        int pos = 0;
        TreeMap<Integer, RemovedSpan> at = new TreeMap<>();
        for (RemovedSpan s : found) {
            int i = kept.indexOf(s.text());
            while (i >= 0 && at.containsKey(i)) {
                i = kept.indexOf(s.text(), i + 1);
            }
            if (i >= 0) {
                at.put(i, s);
            }
        }
        for (var e : at.entrySet()) {
            if (e.getKey() < pos) {
                continue; // overlaps the one before
            }
            if (e.getKey() > pos) {
                out.add(new BodyLine.Segment(kept.substring(pos, e.getKey()), null));
            }
            out.add(new BodyLine.Segment(e.getValue().text(), e.getValue()));
            pos = e.getKey() + e.getValue().text().length();
        }
        if (pos < kept.length() || out.isEmpty()) {
            out.add(new BodyLine.Segment(kept.substring(pos), null));
        }
        return out;
    }
}
