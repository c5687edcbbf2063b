package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code newspipe ingest} options: names and environment variables docker compose relies on, and validation. */
class IngestCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new IngestCommand());
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void shouldTakeFeedsRepeatedOrCommaSeparatedAndFromTheEnvironmentVariable() {
        IngestCommand c = new IngestCommand();
        CommandLine cl = new CommandLine(c);
        cl.parseArgs("--feed", "https://a.test/rss,https://b.test/atom", "--feed", "https://c.test/feed", "--watch",
                "/feeds");
        assertThat(c.ingest.list(IngestOptions.FEEDS)).containsExactly("https://a.test/rss", "https://b.test/atom", "https://c.test/feed");
        assertThat(c.ingest.mode().watch()).isTrue();
        assertThat(c.paths).extracting(Object::toString).containsExactly("/feeds");
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        assertThat(spec.findOption("--feed").description()[0]).contains("env NEWSPIPE_INGEST_FEEDS").contains("comma-separate");
        assertThat(spec.findOption("--poll-interval").description()[0]).contains("env NEWSPIPE_INGEST_POLL_INTERVAL");
        assertThat(spec.findOption("--state-dir").description()[0]).contains("env NEWSPIPE_INGEST_STATE_DIR");
        assertThat(c.ingest.value(IngestOptions.POLL_INTERVAL)).as("default without the variable").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldReadDurationsAndTimesInTheDocumentedForms() {
        io.newspipe.cli.settings.Durations d = new io.newspipe.cli.settings.Durations();
        assertThat(d.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(d.convert("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(d.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.convert("30")).isEqualTo(Duration.ofSeconds(30));
        java.util.function.Function<String, Instant> i = ReplayWindowOptions.FROM.shape().parser();
        assertThat(i.apply("2025-07-01")).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(i.apply("2025-07-06T06:00:00+07:00")).isEqualTo(Instant.parse("2025-07-05T23:00:00Z"));
    }

    @Test
    void shouldRefuseAWindowWithoutReplayBeforeConnecting() {
        assertThat(run("--from", "2025-07-01", "archive.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("--from/--to bound a replay: add --replay");
    }

    @Test
    void shouldRefuseAnEmptyWindowABadSpeedAndNothingToRead() {
        assertThat(run("--replay", "--from", "2025-08-01", "--to", "2025-07-01", "--speed", "fast", "a.jsonl"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is not before --to").contains("--speed must be a positive factor or max").contains("not fast");
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("give at least one PATH or --feed URL");
    }

    @Test
    void shouldRefuseAFeedThatIsNotAnHttpUrl() {
        assertThat(run("--feed", "file:///etc/passwd")).isEqualTo(2);
        assertThat(err.toString()).contains("not an http(s) URL").contains("pass feed files as PATH");
    }
}
