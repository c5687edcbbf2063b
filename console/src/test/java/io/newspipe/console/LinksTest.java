package io.newspipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void shouldLinkOnlyHttpAndHttps() {
        assertThat(Links.safe("https://kompas.com/a")).isEqualTo("https://kompas.com/a");
        assertThat(Links.safe("HTTP://kompas.com/a")).isEqualTo("HTTP://kompas.com/a");
        assertThat(Links.safe("javascript:alert(1)")).isNull();
        assertThat(Links.safe(" JavaScript:alert(1)")).isNull();
        assertThat(Links.safe("data:text/html,<script>")).isNull();
        assertThat(Links.safe("/relative")).isNull();
        assertThat(Links.safe("not a url ::")).isNull();
        assertThat(Links.safe(null)).isNull();
    }

    @Test
    void shouldShowOnlyPrintableCharactersInAPreview() {
        assertThat(Previews.text(new byte[] {0, 'a', 7, 'b', '\n'})).isEqualTo("·a·b\n");
        assertThat(Previews.text(new byte[2000])).hasSize(Previews.MAX_CHARS + 1).endsWith("…");
        assertThat(Previews.key("id-1".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("id-1");
        assertThat(Previews.key(new byte[] {0, 1})).isEqualTo("0x0001");
    }
}
