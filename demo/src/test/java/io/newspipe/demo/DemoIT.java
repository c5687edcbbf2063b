package io.newspipe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's demo command, end to end: its own local stack, the samples through, exit 0. */
class DemoIT {

    @Test
    void shouldRunTheDemoOnTheBundledSamplesAndExitZero() {
        PrintStream original = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.run("demo", "--samples", "../samples");
        } finally {
            System.setOut(original);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        original.print(out);
        assertThat(rc).isZero();
        assertThat(out).contains("enriched and stored in PostgreSQL")
                .contains("KLIKANGGARAN")
                .containsPattern("\\s7\\s+KLIKANGGARAN");
    }
}
