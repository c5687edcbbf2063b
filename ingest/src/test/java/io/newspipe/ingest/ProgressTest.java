package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress bar: count, rate and ETA, redrawn in place, on a fake clock. */
class ProgressTest {

    private long nanos;

    @Test
    void shouldDrawCountRateAndEtaOnOneLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), null, Duration.ofMillis(200),
                () -> nanos);
        p.start(1000, "bytes");
        for (int i = 0; i < 50; i++) {
            p.article();
        }
        nanos += Duration.ofSeconds(10).toNanos();
        p.advance(250); // a quarter done in 10 s: 30 s to go

        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r[#######.....................] 50 articles  5.0/s   25%  ETA 0:00:30");
        p.finish();
        assertThat(buf.toString(StandardCharsets.UTF_8)).endsWith(System.lineSeparator());
    }

    @Test
    void shouldNotRedrawMoreOftenThanTheInterval() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), null, Duration.ofMillis(200),
                () -> nanos);
        p.start(0, "articles");
        nanos += Duration.ofMillis(300).toNanos();
        p.article();
        p.article();
        p.article();

        assertThat(buf.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\r').count()).isEqualTo(1);
    }
}
