package io.newspipe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's demo command, end to end: its own local stack, the samples through, exit 0, no warnings. */
class DemoIT {

    @Test
    void shouldRunTheDemoOnTheBundledSamplesQuietlyAndExitZero() {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            rc = Main.run("demo", "--samples", "../samples");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        String logged = err.toString(StandardCharsets.UTF_8);
        originalOut.print(printed);
        originalErr.print(logged);
        assertThat(rc).isZero();
        assertThat(printed).contains("enriched and stored in PostgreSQL")
                .contains("KLIKANGGARAN")
                .containsPattern("\\s7\\s+KLIKANGGARAN");
        assertThat(logged).as("what the demo logged without --verbose").doesNotContain("WARN").doesNotContain("ERROR");
    }
}
