package io.newspipe.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.TextArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCheckpointTest {

    @TempDir
    Path dir;

    private static ReplayEntry entry(String time, String id, String origin) {
        return ReplayEntry.of(new TextArticle(null, null, null, "isi", Instant.parse(time), null, "text/plain",
                origin), id);
    }

    @Test
    void shouldReadBackWhatItWroteForTheSameArgumentsOnly() {
        Path file = dir.resolve("replay/checkpoint.json");
        ReplayCheckpoint written = ReplayCheckpoint.at("abc", 42, entry("2025-07-06T10:00:00Z", "id1", "a:1"), true);

        written.write(file);

        assertThat(ReplayCheckpoint.read(file, "abc")).contains(written);
        assertThat(ReplayCheckpoint.read(file, "other arguments")).isEmpty();
        assertThat(ReplayCheckpoint.read(dir.resolve("none.json"), "abc")).isEmpty();
        assertThat(Files.exists(dir.resolve("replay/checkpoint.json.tmp"))).as("renamed into place").isFalse();
    }

    @Test
    void shouldPlaceEntriesBeforeAndAfterItInReplayOrder() {
        ReplayCheckpoint at = ReplayCheckpoint.at("f", 1, entry("2025-07-06T10:00:00Z", "id5", "b:2"), true);

        assertThat(at.isBefore(entry("2025-07-06T10:00:01Z", "id0", "a:1"))).isTrue();
        assertThat(at.isBefore(entry("2025-07-06T10:00:00Z", "id6", "a:1"))).isTrue();
        assertThat(at.isBefore(entry("2025-07-06T10:00:00Z", "id5", "b:3"))).isTrue();
        assertThat(at.isBefore(entry("2025-07-06T10:00:00Z", "id5", "b:2"))).as("the last one handled").isFalse();
        assertThat(at.isBefore(entry("2025-07-06T09:59:59Z", "id9", "z:9"))).isFalse();
    }
}
