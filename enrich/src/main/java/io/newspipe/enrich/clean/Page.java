package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;

/** The page model: a body split into {@link PageLine}s, and lines joined back into a body. */
final class Page {

    private Page() {
    }

    /** The lines of {@code body} (separated by {@code \n}), trailing white space removed, numbered from 1. */
    static List<PageLine> split(String body) {
        List<PageLine> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        int length = body.length();
        while (true) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lines.add(new PageLine(body.substring(start, end).stripTrailing(), number++));
            if (end >= length) {
                return lines;
            }
            start = end + 1;
        }
    }

    /** The kept lines as a body: blank lines at the ends dropped, runs of blank lines kept as one. */
    static String join(List<PageLine> lines, int capacity) {
        StringBuilder out = new StringBuilder(capacity);
        boolean pendingBlank = false;
        boolean any = false;
        for (PageLine line : lines) {
            if (line.text.isBlank()) {
                pendingBlank = any;
                continue;
            }
            if (pendingBlank) {
                out.append('\n');
            }
            if (any) {
                out.append('\n');
            }
            out.append(line.text);
            any = true;
            pendingBlank = false;
        }
        return out.toString();
    }
}
