package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        EvalCommand cmd = new EvalCommand();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(cmd).execute(args);
    }

    private static void article(Path dir, String id, String outlet, String text) throws Exception {
        Files.writeString(dir.resolve(id + ".txt"), text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(id + ".json"), "{\"outlet\": \"" + outlet + "\", \"language\": \"id\", "
                + "\"title\": null, \"boilerplate_lines\": [2], \"related_headlines\": [\"Jalan Desa Mulai Diaspal\"], "
                + "\"dateline\": null, \"topics\": [\"society\"]}", StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheLeaveOneOutletOutFiguresAsJson(@TempDir Path dir) throws Exception {
        for (String outlet : new String[] {"satu.example", "dua.example", "tiga.example"}) {
            article(dir, outlet.substring(0, 3), outlet, "Warga desa bergotong royong membersihkan saluran air.\n"
                    + "Baca juga: Jalan Desa Mulai Diaspal\nKegiatan itu diikuti puluhan warga setiap pekan.");
        }

        int rc = run("--corpus", dir.toString(), "--json", "--resamples", "100");

        assertThat(rc).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("outlets").asInt()).isEqualTo(3);
        assertThat(json.at("/figures/related_lines_removed/value").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/figures/related_headlines_extracted/counts").asText()).isEqualTo("3/3");
    }

    @Test
    void shouldPrintTablesByDefault(@TempDir Path dir) throws Exception {
        article(dir, "001", "satu.example", "Warga desa bergotong royong.\nBaca juga: Jalan Desa Mulai Diaspal");

        assertThat(run("--corpus", dir.toString(), "--resamples", "10")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("leave-one-outlet-out over 1 articles from 1 outlets")
                .contains("per outlet");
    }

    @Test
    void shouldExitWithTwoAndSayWhatToPassWhenThereIsNoCorpus(@TempDir Path dir) {
        assertThat(run("--corpus", dir.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("newspipe eval:").contains("--corpus");
    }
}
