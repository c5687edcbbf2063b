package io.newspipe.ingest;

import static io.newspipe.ingest.TestIngestors.gzip;
import static io.newspipe.ingest.TestIngestors.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newspipe.avro.RawArticle;
import io.newspipe.ingest.replay.ReplayOptions;
import io.newspipe.ingest.replay.Replayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay of archives: publication order, original timestamps, pacing on a fake clock, the --from/--to window. */
class ReplayTest {

    @TempDir
    Path dir;

    private final TestIngestors t = new TestIngestors();

    /** A clock that only moves when the pacer sleeps: no real waiting, and every wait is recorded. */
    private static final class FakeTime {
        long nanos = 1_000_000_000L;
        final List<Duration> sleeps = new ArrayList<>();
        final List<Long> publishedAtNanos = new ArrayList<>();

        ReplayPacer pacer(double speed) {
            return new ReplayPacer(speed, () -> nanos, d -> {
                sleeps.add(d);
                nanos += d.toNanos();
            });
        }
    }

    private Replayer replayer(ReplayPacer pacer) {
        return new Replayer(t.ingestor, pacer, Progress.NONE,
                new ReplayOptions(1 << 20, dir.resolve("work"), Duration.ofSeconds(5), false), "news.raw");
    }

    private static String line(String url, String published) {
        return "{\"url\":\"" + url + "\",\"body\":\"isi " + url + "\",\"published_at\":\"" + published + "\"}\n";
    }

    private List<Path> archive() throws Exception {
        Path a = write(dir.resolve("2025-07/a.jsonl"), line("https://x.test/3", "2025-07-06T12:00:00Z")
                + line("https://x.test/1", "2025-07-06T10:00:00Z"));
        Path b = gzip(dir.resolve("2025-07/b.jsonl.gz"), (line("https://x.test/2", "2025-07-06T11:00:00Z")
                + line("https://x.test/4", "2025-07-06T13:30:00Z")
                + "{\"url\":\"https://x.test/undated\",\"body\":\"tanpa waktu\"}\n").getBytes(StandardCharsets.UTF_8));
        return List.of(a.getParent());
    }

    @Test
    void shouldRepublishInPublicationOrderWithOriginalTimestamps() throws Exception {
        FakeTime time = new FakeTime();
        Replayer r = replayer(time.pacer(ReplayPacer.MAX));

        IngestSummary s = r.replay(archive(), null, null);

        assertThat(t.published()).extracting(RawArticle::getUrl)
                .containsExactly("https://x.test/1", "https://x.test/2", "https://x.test/3", "https://x.test/4");
        assertThat(t.raw.history()).extracting(ProducerRecord::timestamp).containsExactly(
                Instant.parse("2025-07-06T10:00:00Z").toEpochMilli(), Instant.parse("2025-07-06T11:00:00Z").toEpochMilli(),
                Instant.parse("2025-07-06T12:00:00Z").toEpochMilli(), Instant.parse("2025-07-06T13:30:00Z").toEpochMilli());
        assertThat(r.skipped()).as("the undated article cannot be placed in time").isEqualTo(1);
        assertThat(s.published()).isEqualTo(4);
        assertThat(time.sleeps).as("speed max never waits").isEmpty();
    }

    @Test
    void shouldReleaseAnHourOfNewsPerMinuteAtSpeed60() throws Exception {
        FakeTime time = new FakeTime();
        long start = time.nanos;
        Replayer r = replayer(time.pacer(60));

        r.replay(archive(), null, null);

        // 10:00 at once, 11:00 one minute in, 12:00 two minutes, 13:30 three and a half minutes
        assertThat(time.sleeps).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(90));
        assertThat(time.nanos - start).isEqualTo(Duration.ofSeconds(210).toNanos());
    }

    @Test
    void shouldNotWaitForArticlesThatAreAlreadyDueWhenPublishingFallsBehind() throws Exception {
        FakeTime time = new FakeTime();
        ReplayPacer p = time.pacer(60);
        p.awaitTurn(Instant.parse("2025-07-06T10:00:00Z"));
        time.nanos += Duration.ofMinutes(5).toNanos(); // the producer was slow
        p.awaitTurn(Instant.parse("2025-07-06T11:00:00Z"));
        p.awaitTurn(Instant.parse("2025-07-06T16:00:00Z"));

        assertThat(time.sleeps).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void shouldKeepOnlyTheWindowFromInclusiveToExclusive() throws Exception {
        Replayer r = replayer(new FakeTime().pacer(ReplayPacer.MAX));

        r.replay(archive(), Instant.parse("2025-07-06T11:00:00Z"), Instant.parse("2025-07-06T13:30:00Z"));

        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/2", "https://x.test/3");
    }

    @Test
    void shouldPublishCopiesOfAnArticleAtTheSameTimeOnceAndALaterVersionAgain() throws Exception {
        write(dir.resolve("snapshots/morning.jsonl"), line("https://x.test/1", "2025-07-06T10:00:00Z")
                + line("https://x.test/2", "2025-07-06T11:00:00Z"));
        write(dir.resolve("snapshots/noon.jsonl"), line("https://x.test/2", "2025-07-06T11:00:00Z")
                + line("https://x.test/1", "2025-07-06T12:00:00Z"));

        IngestSummary s = replayer(new FakeTime().pacer(ReplayPacer.MAX)).replay(List.of(dir.resolve("snapshots")),
                null, null);

        assertThat(t.published()).extracting(RawArticle::getUrl)
                .containsExactly("https://x.test/1", "https://x.test/2", "https://x.test/1");
        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(dir.resolve("work")).as("a finished replay leaves no runs or checkpoint").satisfiesAnyOf(
                work -> assertThat(work).doesNotExist(), work -> assertThat(work).isEmptyDirectory());
    }

    @Test
    void shouldContinueAfterItsCheckpointWhenStartedAgainWithTheSameArguments() throws Exception {
        List<Path> archive = archive();
        FakeTime time = new FakeTime();
        ReplayPacer interruptedAfterTwo = new ReplayPacer(60, () -> time.nanos, d -> {
            if (time.sleeps.size() == 1) {
                throw new InterruptedException("killed");
            }
            time.sleeps.add(d);
            time.nanos += d.toNanos();
        });
        ReplayOptions checkpointEachArticle = new ReplayOptions(1 << 20, dir.resolve("work"), Duration.ofNanos(1),
                false);
        Replayer first = new Replayer(t.ingestor, interruptedAfterTwo, Progress.NONE, checkpointEachArticle, "news.raw");
        assertThatThrownBy(() -> first.replay(archive, null, null)).isInstanceOf(InterruptedException.class);
        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/1", "https://x.test/2");

        Replayer again = new Replayer(t.ingestor, new FakeTime().pacer(ReplayPacer.MAX), Progress.NONE,
                checkpointEachArticle, "news.raw");
        again.replay(archive, null, null);

        assertThat(t.published()).extracting(RawArticle::getUrl)
                .containsExactly("https://x.test/1", "https://x.test/2", "https://x.test/3", "https://x.test/4");
        assertThat(again.resumedPast()).isEqualTo(2);
    }

    @Test
    void shouldStartOverWhenTheArchiveChangedSinceTheCheckpoint() throws Exception {
        List<Path> archive = archive();
        FakeTime time = new FakeTime();
        ReplayPacer interruptedAfterOne = new ReplayPacer(60, () -> time.nanos, d -> {
            throw new InterruptedException("killed");
        });
        ReplayOptions options = new ReplayOptions(1 << 20, dir.resolve("work"), Duration.ofNanos(1), false);
        assertThatThrownBy(() -> new Replayer(t.ingestor, interruptedAfterOne, Progress.NONE, options, "news.raw")
                .replay(archive, null, null)).isInstanceOf(InterruptedException.class);
        write(dir.resolve("2025-07/c.jsonl"), line("https://x.test/0", "2025-07-06T09:00:00Z"));

        new Replayer(t.ingestor, new FakeTime().pacer(ReplayPacer.MAX), Progress.NONE, options, "news.raw")
                .replay(archive, null, null);

        assertThat(t.published()).extracting(RawArticle::getUrl).containsExactly("https://x.test/1",
                "https://x.test/0", "https://x.test/1", "https://x.test/2", "https://x.test/3", "https://x.test/4");
    }

    @Test
    void shouldParseSpeeds() {
        assertThat(ReplayPacer.parseSpeed("60")).isEqualTo(60.0);
        assertThat(ReplayPacer.parseSpeed("0.5x")).isEqualTo(0.5);
        assertThat(ReplayPacer.parseSpeed("MAX")).isInfinite();
        assertThatThrownBy(() -> ReplayPacer.parseSpeed("0")).hasMessageContaining("60 = an hour of news per minute");
        assertThatThrownBy(() -> ReplayPacer.parseSpeed("fast")).isInstanceOf(IllegalArgumentException.class);
    }
}
