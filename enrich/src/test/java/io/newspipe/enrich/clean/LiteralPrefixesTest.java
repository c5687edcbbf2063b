package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal prefixes read off a regex are a necessary condition of a match, and are found when they are there. */
class LiteralPrefixesTest {

    @Test
    void readsPlainTextAlternativesAndEscapes() {
        assertThat(LiteralPrefixes.of("(?:Artikel|Berita) ini (?:telah |sudah )?(?:tayang|terbit) di "))
                .containsExactly("Artikel ini ", "Berita ini ");
        assertThat(LiteralPrefixes.of("\\(adsbygoogle\\s{0,3}=")).containsExactly("(adsbygoogle");
        assertThat(LiteralPrefixes.of("(?<=[.!?\"”] )(?:READ MORE|Click here)\\.?"))
                .containsExactly("READ MORE", "Click here");
        assertThat(LiteralPrefixes.of("Daftarkan email(?<=[.!] Daftarkan email)")).containsExactly("Daftarkan email");
    }

    @Test
    void leavesOutOptionalAtomsAndGivesUpWithoutALiteral() {
        assertThat(LiteralPrefixes.of("abc?d")).containsExactly("ab");
        assertThat(LiteralPrefixes.of("(?:x|y)?z")).isEmpty();
        assertThat(LiteralPrefixes.of("[a-z]{2}foo")).isEmpty();
        assertThat(LiteralPrefixes.of("(?:a|b.)c")).isEmpty();
    }

    @Test
    void everyMatchContainsOneOfThePrefixes() {
        String regex = "(?:Artikel|Berita|Tulisan|Konten) ini (?:telah |sudah )?(?:tayang|terbit|dimuat) (?:di|pada) ";
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<String> prefixes = LiteralPrefixes.of(regex);
        for (String line : List.of("Kata dia. ARTIKEL INI TELAH TAYANG DI Kompas", "x konten Ini dimuat pada y",
                "Berita ini sudah terbit di sana", "Tidak ada apa-apa di sini", "artikel itu tayang di")) {
            if (p.matcher(line).find()) {
                assertThat(LiteralPrefixes.containsIgnoreCase(line, prefixes)).as(line).isTrue();
            }
        }
        assertThat(LiteralPrefixes.containsIgnoreCase("Tidak ada apa-apa di sini", prefixes)).isFalse();
        assertThat(LiteralPrefixes.containsIgnoreCase("... BERITA INI terbit", prefixes)).isTrue();
    }
}
