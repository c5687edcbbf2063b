package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.LineMarkup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of an HTML body and what the markup says about each. */
class HtmlTextTest {

    private static final String PAGE = "https://www.kabarpagi.test/nasional/2026/12/01/harga-beras";

    /** A page body in a regional outlet's layout, in our own words. */
    private static final String ARTICLE = """
            <div class="detail-text">
              <p>Harga beras di pasar induk naik untuk pekan ketiga, kata para pedagang pada Selasa.</p>
              <figure><img src="/foto/beras.jpg"><figcaption class="caption">Pedagang menata karung beras.</figcaption></figure>
              <aside class="baca-juga box-related" id="rel-1"><ul>
                <li><a href="/ekonomi/2026/11/30/stok-gudang">Stok gudang bulog cukup sampai Maret</a></li>
                <li><a href="https://kabarpagi.test/ekonomi/panen">Panen raya mundur sebulan</a></li>
              </ul></aside>
              <p>Menurut <a href="https://statistik.example.org/data">data dinas</a>, kenaikan terbesar ada pada beras medium.</p>
              <p>Ikuti kami di <a href="https://social.example.com/kabarpagi">media sosial</a></p>
              <pre>baris satu
            baris dua</pre>
            </div>""";

    @Test
    void shouldGiveTheSameTextAsTheTextAloneWithOneMarkupEntryPerLine() {
        HtmlText.Lines lines = HtmlText.toLines(ARTICLE, PAGE);

        assertThat(lines.body()).isEqualTo(HtmlText.toText(ARTICLE));
        assertThat(lines.markup()).hasSize(lines.body().split("\n").length);
    }

    @Test
    void shouldKeepTheElementsAroundEachLineAndTheirClassNames() {
        List<LineMarkup> markup = HtmlText.toLines(ARTICLE, PAGE).markup();

        assertThat(markup.get(0).getTagPath()).isEqualTo("div>p");
        assertThat(markup.get(0).getClassWords()).containsExactly("detail-text");
        assertThat(markup.get(1).getTagPath()).isEqualTo("div>figure>figcaption");
        assertThat(markup.get(1).getClassWords()).containsExactly("caption", "detail-text");
        assertThat(markup.get(2).getTagPath()).as("the five nearest elements").isEqualTo("div>aside>ul>li>a");
        assertThat(markup.get(2).getClassWords()).containsExactly("rel-1", "baca-juga", "box-related", "detail-text");
    }

    @Test
    void shouldMeasureLinksAndWhetherTheyStayOnTheSite() {
        List<LineMarkup> markup = HtmlText.toLines(ARTICLE, PAGE).markup();

        LineMarkup relative = markup.get(2);
        assertThat(relative.getLink()).isTrue();
        assertThat(relative.getLinkDensity()).isEqualTo(1f);
        assertThat(relative.getSameSiteLink()).as("a relative address").isTrue();
        assertThat(markup.get(3).getSameSiteLink()).as("the same host without www.").isTrue();

        LineMarkup citing = markup.get(4);
        assertThat(citing.getLink()).isFalse();
        assertThat(citing.getLinkDensity()).isBetween(0.1f, 0.3f);
        assertThat(citing.getSameSiteLink()).as("another site").isFalse();

        assertThat(markup.get(0).getLinkDensity()).isZero();
        assertThat(markup.get(0).getLink()).isFalse();
    }

    @Test
    void shouldGiveEachLineOfPreformattedTextTheMarkupOfItsElement() {
        HtmlText.Lines lines = HtmlText.toLines(ARTICLE, PAGE);
        List<String> body = List.of(lines.body().split("\n"));

        int first = body.indexOf("baris satu");
        assertThat(body.get(first + 1)).isEqualTo("baris dua");
        assertThat(lines.markup().get(first).getTagPath()).isEqualTo("div>pre");
        assertThat(lines.markup().get(first + 1).getTagPath()).isEqualTo("div>pre");
    }

    @Test
    void shouldJudgeRelativeLinksSameSiteWithoutAPageAddressAndIgnoreMailAndFragments() {
        LineMarkupCollector.SameSite unknown = LineMarkupCollector.SameSite.of(null);

        assertThat(unknown.holds("/lain/berita")).isTrue();
        assertThat(unknown.holds("https://kabarpagi.test/a")).isFalse();
        assertThat(unknown.holds("mailto:redaksi@kabarpagi.test")).isFalse();
        assertThat(unknown.holds("#komentar")).isFalse();
        assertThat(HtmlText.toLines(null, PAGE).markup()).isEmpty();
    }
}
