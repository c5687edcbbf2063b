package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies what a pass found: claimed lines are dropped, spans are cut out of their lines (the pieces around a cut
 * joined by one space, the line's indentation kept), and every removal is reported. Only ever deletes text.
 */
final class SpanApplier {

    /** The lines after applying, and whether anything was removed. */
    record Applied(List<PageLine> lines, boolean changed) {
    }

    private SpanApplier() {
    }

    static Applied apply(CleaningPass pass, List<PageLine> all) {
        Findings findings = pass.findings();
        boolean changed = false;
        Map<PageLine, String> replaced = new HashMap<>();
        Set<PageLine> dropped = new HashSet<>();
        for (int i = 0; i < pass.size(); i++) {
            PageLine line = pass.line(i);
            LineVerdict verdict = pass.verdict(i);
            if (verdict != null) {
                changed = true;
                dropped.add(line);
                findings.remove(verdict.rule(), verdict.kind(), pass.stripped(i), line.number, 0, pass.modelScore(i));
                if (verdict.headline() != null) {
                    findings.related(verdict.headline(), line.number, 0);
                }
                if (verdict.pageMarker()) {
                    findings.pageMarker();
                }
                if (verdict.credit()) {
                    findings.creditLines.add(pass.stripped(i));
                }
                continue;
            }
            LineSpans spans = pass.spans(i);
            if (spans == null || spans.spans.isEmpty()) {
                continue;
            }
            Cut cut = cut(line, spans.spans, findings);
            changed |= cut.removedText();
            if (cut.kept().isEmpty()) {
                dropped.add(line);
            } else {
                replaced.put(line, cut.kept());
            }
        }
        List<PageLine> out = new ArrayList<>(all.size());
        for (PageLine line : all) {
            if (dropped.contains(line)) {
                continue;
            }
            String text = replaced.get(line);
            out.add(text == null ? line : new PageLine(text, line.number));
        }
        return new Applied(out, changed);
    }

    /** A line's text after cutting ("" if nothing is left), and whether any span held more than white space. */
    private record Cut(String kept, boolean removedText) {
    }

    private static Cut cut(PageLine line, List<Span> spans, Findings findings) {
        spans.sort(Comparator.comparingInt(Span::start));
        String s = line.text;
        StringBuilder b = new StringBuilder(s.length());
        int pos = 0;
        boolean any = false;
        for (Span span : spans) {
            if (span.start() < pos) {
                if (span.end() <= pos) {
                    continue;
                }
                span = new Span(pos, span.end(), span.rule(), span.kind());
            }
            String removed = s.substring(span.start(), span.end()).strip();
            if (removed.isEmpty()) {
                continue;
            }
            join(b, s.substring(pos, span.start()));
            findings.remove(span.rule(), span.kind(), removed, line.number, span.start() + 1, null);
            pos = span.end();
            any = true;
        }
        join(b, s.substring(pos));
        String kept = b.toString().strip();
        if (kept.isEmpty()) {
            return new Cut("", any);
        }
        // keep the original indentation of the line
        int lead = s.length() - s.stripLeading().length();
        return new Cut((lead > 0 && b.length() > 0 && Character.isWhitespace(b.charAt(0)) ? s.substring(0, lead) : "")
                + kept, any);
    }

    private static void join(StringBuilder b, String piece) {
        if (piece.isBlank()) {
            return;
        }
        if (b.length() == 0) {
            b.append(piece);
            return;
        }
        int length = b.length();
        while (length > 0 && Character.isWhitespace(b.charAt(length - 1))) {
            length--;
        }
        b.setLength(length);
        b.append(' ').append(piece.stripLeading());
    }
}
