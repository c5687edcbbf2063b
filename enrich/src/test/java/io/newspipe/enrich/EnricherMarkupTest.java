package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.LineMarkup;
import io.newspipe.avro.RawArticle;
import io.newspipe.avro.RemovedSpan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A raw article read from HTML carries its lines' markup, and enrichment uses it; a text article is unchanged. */
class EnricherMarkupTest {

    private static final String BODY = String.join("\n",
            "Warga desa di lereng gunung membangun kembali jembatan gantung yang putus diterjang banjir pekan lalu.",
            "Warga bergotong royong memasang tali baja",
            "Perbaikan jalan desa dimulai bulan depan",
            "Kepala desa mengatakan jembatan itu menjadi satu-satunya jalan anak-anak menuju sekolah di seberang.");

    private static LineMarkup line(String path, List<String> classWords, float linkDensity, boolean sameSite) {
        return LineMarkup.newBuilder().setTagPath(path).setClassWords(classWords).setLink(linkDensity == 1f)
                .setLinkDensity(linkDensity).setSameSiteLink(sameSite).build();
    }

    private static RawArticle.Builder raw() {
        return RawArticle.newBuilder().setId("desa-1").setSource("kabarlereng.test").setTitle("Jembatan desa")
                .setBody(BODY).setIngestedAt(Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void shouldRemoveTheLinesItsMarkupMarksAndKeepTheRestAsText() {
        RawArticle fromHtml = raw().setLineMarkup(List.of(
                line("div>p", List.of("isi-berita"), 0f, false),
                line("div>figure>figcaption", List.of(), 0f, false),
                line("div>div>ul>li>a", List.of("related-news", "isi-berita"), 1f, true),
                line("div>p", List.of("isi-berita"), 0f, false))).build();

        EnrichedArticle enriched = Enricher.defaults().enrich(fromHtml);

        assertThat(enriched.getBody()).isEqualTo(BODY.lines().toList().get(0) + "\n" + BODY.lines().toList().get(3));
        assertThat(enriched.getRemoved()).extracting(RemovedSpan::getRule)
                .containsExactly("markup.caption", "markup.related-box");
        assertThat(enriched.getRelatedHeadlines()).containsExactly("Perbaikan jalan desa dimulai bulan depan");
        assertThat(enriched.getRulePackVersion()).contains("markup@");
    }

    @Test
    void shouldCleanATextArticleAsText() {
        EnrichedArticle enriched = Enricher.defaults().enrich(raw().build());

        assertThat(enriched.getBody()).isEqualTo(BODY);
        assertThat(enriched.getRemoved()).isEmpty();
    }
}
