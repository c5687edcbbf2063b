package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The spans found in one line, with an index of their merged extent so that lookups stay logarithmic. */
final class LineSpans {

    final List<Span> spans = new ArrayList<>(2);
    /** Merged, disjoint intervals: start to end. */
    private final TreeMap<Integer, Integer> merged = new TreeMap<>();

    void add(Span span) {
        spans.add(span);
        int start = span.start();
        int end = span.end();
        Map.Entry<Integer, Integer> below = merged.floorEntry(start);
        if (below != null && below.getValue() >= start) {
            start = below.getKey();
            end = Math.max(end, below.getValue());
        }
        Map.Entry<Integer, Integer> above = merged.ceilingEntry(start);
        while (above != null && above.getKey() <= end) {
            end = Math.max(end, above.getValue());
            merged.remove(above.getKey());
            above = merged.ceilingEntry(start);
        }
        merged.put(start, end);
    }

    boolean covered(int position) {
        Map.Entry<Integer, Integer> e = merged.floorEntry(position);
        return e != null && position < e.getValue();
    }

    /** The start of the first span at or after {@code position}, or {@code fallback} if that comes first. */
    int nextStart(int position, int fallback) {
        Integer start = merged.ceilingKey(position);
        return start == null ? fallback : Math.min(start, fallback);
    }

    /** Start of the merged interval that contains or reaches {@code end}, or -1. */
    int startOfSpanReaching(int end) {
        Map.Entry<Integer, Integer> e = merged.lowerEntry(end);
        return e != null && e.getValue() >= end ? e.getKey() : -1;
    }
}
