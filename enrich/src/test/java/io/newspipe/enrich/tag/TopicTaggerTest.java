package io.newspipe.enrich.tag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTaggerTest {

    private static final TopicTagger TAGGER = TopicTagger.defaults();

    private static final String POLITICS_BODY = String.join("\n",
            "Komisi Pemilihan Umum (KPU) menetapkan jadwal kampanye pemilihan kepala daerah serentak.",
            "Sejumlah partai politik di DPRD sudah menyiapkan pasangan calon gubernur dan wakil gubernur.",
            "Ketua umum partai mengatakan koalisi akan diumumkan setelah rapat pleno, sementara Bawaslu "
                    + "mengingatkan soal politik uang dan netralitas ASN.");
    private static final String SPORT_RELATED_LINE =
            "Baca juga: Persib Hajar Persija 3-0, Striker Cetak Hattrick di Liga 1 dan Puncaki Klasemen";

    private static List<String> labels(List<TopicTag> tags) {
        return tags.stream().map(TopicTag::label).toList();
    }

    private static InputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bundledTaxonomyHasTheSeventeenLabelsAndAVersion() {
        assertThat(TAGGER.taxonomyVersion()).isNotBlank();
        assertThat(TAGGER.labels()).containsExactly("politics", "international", "economy", "business", "crime-law",
                "disaster", "health", "science-tech", "sport", "entertainment-culture", "religion", "education",
                "environment", "transport", "lifestyle", "military-conflict", "society");
        assertThat(TAGGER.deadTerms()).as("terms that analyse to nothing").isEmpty();
        assertThat(TAGGER.collapsedTerms()).as("multi-word terms left with one word after stop words").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "politics, medtop:11000000",
            "international, medtop:20000638",
            "economy, medtop:04000000",
            "business, medtop:20000170",
            "crime-law, medtop:02000000",
            "disaster, medtop:03000000",
            "health, medtop:07000000",
            "science-tech, medtop:13000000",
            "sport, medtop:15000000",
            "entertainment-culture, medtop:01000000",
            "religion, medtop:12000000",
            "education, medtop:05000000",
            "environment, medtop:06000000",
            "transport, medtop:04000000",
            "lifestyle, medtop:10000000",
            "military-conflict, medtop:16000000",
            "society, medtop:14000000"})
    void everyLabelMapsToItsIptcMediaTopic(String label, String iptc) {
        assertThat(TAGGER.iptcCode(label)).isEqualTo(iptc);
    }

    @Test
    void tagsCarryTheIptcCodeOfTheirLabel() {
        List<TopicTag> tags = TAGGER.tag("Banjir Bandang Rendam Ratusan Rumah", "Warga mengungsi ke posko BPBD.", "id");
        assertThat(tags).isNotEmpty();
        tags.forEach(t -> assertThat(t.iptc()).isEqualTo(TAGGER.iptcCode(t.label())));
    }

    @Test
    void politicsStoryIsPoliticsWithEvidenceAndNormalisedScores() {
        List<TopicTag> tags = TAGGER.tag("Partai Koalisi Siapkan Calon Gubernur Jelang Pilkada", POLITICS_BODY, "id");
        assertThat(tags).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        TopicTag top = tags.get(0);
        assertThat(top.label()).isEqualTo("politics");
        assertThat(top.iptc()).isEqualTo("medtop:11000000");
        assertThat(top.evidence()).isNotEmpty().contains("pemilihan kepala daerah");
        for (TopicTag t : tags) {
            assertThat(t.score()).isGreaterThan(0.0).isLessThan(1.0);
        }
        assertThat(tags).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void tagsOnlyTheCleanBodyItIsGiven() {
        String withBoilerplate = POLITICS_BODY + "\n" + SPORT_RELATED_LINE;
        String clean = POLITICS_BODY; // the cleaner removed the "Baca juga" line
        assertThat(labels(TAGGER.tag("Partai Koalisi Siapkan Calon Gubernur", clean, "id")))
                .contains("politics").doesNotContain("sport");
        // the tagger does not second-guess its input: the removed line is what carried the sport words
        assertThat(TAGGER.rawScores("Partai Koalisi Siapkan Calon Gubernur", withBoilerplate, "id").get("sport"))
                .isGreaterThan(TAGGER.rawScores("Partai Koalisi Siapkan Calon Gubernur", clean, "id").get("sport"));
    }

    @Test
    void sportStory() {
        List<TopicTag> tags = TAGGER.tag("Persib Kalahkan Persija di Liga 1",
                "Gol tunggal striker Persib pada menit akhir memastikan kemenangan. Pelatih kepala memuji "
                        + "lini belakang dan kiper yang tampil gemilang di stadion.", "id");
        assertThat(labels(tags)).first().isEqualTo("sport");
    }

    @Test
    void stemmingMatchesInflectedForms() {
        // taxonomy has "kebakaran"; the text only has "terbakar" / "dilalap api"
        List<TopicTag> tags = TAGGER.tag(null, "Sebuah gudang terbakar dan dilalap api semalaman, petugas damkar "
                + "berjibaku memadamkan kobaran api.", "id");
        assertThat(labels(tags)).first().isEqualTo("disaster");
    }

    @Test
    void multiWordPhrasesFireAsOneTerm() {
        List<TopicTag> tags = TAGGER.tag(null, "Pasien dirujuk ke rumah sakit dan ditangani dokter spesialis.", "id");
        TopicTag health = tags.stream().filter(t -> t.label().equals("health")).findFirst().orElseThrow();
        assertThat(health.evidence()).contains("rumah sakit", "dokter spesialis");
    }

    @Test
    void stopWordsInsideAPhraseMustMatchTooButDoNotBreakIt() {
        // "menteri dalam negeri": "dalam" is a stop word, so the phrase needs a stop word between the two stems
        TopicTag politics = TAGGER.tag(null, "Menteri Dalam Negeri melantik penjabat gubernur.", "id").get(0);
        assertThat(politics.label()).isEqualTo("politics");
        assertThat(politics.evidence()).contains("menteri dalam negeri");
        assertThat(TAGGER.rawScores(null, "Menteri luar negeri bertemu duta besar.", "id").get("politics"))
                .isLessThan(TAGGER.rawScores(null, "Menteri dalam negeri bertemu duta besar.", "id").get("politics"));
    }

    @Test
    void hugeInputStaysBounded() {
        String huge = "Polisi menangkap pelaku pencurian. ".repeat(300_000); // ~10 MB
        long t0 = System.nanoTime();
        List<TopicTag> tags = TAGGER.tag("Pencurian", huge, "id");
        assertThat(labels(tags)).first().isEqualTo("crime-law");
        assertThat(System.nanoTime() - t0).as("nanos").isLessThan(5_000_000_000L);
    }

    /**
     * A headline mention counts as one body mention: many pages give no separate headline (it is then the first body
     * line), and a heavier title made such an article score unlike the same story with its headline split off.
     */
    @Test
    void aTitleMentionCountsAsMuchAsABodyMention() {
        double inTitle = TAGGER.rawScores("Vaksinasi", "Kegiatan berlangsung hari ini.", "id").get("health");
        double inBody = TAGGER.rawScores("Kegiatan hari ini", "Vaksinasi berlangsung.", "id").get("health");
        assertThat(inTitle).isEqualTo(inBody).isGreaterThan(0.0);
    }

    @Test
    void englishStory() {
        List<TopicTag> tags = TAGGER.tag("Police arrest two men for robbery at jewellery shop",
                "The accused were produced in court and remanded in police custody. An FIR was registered "
                        + "under sections of the IPC for theft and criminal conspiracy.", "en");
        assertThat(labels(tags)).first().isEqualTo("crime-law");
    }

    @Test
    void malayAndUnknownLanguagesStillGetTagged() {
        String body = "Banjir besar melanda kawasan itu dan ratusan mangsa dipindahkan ke pusat pemindahan "
                + "banjir. Pasukan penyelamat melakukan evakuasi sepanjang malam.";
        assertThat(labels(TAGGER.tag(null, body, "ms"))).contains("disaster");
        assertThat(labels(TAGGER.tag(null, body, null))).contains("disaster");
        assertThat(labels(TAGGER.tag(null, body, "und"))).contains("disaster");
    }

    @Test
    void emptyInputGivesNoTags() {
        assertThat(TAGGER.tag(null, null, "id")).isEmpty();
        assertThat(TAGGER.tag("", "   ", "en")).isEmpty();
        assertThat(TAGGER.tag("Selamat pagi", "Apa kabar semuanya hari ini?", "id")).isEmpty();
    }

    @Test
    void customTaxonomyReplacesTheBundledOne() {
        TopicTagger t = TopicTagger.fromTaxonomy(json("""
                {"version": "test-1",
                 "labels": [
                   {"label": "sport", "iptc": "medtop:15000000", "terms": {"id": ["sepak bola^2", "gol"], "en": ["football"]}},
                   {"label": "weather", "iptc": "medtop:17000000", "terms": {"id": ["hujan", "cuaca"]}}]}
                """));
        assertThat(t.taxonomyVersion()).isEqualTo("test-1");
        assertThat(t.labels()).containsExactly("sport", "weather");
        List<TopicTag> tags = t.tag("Cuaca buruk", "Hujan deras mengguyur kota, cuaca diperkirakan membaik.", "id");
        assertThat(labels(tags)).containsExactly("weather");
        assertThat(tags.get(0).evidence()).containsExactlyInAnyOrder("cuaca", "hujan");
    }

    @Test
    void aLabelGivesWayToTheLabelItYieldsToWhenThatOneScoresCloseToIt() {
        TopicTagger t = TopicTagger.fromTaxonomy(json("""
                {"version": "test-yield", "scoring": {"minScore": 0.5},
                 "labels": [
                   {"label": "business", "iptc": "medtop:04000000", "terms": {"id": ["perusahaan", "penjualan"]}},
                   {"label": "science-tech", "iptc": "medtop:13000000",
                    "yieldsTo": {"labels": ["business"], "ratio": 0.8}, "terms": {"id": ["aplikasi", "teknologi"]}}]}
                """));
        String companyStory = "Perusahaan itu mencatat penjualan naik berkat aplikasi dan teknologi barunya.";
        assertThat(t.rawScores(null, companyStory, "id").get("science-tech")).isZero();
        assertThat(labels(t.tag(null, companyStory, "id"))).containsExactly("business");
        String techStory = "Aplikasi dan teknologi baru itu dibuat mahasiswa, bukan oleh perusahaan.";
        assertThat(labels(t.tag(null, techStory, "id"))).first().isEqualTo("science-tech");
        assertThatThrownBy(() -> TopicTagger.fromTaxonomy(json("""
                {"version": "x", "labels": [{"label": "a", "iptc": "medtop:11000000",
                  "yieldsTo": {"labels": ["b"], "ratio": 0.8}, "terms": {"id": ["pemilu"]}}]}
                """))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown label b");
    }

    @Test
    void overlayExtendsTheBundledTaxonomy() {
        TopicTagger t = TAGGER.extendedWith(json("""
                {"version": "local-2",
                 "labels": [
                   {"label": "sport", "terms": {"id": ["sepak takraw^3"]}},
                   {"label": "weather", "iptc": "medtop:17000000", "terms": {"id": ["prakiraan cuaca^3", "hujan^2"]}}]}
                """));
        assertThat(t.taxonomyVersion()).startsWith(TAGGER.uncalibrated().taxonomyVersion() + "+local-2+thresholds@");
        assertThat(t.labels()).hasSize(18).endsWith("weather");
        assertThat(t.iptcCode("sport")).isEqualTo("medtop:15000000");
        assertThat(labels(t.tag("Prakiraan cuaca", "Hujan diperkirakan turun sore ini.", "id"))).first().isEqualTo("weather");
        assertThat(t.tag(null, "Tim sepak takraw berlatih di gedung olahraga.", "id").get(0).evidence())
                .contains("sepak takraw");
        assertThat(TAGGER.labels()).hasSize(17); // the original is untouched
    }

    @Test
    void overlayCanReplaceTheTermsOfALabel() {
        TopicTagger t = TAGGER.extendedWith(json("""
                {"labels": [{"label": "sport", "replaceTerms": true, "terms": {"id": ["catur^2"]}}]}
                """));
        assertThat(t.taxonomyVersion()).isEqualTo(TAGGER.taxonomyVersion());
        assertThat(labels(t.tag("Persib menang", "Gol striker di menit akhir memastikan kemenangan di liga.", "id")))
                .doesNotContain("sport");
        assertThat(labels(t.tag("Turnamen catur", "Pecatur muda itu menang.", "id"))).first().isEqualTo("sport");
    }

    @Test
    void concurrentTaggingGivesTheSameResults() {
        List<CorpusArticles.Article> articles = CorpusArticles.load();
        List<List<TopicTag>> sequential = articles.stream()
                .map(a -> TAGGER.tag(a.title(), a.cleanBody(), a.language())).toList();
        for (int round = 0; round < 5; round++) {
            List<List<TopicTag>> parallel = articles.parallelStream()
                    .map(a -> TAGGER.tag(a.title(), a.cleanBody(), a.language())).toList();
            assertThat(parallel).isEqualTo(sequential);
        }
    }

    @Test
    void invalidTaxonomiesAreRejected() {
        assertThatThrownBy(() -> TopicTagger.fromTaxonomy(json("{\"labels\": []}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicTagger.fromTaxonomy(json(
                "{\"version\": \"x\", \"labels\": [{\"label\": \"a\", \"iptc\": \"11000000\", \"terms\": {}}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("medtop");
        assertThatThrownBy(() -> TopicTagger.fromTaxonomy(json(
                "{\"version\": \"x\", \"labels\": [{\"label\": \"a\", \"iptc\": \"medtop:11000000\", "
                        + "\"terms\": {\"id\": [\"pemilu^abc\"]}}]}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
