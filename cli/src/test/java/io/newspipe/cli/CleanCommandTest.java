package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.enrich.clean.Cleaner;
import io.newspipe.enrich.clean.LineModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CleanCommandTest {

    private static final Path SAMPLE = Path.of("../samples/klikanggaran-trump-putin.txt");

    private static String run(String... args) {
        CleanCommand cmd = new CleanCommand();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        cmd.out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int rc = new CommandLine(cmd).execute(args);
        assertThat(rc).isZero();
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintOneJsonObjectPerLineWithTheCleanedSample() throws Exception {
        String out = run("--json", SAMPLE.toString(), SAMPLE.toString());

        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode a = new ObjectMapper().readTree(lines[0]);
        assertThat(a.fieldNames()).toIterable().contains("id", "body", "related_headlines", "dateline", "credits",
                "syndication", "topics", "language", "removed");
        assertThat(a.get("related_headlines")).hasSize(7);
        assertThat(a.get("dateline").get("outlet").asText()).isEqualTo("KLIKANGGARAN");
        String body = a.get("body").asText();
        assertThat(body).contains("Putin: Rusia Tak Akan Menyerah").doesNotContain("Baca Juga")
                .doesNotContain("Artikel Terkait");
        assertThat(a.get("language").asText()).isEqualTo("id");
        List<String> rules = new ArrayList<>();
        a.get("removed").forEach(r -> {
            assertThat(r.get("line").asInt()).isPositive();
            rules.add(r.get("rule").asText());
        });
        assertThat(rules).isNotEmpty().doesNotContainNull();
        assertThat(a.get("topics")).isNotEmpty();
        a.get("topics").forEach(t -> assertThat(t.get("iptc").asText()).startsWith("medtop:"));
    }

    @Test
    void shouldMarkRemovedLinesWithTheirRuleWhenExplaining() {
        String out = run("--explain", SAMPLE.toString());
        assertThat(out).contains("removed by").contains("Baca Juga: RESMI, Elon Musk");
        assertThat(out.lines().filter(l -> l.contains("Putin: Rusia Tak Akan Menyerah")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain(" - "));
    }

    @Test
    void shouldFailWithTheFileNameForAMissingFile() {
        CleanCommand cmd = new CleanCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        cmd.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(cmd).execute("no-such-file.txt")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-file.txt");
    }

    /** An outlet's sign-off that the bundled packs do not know, written here for the test. */
    private static final String OUTLET_ARTICLE = """
            Warga Desa Sukamaju membersihkan saluran air bersama-sama setelah hujan deras turun selama dua hari.
            Kepala desa mengatakan kerja bakti itu akan diulang setiap bulan agar banjir tidak datang lagi.
            Dukung jurnalisme warga dengan berlangganan Kabar Lembah Premium
            """;

    @Test
    void shouldApplyAUserRulePackGivenOnTheCommandLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path article = Files.writeString(dir.resolve("article.txt"), OUTLET_ARTICLE);
        Path pack = Files.writeString(dir.resolve("kabar-lembah.json"), """
                {"id": "kabar-lembah", "version": "0.1.0", "language": "id", "rules": [
                  {"id": "kabar-lembah.prompt.subscribe", "kind": "prompt", "type": "line", "maxLength": 120,
                   "pattern": "Dukung jurnalisme warga dengan berlangganan .{1,60}"}]}""");

        JsonNode without = new ObjectMapper().readTree(run("--json", article.toString()));
        assertThat(without.get("body").asText()).contains("berlangganan Kabar Lembah Premium");

        JsonNode with = new ObjectMapper().readTree(run("--json", "--rule-pack", pack.toString(), article.toString()));
        assertThat(with.get("body").asText()).doesNotContain("berlangganan").contains("kerja bakti");
        assertThat(with.get("removed").get(0).get("rule").asText()).isEqualTo("kabar-lembah.prompt.subscribe");
        assertThat(with.get("rule_pack_version").asText())
                .isEqualTo(Cleaner.defaults().withoutLineModel().rulePackVersion() + "+kabar-lembah@0.1.0+"
                        + LineModel.bundled().stamp());
    }

    @Test
    void shouldRefuseAnInvalidRulePackNamingFileRuleAndKey(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path article = Files.writeString(dir.resolve("article.txt"), OUTLET_ARTICLE);
        Path pack = Files.writeString(dir.resolve("broken.json"), """
                {"id": "broken", "version": "0.1.0", "rules": [
                  {"id": "broken.prompt", "kind": "prompt", "type": "line", "patern": "Dukung .{1,60}"}]}""");
        CleanCommand cmd = new CleanCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        cmd.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(cmd).execute("--rule-pack", pack.toString(), article.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.json").contains("rule broken.prompt")
                .contains("key 'patern': unknown key").contains("key 'pattern': missing required key");
    }

    @Test
    void shouldApplyTheReadmesExampleRulePack(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Writing a rule pack");
        int start = readme.indexOf("```json", section) + "```json".length();
        Path pack = Files.writeString(dir.resolve("kabar-lembah.json"), readme.substring(start,
                readme.indexOf("```", start)));
        Path article = Files.writeString(dir.resolve("article.txt"), "Pilihan Redaksi Kabar Lembah: Jembatan Gantung "
                + "Dibuka Lagi\n" + OUTLET_ARTICLE);

        JsonNode a = new ObjectMapper().readTree(run("--json", "--rule-pack", pack.toString(), article.toString()));

        assertThat(a.get("body").asText()).startsWith("Warga Desa Sukamaju").doesNotContain("berlangganan");
        assertThat(a.get("related_headlines").get(0).asText()).isEqualTo("Jembatan Gantung Dibuka Lagi");
    }
}
