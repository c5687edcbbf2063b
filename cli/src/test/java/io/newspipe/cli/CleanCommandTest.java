package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
}
