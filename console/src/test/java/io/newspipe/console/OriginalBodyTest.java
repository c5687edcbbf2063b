package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OriginalBodyTest {

    /** A line as text, removed pieces in [brackets]. */
    private static String show(BodyLine l) {
        return l.segments().stream().map(s -> s.isRemoved() ? "[" + s.text() + "]" : s.text())
                .collect(Collectors.joining());
    }

    private static List<String> rebuilt(String body, List<RemovedSpan> removed) {
        return OriginalBody.rebuild(body, removed).stream().map(OriginalBodyTest::show).toList();
    }

    @Test
    void shouldPutWholeRemovedLinesBackBetweenTheKeptOnesByLineNumber() {
        List<String> lines = rebuilt("Satu.\nDua.\nTiga.", List.of(
                new RemovedSpan("id.related.baca-juga", "related", "Baca Juga: Judul lain", 2),
                new RemovedSpan("id.related-block.end", "related-block", "Artikel Terkait", 5),
                new RemovedSpan("id.related-block.end", "related-block", "Judul terkait", 6)));
        assertThat(lines).containsExactly("Satu.", "[Baca Juga: Judul lain]", "Dua.", "Tiga.", "[Artikel Terkait]",
                "[Judul terkait]");
        assertThat(OriginalBody.rebuild("Satu.\nDua.\nTiga.", List.of(
                new RemovedSpan("r", "related", "Baca Juga: X", 2))).get(2).number()).isEqualTo(3);
    }

    @Test
    void shouldPutADatelineBackAtTheStartOfItsLine() {
        List<BodyLine> lines = OriginalBody.rebuild("Ketegangan naik.\nLalu turun.", List.of(
                new RemovedSpan("id.dateline", "dateline", "(KLIKANGGARAN) -", 1)));
        assertThat(lines).extracting(OriginalBodyTest::show)
                .containsExactly("[(KLIKANGGARAN) -] Ketegangan naik.", "Lalu turun.");
        assertThat(lines.get(0).wholeLineRemoved()).isFalse();
    }

    @Test
    void shouldPutOtherInlineFragmentsAtTheEndOfTheirLineAndKeepParagraphBreaks() {
        List<String> lines = rebuilt("Paragraf satu.\n\nParagraf dua.", List.of(
                new RemovedSpan("id.credit.writer-code", "credit", "(abc/def)", 3)));
        assertThat(lines).containsExactly("Paragraf satu.", "", "Paragraf dua. [(abc/def)]");
    }

    @Test
    void shouldMarkAFragmentWhereItsTextStillStandsInTheLine() {
        assertThat(OriginalBody.withFragments("Harga naik (foto) hari ini", List.of(
                new RemovedSpan("r", "caption", "(foto)", 1)))).extracting(s -> s.isRemoved() ? "[" + s.text() + "]"
                : s.text()).containsExactly("Harga naik ", "[(foto)]", " hari ini");
    }

    @Test
    void shouldKeepEveryRemovedSpanExactlyOnce() {
        List<RemovedSpan> removed = List.of(new RemovedSpan("a", "ad", "Iklan", 1),
                new RemovedSpan("b", "related", "Baca juga: Y", 9), new RemovedSpan("c", "credit", "(x/y)", 2));
        List<RemovedSpan> shown = OriginalBody.rebuild("Isi pertama.", removed).stream()
                .flatMap(l -> l.segments().stream()).filter(BodyLine.Segment::isRemoved)
                .map(BodyLine.Segment::removed).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(removed);
    }
}
