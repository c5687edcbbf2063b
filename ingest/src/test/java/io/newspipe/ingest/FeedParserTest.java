package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final TestIngestors.Collected handler = new TestIngestors.Collected();

    private void parse(String xml, long maxArticleBytes) {
        new FeedParser(maxArticleBytes).parse(xml.getBytes(StandardCharsets.UTF_8), "f.xml", "fallback", handler);
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                + "<title>Contoh</title><link>https://www.contoh.test/</link><language>id-ID</language>"
                + "<description>d</description>" + items + "</channel></rss>";
    }

    @Test
    void shouldPreferTheFullContentOverTheDescriptionAndTakeTheSourceFromTheFeedsLink() {
        parse(rss("<item><title>Judul &amp; Satu</title><link>https://www.contoh.test/a</link>"
                + "<description>Ringkas saja.</description>"
                + "<content:encoded><![CDATA[<p>Paragraf satu.</p><p>Paragraf dua.</p>]]></content:encoded>"
                + "<pubDate>Sun, 06 Jul 2025 10:00:00 +0700</pubDate></item>"
                + "<item><title>Dua</title><link>https://www.contoh.test/b</link>"
                + "<description>Hanya deskripsi.</description></item>"), 1 << 20);

        assertThat(handler.bad).isEmpty();
        assertThat(handler.articles).hasSize(2);
        TextArticle a = handler.articles.get(0);
        assertThat(a.title()).isEqualTo("Judul & Satu");
        assertThat(a.body()).isEqualTo("Paragraf satu.\nParagraf dua.");
        assertThat(a.source()).isEqualTo("contoh.test");
        assertThat(a.language()).isEqualTo("id");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-07-06T03:00:00Z"));
        assertThat(a.contentType()).isEqualTo("application/rss+xml");
        assertThat(a.origin()).isEqualTo("f.xml#entry1 https://www.contoh.test/a");
        assertThat(handler.articles.get(1).body()).isEqualTo("Hanya deskripsi.");
    }

    @Test
    void shouldReportAnEntryWithoutTextOrOverTheLimitAndKeepTheOthers() {
        parse(rss("<item><title>Kosong</title><link>https://www.contoh.test/kosong</link></item>"
                + "<item><title>Besar</title><description>" + "panjang ".repeat(100) + "</description></item>"
                + "<item><title>Baik</title><description>Pendek.</description></item>"), 200);

        assertThat(handler.reasons()).containsExactly("empty-body", "oversize");
        assertThat(handler.origins()).containsExactly("f.xml#entry1", "f.xml#entry2");
        assertThat(handler.articles).extracting(TextArticle::title).containsExactly("Baik");
    }

    @Test
    void shouldRefuseADoctypeBeforeParsing() {
        parse("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><description>&x;</description></item>"
                + "</channel></rss>", 1 << 20);

        assertThat(handler.reasons()).containsExactly("unsafe-xml");
        assertThat(handler.articles).isEmpty();
    }

    @Test
    void shouldReportMalformedXmlWithItsLine() {
        parse("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>t</title>\n<item></channel></rss>",
                1 << 20);

        assertThat(handler.reasons()).containsExactly("malformed-feed");
        assertThat(handler.bad.get(0).getMessage()).contains("line");
        assertThat(handler.articles).isEmpty();
    }

    @Test
    void shouldTakeTheSourceFromTheTitleOfAFeedWithoutALinkAndReadAtom() {
        parse("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:x</id>"
                + "<updated>2025-07-06T03:00:00Z</updated><entry><title>E</title><id>urn:e</id>"
                + "<updated>2025-07-06T03:00:00Z</updated><summary>Ringkasan.</summary></entry></feed>", 1 << 20);

        assertThat(handler.articles).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("application/atom+xml");
            assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-07-06T03:00:00Z"));
            assertThat(a.body()).isEqualTo("Ringkasan.");
        });
        assertThat(handler.articles.get(0).source()).isEqualTo("t");
    }
}
