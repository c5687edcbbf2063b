package io.newspipe.enrich.lang;

import io.newspipe.enrich.tag.CorpusArticles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = LanguageDetector.defaults();

    private static final String MALAY = "Kerajaan telah mengumumkan bahawa semua sekolah akan dibuka semula "
            + "selepas cuti perayaan. Menteri berkata keputusan itu dibuat kerana keadaan semasa sudah bertambah "
            + "baik, dan ibu bapa boleh menghantar anak-anak mereka ke sekolah seperti biasa. Bagaimanapun, murid "
            + "dan kakitangan perlu mematuhi prosedur operasi standard yang ditetapkan oleh Kementerian Kesihatan.";
    private static final String INDONESIAN = "Pemerintah telah mengumumkan bahwa semua sekolah akan dibuka kembali "
            + "setelah libur Lebaran. Menteri mengatakan keputusan itu diambil karena kondisi saat ini sudah membaik, "
            + "dan orang tua bisa mengantar anak-anak mereka ke sekolah seperti biasa. Namun, siswa dan guru tetap "
            + "harus mematuhi protokol kesehatan yang ditetapkan oleh Kementerian Kesehatan.";
    private static final String ENGLISH = "The government announced on Monday that all schools will reopen after "
            + "the holidays. The minister said the decision was taken because the situation has improved, and "
            + "parents can send their children to school as usual.";

    @Test
    void everyCorpusArticleIsDetectedCorrectly() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (CorpusArticles.Article a : CorpusArticles.load()) {
            String clean = (a.title() == null ? "" : a.title() + "\n") + a.cleanBody();
            String cleanResult = DETECTOR.detect(clean, null);
            String rawResult = DETECTOR.detect(raw(a.id()), null);
            if (!cleanResult.equals(a.language()) || !rawResult.equals(a.language())) {
                wrong.add(a.id() + " expected " + a.language() + " got clean=" + cleanResult + " raw=" + rawResult);
            }
        }
        System.out.println("Language corpus: " + wrong.size() + " wrong " + wrong);
        assertThat(wrong).isEmpty();
    }

    @Test
    void malayParagraphIsMalay() {
        assertThat(DETECTOR.detect(MALAY, null)).isEqualTo("ms");
        assertThat(DETECTOR.detect("Polis sedang menyiasat kes kemalangan jalan raya itu kerana mangsa "
                + "meninggal dunia di hospital semalam.", null)).isEqualTo("ms");
    }

    @Test
    void indonesianParagraphIsIndonesianNotMalay() {
        assertThat(DETECTOR.detect(INDONESIAN, null)).isEqualTo("id");
        assertThat(DETECTOR.detect("Polisi sedang menyelidiki kasus kecelakaan lalu lintas itu karena korban "
                + "meninggal dunia di rumah sakit kemarin.", null)).isEqualTo("id");
    }

    /**
     * Formal Indonesian shares much vocabulary with Malay ("apabila", "daripada", "beliau", "bekas", "pihak",
     * "kawasan", "majikan" …), and news about Malaysia quotes its institutions, country and currency ("Polis Diraja
     * Malaysia", "Jabatan Imigresen", "RM"): none of that is evidence of Malay. The article is written for this test.
     */
    @Test
    void formalIndonesianAboutMalaysiaIsIndonesian() throws IOException {
        assertThat(DETECTOR.detect(resource("indonesian-about-malaysia.txt"), null)).isEqualTo("id");
    }

    /** The other way round: Malay news from Jakarta, naming rupiah and Indonesian places, stays Malay. */
    @Test
    void malayAboutIndonesiaIsMalay() throws IOException {
        assertThat(DETECTOR.detect(resource("malay-about-indonesia.txt"), null)).isEqualTo("ms");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LanguageDetectorTest.class.getResourceAsStream("/lang/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void englishIsEnglish() {
        assertThat(DETECTOR.detect(ENGLISH, null)).isEqualTo("en");
        assertThat(DETECTOR.detect("Police arrest two men over robbery", null)).isEqualTo("en");
        assertThat(DETECTOR.detect("JAKARTA - President Joko Widodo said on Tuesday that the government "
                + "will speed up the construction of toll roads in Sumatra.", null)).isEqualTo("en");
    }

    @ParameterizedTest
    @CsvSource({"en, en", "EN, en", "en-US, en", "id_ID, id", "in, id", "ms, ms", "fr, fr"})
    void aValidHintWins(String hint, String expected) {
        assertThat(DETECTOR.detect(INDONESIAN, hint)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'  '", "und", "xx", "english", "123", "NULL"}, nullValues = "NULL")
    void anInvalidOrBlankHintIsIgnored(String hint) {
        assertThat(DETECTOR.detect(INDONESIAN, hint)).isEqualTo("id");
        assertThat(DETECTOR.detect(MALAY, hint)).isEqualTo("ms");
    }

    @Test
    void undeterminedWhenThereIsNothingToGoOn() {
        assertThat(DETECTOR.detect(null, null)).isEqualTo("und");
        assertThat(DETECTOR.detect("   ", null)).isEqualTo("und");
        assertThat(DETECTOR.detect("12345 678 -- !!", null)).isEqualTo("und");
        assertThat(DETECTOR.detect("東京新聞の報道によると、政府は新しい政策を発表した。", null)).isEqualTo("und");
        assertThat(DETECTOR.detect("Le gouvernement français a annoncé de nouvelles mesures pour soutenir "
                + "les entreprises touchées par la crise économique et sociale.", null)).isEqualTo("und");
    }

    @Test
    void shortIndonesianHeadlineFallsBackToCharacterProfiles() {
        assertThat(DETECTOR.detect("Banjir Rendam Ribuan Rumah", null)).isEqualTo("id");
    }

    private static String raw(String id) throws IOException {
        try (InputStream in = LanguageDetectorTest.class.getClassLoader()
                .getResourceAsStream("corpus/" + id + ".txt")) {
            assertThat(in).as("corpus/" + id + ".txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The definition the one-pass tokenizer replaced: split on non-word runs, trim hyphens and apostrophes. */
    private static String[] regexTokens(String s) {
        return java.util.Arrays.stream(s.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\-']+"))
                .map(t -> t.replaceAll("^[-']+|[-']+$", ""))
                .filter(t -> !t.isEmpty())
                .toArray(String[]::new);
    }

    @Test
    void shouldTokenizeExactlyAsTheRegularExpressionsDid() {
        List<String> texts = new ArrayList<>(List.of(MALAY, INDONESIAN, ENGLISH, "", "   ", "--'--", "a-b-'c'-",
                "'Baca juga: ''Anak-anak'' -- rumah-rumah' x", "İstanbul’da İĞNE ﬁle ΣΟΦΙΑ", "𝐀𝐁𝐂 def 𝟏𝟐 ghi",
                "e\u0301te\u0301 cafe\u0301-bar", "12 345 tahun-2024 '99", "\uD800 broken surrogate \uDC00 x"));
        for (CorpusArticles.Article a : CorpusArticles.load()) {
            texts.add(a.title() + "\n" + a.cleanBody());
        }
        java.util.Random random = new java.util.Random(11);
        String alphabet = "aZé-' 1.,\nİß\u0301𝐀\uD835ـ";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        for (String t : texts) {
            assertThat(LanguageDetector.tokenize(t)).as(t).containsExactly(regexTokens(t));
        }
    }
}
