package io.newspipe.console;

import java.util.List;

/**
 * One line of a rebuilt original body: its pieces in order, each either kept text or a removed span.
 *
 * @param number the 1-based input line number when it is known (a removed line, or a kept line placed by the
 *               rebuild), else 0
 * @param segments the pieces of the line; never null
 */
public record BodyLine(int number, List<Segment> segments) {

    /** A piece of a line: kept text ({@code removed == null}) or a removed span. */
    public record Segment(String text, RemovedSpan removed) {

        /** True when this piece was removed by a rule. */
        public boolean isRemoved() {
            return removed != null;
        }
    }

    /** True when the whole line was removed. */
    public boolean wholeLineRemoved() {
        return !segments.isEmpty() && segments.stream().allMatch(Segment::isRemoved);
    }

    /** True for an empty line (a paragraph break). */
    public boolean blank() {
        return segments.stream().allMatch(s -> s.text().isBlank());
    }
}
