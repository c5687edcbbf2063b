package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLinesReaderTest {

    private final TestIngestors.Collected handler = new TestIngestors.Collected();

    private void read(String text, long maxLineBytes) throws IOException {
        new JsonLinesReader(maxLineBytes).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "a.jsonl", "folder-source", handler);
    }

    @Test
    void shouldReadTheAlternativeFieldNamesAndFallBackToTheFoldersSource() throws IOException {
        read("{\"guid\":\"g\",\"link\":\"https://x.test/a\",\"text\":\"Isi.\",\"outlet\":\"x.test\","
                + "\"published\":\"2025-07-06\",\"lang\":\"id\"}\n"
                + "{\"title\":\"T\",\"html\":\"<p>Satu</p><p>Dua</p>\"}\n", 1 << 20);

        assertThat(handler.bad).isEmpty();
        TextArticle first = handler.articles.get(0);
        assertThat(first.url()).isEqualTo("https://x.test/a");
        assertThat(first.body()).isEqualTo("Isi.");
        assertThat(first.source()).isEqualTo("x.test");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-07-06T00:00:00Z"));
        assertThat(first.language()).isEqualTo("id");
        assertThat(first.origin()).isEqualTo("a.jsonl:1 (id g)");
        assertThat(first.markup()).as("a text body has no markup").isNull();
        TextArticle second = handler.articles.get(1);
        assertThat(second.body()).isEqualTo("Satu\nDua");
        assertThat(second.markup()).as("one entry per line of an html body").hasSize(2)
                .allSatisfy(line -> assertThat(line.getTagPath()).isEqualTo("p"));
        assertThat(second.source()).isEqualTo("folder-source");
        assertThat(second.origin()).isEqualTo("a.jsonl:2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1751770800, 2025-07-06T03:00:00Z", "1751770800000, 2025-07-06T03:00:00Z"})
    void shouldReadEpochSecondsAndMillisecondsAlike(long number, String expected) throws IOException {
        read("{\"body\":\"Isi.\",\"published_at\":" + number + "}", 1 << 20);

        assertThat(handler.articles).singleElement().extracting(TextArticle::publishedAt)
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void shouldReportEachBadLineWithItsLineNumberAndReadOn() throws IOException {
        read("{\"body\":\"good one\"}\n"
                + "\n"
                + "{\"body\": broken\n"
                + "[1,2]\n"
                + "{\"title\":\"no body\"}\n"
                + "{\"body\":\"late\",\"published_at\":\"kemarin\"}\n"
                + "{\"body\":\"good two\"}\r\n"
                + "{\"body\":\"no newline at the end\"}", 1 << 20);

        assertThat(handler.articles).extracting(TextArticle::body)
                .containsExactly("good one", "good two", "no newline at the end");
        assertThat(handler.reasons())
                .containsExactly("invalid-json", "invalid-json", "empty-body", "invalid-timestamp");
        assertThat(handler.origins()).containsExactly("a.jsonl:3", "a.jsonl:4", "a.jsonl:5", "a.jsonl:6");
        assertThat(new String(handler.inputs.get(0), StandardCharsets.UTF_8)).isEqualTo("{\"body\": broken");
    }

    @Test
    void shouldReportALineOverTheLimitWithoutKeepingItAndReadTheNext() throws IOException {
        String longBody = "x".repeat(200_000); // longer than the reader's 64 KiB buffer, so it spans reads
        read("{\"body\":\"" + longBody + "\"}\n{\"body\":\"after\"}\n", 1_000);

        assertThat(handler.reasons()).containsExactly("oversize");
        assertThat(handler.origins()).containsExactly("a.jsonl:1");
        assertThat(handler.inputs).containsExactly((byte[]) null);
        assertThat(handler.articles).extracting(TextArticle::body).containsExactly("after");
    }

    @Test
    void shouldRefuseInvalidUtf8OnItsLine() throws IOException {
        byte[] bad = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'};
        byte[] good = "{\"body\":\"baik\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, both, 0, bad.length);
        System.arraycopy(good, 0, both, bad.length, good.length);
        new JsonLinesReader(1 << 20).read(new ByteArrayInputStream(both), "a.jsonl", "s", handler);

        assertThat(handler.reasons()).containsExactly("invalid-utf8");
        assertThat(handler.articles).extracting(TextArticle::body).containsExactly("baik");
    }
}
