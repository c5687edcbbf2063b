package io.newspipe.enrich.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule packs are data: loading, versioning, user packs and validation. */
class RulePackTest {

    static RulePack pack(String json) {
        return RulePack.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bundledPacksAreVersionedAndStamped() {
        RulePack id = RulePack.bundled("rules/id.json");
        RulePack en = RulePack.bundled("rules/en.json");
        assertThat(id.id()).isEqualTo("id");
        assertThat(id.language()).isEqualTo("id");
        assertThat(id.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(en.language()).isEqualTo("en");
        assertThat(id.rules()).extracting(RulePack.Rule::id).allMatch(x -> x.startsWith("id."));
        assertThat(en.rules()).extracting(RulePack.Rule::id).allMatch(x -> x.startsWith("en."));
        assertThat(Cleaner.defaults().rulePackVersion()).isEqualTo("id@" + id.version() + "+en@" + en.version());
        assertThat(Cleaner.defaults().clean("x").rulePackVersion()).isEqualTo(Cleaner.defaults().rulePackVersion());
    }

    @Test
    void userPackFromAFileExtendsTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("house.json");
        Files.writeString(file, """
                {"id":"house","version":"2.1.0","language":"id","rules":[
                  {"id":"house.promo","kind":"ad","type":"line","pattern":"Promo spesial .{0,80}","maxLength":100},
                  {"id":"house.related","kind":"related","type":"related","labels":["Jangan Lupa Baca"]}
                ]}""");
        Cleaner c = Cleaner.fromPacks(List.of(RulePack.bundled("rules/id.json"), RulePack.load(file)));
        assertThat(c.rulePackVersion()).isEqualTo("id@1.0.0+house@2.1.0");
        CleanResult r = c.clean("Isi berita yang panjang sekali dan lengkap.\nPromo spesial akhir tahun untuk pembaca setia"
                + "\nJangan Lupa Baca: Harga Beras Naik Lagi\nBaca juga: Cuaca Ekstrem Melanda");
        assertThat(r.body()).isEqualTo("Isi berita yang panjang sekali dan lengkap.");
        assertThat(r.relatedHeadlines()).containsExactly("Harga Beras Naik Lagi", "Cuaca Ekstrem Melanda");
        assertThat(r.removed()).extracting(Removal::rule)
                .containsExactly("house.promo", "house.related", "id.related.baca-juga");
        assertThat(r.rulePackVersion()).isEqualTo("id@1.0.0+house@2.1.0");
    }

    @Test
    void disabledRulesAreSkipped() {
        RulePack p = pack("""
                {"id":"t","version":"1.0.0","rules":[
                  {"id":"t.ad","kind":"ad","type":"line","pattern":"IKLAN","enabled":false}]}""");
        assertThat(p.rules()).isEmpty();
        assertThat(Cleaner.fromPacks(List.of(p)).clean("IKLAN").body()).isEqualTo("IKLAN");
    }

    @Test
    void invalidPacksFailWithTheRuleNamed() {
        assertThatThrownBy(() -> pack("{\"version\":\"1\",\"rules\":[]}")).hasMessageContaining("'id'");
        assertThatThrownBy(() -> pack("{\"id\":\"x\",\"version\":\"1\"}")).hasMessageContaining("'rules'");
        assertThatThrownBy(() -> pack("{\"id\":\"x\",\"version\":\"1\",\"rules\":[{\"id\":\"x.a\",\"type\":\"nope\"}]}"))
                .hasMessageContaining("x.a").hasMessageContaining("unknown type");
        assertThatThrownBy(() -> pack("{\"id\":\"x\",\"version\":\"1\",\"rules\":[{\"id\":\"x.a\",\"type\":\"line\"},"
                + "{\"id\":\"x.a\",\"type\":\"line\"}]}")).hasMessageContaining("duplicate rule id x.a");
        RulePack bad = pack("{\"id\":\"x\",\"version\":\"1\",\"rules\":[{\"id\":\"x.bad\",\"type\":\"line\",\"pattern\":\"(\"}]}");
        assertThatThrownBy(() -> Cleaner.fromPacks(List.of(bad))).hasMessageContaining("x.bad");
        assertThatThrownBy(() -> pack("not json")).hasMessageContaining("rule pack");
    }
}
