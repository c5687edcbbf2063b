package io.newspipe.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Boilerplate told by its HTML markup: the bundled markup pack on bodies that carry their lines' markup. */
class MarkupRulesTest {

    private static final MarkupSignals PARAGRAPH = new MarkupSignals("article>div>p", List.of("detail-text"),
            false, 0f, false);
    private static final MarkupSignals CITING = new MarkupSignals("article>div>p", List.of("detail-text"),
            false, 0.2f, false);

    /** An article in our own words whose related box and caption carry no label a text rule knows. */
    private static final List<String> LINES = List.of(
            "Harga beras di pasar induk naik untuk pekan ketiga, kata para pedagang pada Selasa pagi.",
            "Pedagang menata karung beras di los pasar",
            "Stok gudang cukup sampai bulan Maret",
            "Panen raya di lumbung timur mundur sebulan",
            "Menurut data dinas pertanian, kenaikan terbesar ada pada beras medium yang paling banyak dibeli.",
            "Pemerintah daerah berjanji menggelar operasi pasar bila harga belum turun pada akhir bulan ini.");

    private static List<MarkupSignals> markup() {
        MarkupSignals related = new MarkupSignals("article>div>aside>ul>li>a",
                List.of("box-baca-juga", "detail-text"), true, 1f, true);
        return List.of(PARAGRAPH,
                new MarkupSignals("article>div>figure>figcaption", List.of("caption"), false, 0f, false),
                related, related, CITING, PARAGRAPH);
    }

    private static String body() {
        return String.join("\n", LINES);
    }

    @Test
    void shouldRemoveTheLinesTheMarkupMarksAndKeepTheRelatedHeadlines() {
        CleanResult result = Cleaner.defaults().clean(body(), markup());

        assertThat(result.body()).isEqualTo(String.join("\n", LINES.get(0), LINES.get(4), LINES.get(5)));
        assertThat(result.removed()).extracting(Removal::rule)
                .containsExactly("markup.caption", "markup.related-box", "markup.related-box");
        assertThat(result.relatedHeadlines()).containsExactly(LINES.get(2), LINES.get(3));
    }

    @Test
    void shouldCleanTheSameBodyAsTextWhenThereIsNoMarkupOrItDoesNotFit() {
        String asText = Cleaner.defaults().clean(body()).body();

        assertThat(asText).isEqualTo(body()).as("no text rule knows these lines");
        assertThat(Cleaner.defaults().clean(body(), null).body()).isEqualTo(asText);
        assertThat(Cleaner.defaults().clean(body(), markup().subList(0, 4)).body())
                .as("markup of another length than the body is not used").isEqualTo(asText);
    }

    @Test
    void shouldLeaveAParagraphOfTextEvenInsideBoilerplateMarkup() {
        String paragraph = "Para pedagang mengatakan bahwa kenaikan harga kali ini berbeda dari tahun lalu karena "
                + "pasokan dari daerah penghasil di bagian timur terlambat datang, sementara permintaan menjelang "
                + "akhir tahun justru naik lebih cepat daripada biasanya, sehingga stok di gudang pasar menipis "
                + "dan harga eceran ikut terdorong naik selama tiga pekan berturut-turut di hampir semua los.";
        List<MarkupSignals> inAside = List.of(PARAGRAPH,
                new MarkupSignals("article>aside>p", List.of("share-box"), false, 0f, false));

        String body = LINES.get(0) + "\n" + paragraph;
        assertThat(Cleaner.defaults().clean(body, inAside).body()).isEqualTo(body);
    }

    @Test
    void shouldNotTakeALineWithALinkToAnotherSiteForARelatedArticle() {
        List<MarkupSignals> markup = new ArrayList<>(List.of(PARAGRAPH, PARAGRAPH));
        markup.set(1, new MarkupSignals("article>aside>p>a", List.of(), true, 1f, false));
        String body = LINES.get(0) + "\n" + LINES.get(2);

        assertThat(Cleaner.defaults().clean(body, markup).body()).isEqualTo(body);
    }

    @Test
    void shouldRefuseAMarkupRuleWithoutAnyCondition() {
        String pack = "{\"id\":\"x\",\"version\":\"1\",\"rules\":[{\"id\":\"x.any\",\"type\":\"markup\",\"kind\":\"ad\"}]}";

        assertThatThrownBy(() -> RulePack.load(new ByteArrayInputStream(pack.getBytes(StandardCharsets.UTF_8)),
                "test.json")).isInstanceOf(RulePackException.class).hasMessageContaining("rule x.any");
    }

    @Test
    void shouldNameAnUnknownMarkupKey() {
        String pack = "{\"id\":\"x\",\"version\":\"1\",\"rules\":[{\"id\":\"x.cap\",\"type\":\"markup\","
                + "\"inside\":[\"figcaption\"],\"insde\":[\"aside\"]}]}";

        assertThatThrownBy(() -> RulePack.load(new ByteArrayInputStream(pack.getBytes(StandardCharsets.UTF_8)),
                "test.json")).hasMessageContaining("rule x.cap: key 'insde': unknown key");
    }
}
