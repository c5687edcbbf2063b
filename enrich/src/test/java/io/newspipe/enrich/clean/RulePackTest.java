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
        return RulePack.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void bundledPacksAreVersionedAndStamped() {
        RulePack id = RulePack.bundled("rules/id.json");
        RulePack en = RulePack.bundled("rules/en.json");
        RulePack markup = RulePack.bundled("rules/markup.json");
        assertThat(id.id()).isEqualTo("id");
        assertThat(id.language()).isEqualTo("id");
        assertThat(id.version()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(en.language()).isEqualTo("en");
        assertThat(id.rules()).extracting(RulePack.Rule::id).allMatch(x -> x.startsWith("id."));
        assertThat(en.rules()).extracting(RulePack.Rule::id).allMatch(x -> x.startsWith("en."));
        assertThat(markup.rules()).extracting(RulePack.Rule::id).allMatch(x -> x.startsWith("markup."));
        assertThat(Cleaner.defaults().rulePackVersion())
                .isEqualTo("id@" + id.version() + "+en@" + en.version() + "+markup@" + markup.version() + "+lines@"
                        + LineModel.bundled().version());
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
        assertThat(c.rulePackVersion()).isEqualTo("id@1.7.0+house@2.1.0");
        CleanResult r = c.clean("Isi berita yang panjang sekali dan lengkap.\nPromo spesial akhir tahun untuk pembaca setia"
                + "\nJangan Lupa Baca: Harga Beras Naik Lagi\nBaca juga: Cuaca Ekstrem Melanda");
        assertThat(r.body()).isEqualTo("Isi berita yang panjang sekali dan lengkap.");
        assertThat(r.relatedHeadlines()).containsExactly("Harga Beras Naik Lagi", "Cuaca Ekstrem Melanda");
        assertThat(r.removed()).extracting(Removal::rule)
                .containsExactly("house.promo", "house.related", "id.related.baca-juga");
        assertThat(r.rulePackVersion()).isEqualTo("id@1.7.0+house@2.1.0");
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
    void structuralErrorsNameThePack() {
        assertThatThrownBy(() -> pack("{\"version\":\"1\",\"rules\":[]}"))
                .isInstanceOf(RulePackException.class).hasMessageContaining("test.json").hasMessageContaining("'id'");
        assertThatThrownBy(() -> pack("{\"id\":\"x\",\"version\":\"1\"}")).hasMessageContaining("'rules'");
        assertThatThrownBy(() -> pack("{\"id\":\"x\",\"version\":\"1\",\"rules\":[{\"id\":\"x.a\",\"type\":\"line\","
                + "\"pattern\":\"a\"},{\"id\":\"x.a\",\"type\":\"line\",\"pattern\":\"b\"}]}"))
                .hasMessageContaining("rule x.a").hasMessageContaining("duplicate rule id");
        assertThatThrownBy(() -> pack("not json")).hasMessageContaining("rule pack test.json");
    }

    @Test
    void unknownKeyIsNamedWithFileRuleAndKey() {
        assertThatThrownBy(() -> rule("{\"id\":\"x.typo\",\"type\":\"line\",\"pattern\":\"IKLAN\",\"maxLenght\":40}"))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("rule pack test.json: rule x.typo: key 'maxLenght': unknown key")
                .hasMessageContaining("maxLength");
    }

    @Test
    void missingPatternFailsInsteadOfNeverMatching() {
        assertThatThrownBy(() -> rule("{\"id\":\"x.empty\",\"kind\":\"ad\",\"type\":\"line\",\"maxLength\":40}"))
                .hasMessageContaining("rule pack test.json: rule x.empty: key 'pattern': missing required key");
        assertThatThrownBy(() -> rule("{\"id\":\"x.inline\",\"type\":\"inline\"}"))
                .hasMessageContaining("rule x.inline: key 'pattern': missing required key");
        assertThatThrownBy(() -> rule("{\"id\":\"x.tayang\",\"type\":\"syndication-tayang\",\"lead\":\"Artikel ini \"}"))
                .hasMessageContaining("rule x.tayang: key 'titleMarker': missing required key");
    }

    @Test
    void invalidRegexIsNamedWithFileRuleAndKey() {
        assertThatThrownBy(() -> rule("{\"id\":\"x.bad\",\"type\":\"line\",\"pattern\":\"IKLAN (\"}"))
                .hasMessageContaining("rule pack test.json: rule x.bad: key 'pattern': invalid regular expression")
                .hasMessageContaining("Unclosed group");
        assertThatThrownBy(() -> rule("{\"id\":\"x.date\",\"type\":\"dateline\",\"patterns\":[\"ok\",\"[a-\"]}"))
                .hasMessageContaining("rule x.date: key 'patterns': invalid regular expression");
    }

    @Test
    void unknownTypeHeuristicAndRoleAreRejected() {
        assertThatThrownBy(() -> rule("{\"id\":\"x.a\",\"type\":\"nope\"}"))
                .hasMessageContaining("rule x.a: key 'type'").hasMessageContaining("\"nope\"")
                .hasMessageContaining("end-block");
        assertThatThrownBy(() -> rule("{\"id\":\"x.h\",\"type\":\"heuristic\",\"name\":\"teasers\"}"))
                .hasMessageContaining("rule x.h: key 'name'").hasMessageContaining("\"teasers\"")
                .hasMessageContaining("tail-sweep");
        assertThatThrownBy(() -> rule("{\"id\":\"x.h\",\"type\":\"heuristic\",\"name\":\"teaser\",\"minWordz\":3}"))
                .hasMessageContaining("rule x.h: key 'minWordz': unknown key");
        assertThatThrownBy(() -> rule("{\"id\":\"x.c\",\"type\":\"credit\",\"roles\":{\"Penulis\":\"author\","
                + "\"Juru Foto\":\"photographer\"}}"))
                .hasMessageContaining("rule x.c: key 'roles.Juru Foto'").hasMessageContaining("\"photographer\"")
                .hasMessageContaining("reporter");
    }

    @Test
    void precedenceIsDeclaredOnceOrConsistently() {
        RulePack first = pack("""
                {"id":"a","version":"1","precedence":["line","related","end-block","syndication-tayang","syndication",
                  "credit","credit-regex","writer-code"],
                 "rules":[{"id":"a.ad","kind":"ad","type":"line","pattern":"Baca juga: .{1,40}"}]}""");
        RulePack related = pack("""
                {"id":"b","version":"1","rules":[{"id":"b.related","kind":"related","type":"related",
                 "labels":["Baca juga"]}]}""");
        String text = "Cerita panjang tentang banjir di kota itu kemarin.\nBaca juga: Harga Naik";
        // a line rule ahead of the related family takes a line the related rule would otherwise claim
        assertThat(Cleaner.fromPacks(List.of(first, related)).clean(text).removed()).extracting(Removal::rule)
                .containsExactly("a.ad");
        // without a declaration the documented default order applies: related before line
        RulePack noOrder = pack("""
                {"id":"a","version":"1",
                 "rules":[{"id":"a.ad","kind":"ad","type":"line","pattern":"Baca juga: .{1,40}"}]}""");
        assertThat(Cleaner.fromPacks(List.of(noOrder, related)).clean(text).removed()).extracting(Removal::rule)
                .containsExactly("b.related");
        assertThatThrownBy(() -> Cleaner.fromPacks(List.of(RulePack.bundled("rules/id.json"), first)))
                .isInstanceOf(RulePackException.class).hasMessageContaining("rule pack test.json: key 'precedence'")
                .hasMessageContaining("rules/id.json");
        assertThatThrownBy(() -> pack("{\"id\":\"a\",\"version\":\"1\",\"precedence\":[\"line\"],\"rules\":[]}"))
                .hasMessageContaining("key 'precedence'");
    }

    @Test
    void bundledPacksHoldTheLanguageWords() {
        Vocabulary id = RulePack.bundled("rules/id.json").vocabulary();
        Vocabulary en = RulePack.bundled("rules/en.json").vocabulary();
        assertThat(id.functionWords()).contains("dan", "yang");
        assertThat(en.functionWords()).contains("the", "of").doesNotContain("dan");
        assertThat(id.stem("bermainlah")).isEqualTo("main");
        assertThat(en.stem("bermainlah")).isEqualTo("bermainlah");
    }

    @Test
    void theSchemaAndTheEngineKnowTheSameTypesAndHeuristics() {
        assertThat(Heuristic.registry().keySet()).containsExactlyInAnyOrderElementsOf(
                RulePackSchema.get().heuristicNames());
        java.util.Set<String> compiled = new java.util.TreeSet<>(java.util.List.of("heuristic"));
        CompiledRules rules = new CompiledRules(RulePack.bundled());
        rules.claimOrder.forEach(f -> compiled.add(f.type()));
        rules.cutOrder.forEach(f -> compiled.add(f.type()));
        compiled.add(rules.datelines.type());
        compiled.add(rules.markup.type());
        assertThat(compiled).isEqualTo(RulePackSchema.get().ruleTypes());
        assertThat(rules.claimOrder).extracting(RuleFamily::type)
                .containsExactlyElementsOf(RulePackSchema.get().defaultPrecedence());
    }

    private static RulePack rule(String json) {
        return pack("{\"id\":\"x\",\"version\":\"1\",\"rules\":[" + json + "]}");
    }
}
