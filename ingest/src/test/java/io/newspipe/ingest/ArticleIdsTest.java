package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void shouldGiveTheSameIdToTheSameArticleReachedThroughDifferentLinks() {
        String a = ArticleIds.of("https://www.kompas.com/read/1/judul?utm_source=fb#top", "kompas", "T", "B");
        String b = ArticleIds.of("HTTPS://WWW.KOMPAS.COM:443/read/1/judul", "other source", "other", "other");
        assertThat(a).isEqualTo(b).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldDistinguishDifferentUrls() {
        assertThat(ArticleIds.of("https://x.id/a/1", null, null, "b"))
                .isNotEqualTo(ArticleIds.of("https://x.id/a/2", null, null, "b"));
    }

    @Test
    void shouldHashSourceTitleAndBodyStartWithoutUrl() {
        String a = ArticleIds.of(null, "Klikanggaran", "Trump  Kecewa!", "Isi berita.\nBaris dua");
        String b = ArticleIds.of("", "klikanggaran", "trump kecewa", "Isi berita. Baris dua");
        assertThat(a).isEqualTo(b);
        assertThat(ArticleIds.of(null, "klikanggaran", "trump kecewa", "Isi lain"))
                .isNotEqualTo(a);
    }

    @Test
    void shouldIgnoreTheBodyBeyondItsStart() {
        String start = "x".repeat(ArticleIds.BODY_PREFIX_CHARS);
        assertThat(ArticleIds.of(null, "s", "t", start + " tail one"))
                .isEqualTo(ArticleIds.of(null, "s", "t", start + " tail two"));
    }
}
