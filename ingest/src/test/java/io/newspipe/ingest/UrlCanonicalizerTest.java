package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTPS://WWW.Kompas.com/edu/read/2021/01/08/081003271/cara-cek?page=all#comments"
            + "|https://www.kompas.com/edu/read/2021/01/08/081003271/cara-cek?page=all",
        "https://www.detik.com:443/news/berita/d-7000000/judul?utm_source=twitter&utm_medium=social"
            + "|https://www.detik.com/news/berita/d-7000000/judul",
        "http://news.example.com:80/a?fbclid=IwAR0abc&id=5&gclid=xyz|http://news.example.com/a?id=5",
        "https://example.com|https://example.com/",
        "https://example.com:8443/x?b=2&a=1|https://example.com:8443/x?b=2&a=1",
        "https://www.antaranews.com/berita/4000000/judul-berita?utm_campaign=x&UTM_TERM=y&_ga=1"
            + "|https://www.antaranews.com/berita/4000000/judul-berita",
        "https://m.tribunnews.com/nasional/2025/07/06/judul?page=2&msclkid=1|https://m.tribunnews.com/nasional/2025/07/06/judul?page=2",
    })
    void shouldCanonicaliseRealUrlShapes(String in, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(in)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "ftp://example.com/file", "mailto:redaksi@example.com",
        "/relative/path", "https://"})
    void shouldRefuseWhatIsNotAnAbsoluteHttpUrl(String in) {
        assertThat(UrlCanonicalizer.canonicalize(in)).isEmpty();
    }
}
