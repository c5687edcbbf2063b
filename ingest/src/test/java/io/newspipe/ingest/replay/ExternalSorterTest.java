package io.newspipe.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.ingest.TextArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {

    @TempDir
    Path dir;

    private static List<ReplayEntry> entries(int count, long seed) {
        Random random = new Random(seed);
        List<ReplayEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // few distinct times and ids, so that ties on time and on id are common
            Instant published = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * random.nextInt(500));
            String id = "id" + random.nextInt(2_000);
            String body = "isi ".repeat(1 + random.nextInt(40)) + (random.nextBoolean() ? "ünïcödé ✓" : null);
            entries.add(ReplayEntry.of(new TextArticle(random.nextBoolean() ? "https://x.test/" + i : null,
                    "outlet" + random.nextInt(5), random.nextBoolean() ? null : "Judul " + i, body, published,
                    "id", "text/plain", "archive.jsonl:" + i), id));
        }
        return entries;
    }

    private static List<ReplayEntry> drain(Iterator<ReplayEntry> sorted) {
        List<ReplayEntry> out = new ArrayList<>();
        sorted.forEachRemaining(out::add);
        return out;
    }

    @Test
    void shouldSortInMemoryWhenEverythingFitsTheBudget() {
        List<ReplayEntry> input = entries(500, 1);
        try (ExternalSorter sorter = new ExternalSorter(dir.resolve("runs"), 1L << 30)) {
            input.forEach(sorter::add);

            List<ReplayEntry> sorted = drain(sorter.sorted());

            assertThat(sorter.runCount()).isZero();
            assertThat(sorted).isEqualTo(input.stream().sorted(ReplayEntry.ORDER).toList());
        }
    }

    @Test
    void shouldSpillRunsAndMergeThemIntoTheSameOrderAsAnInMemorySort() throws Exception {
        List<ReplayEntry> input = entries(20_000, 2);
        try (ExternalSorter sorter = new ExternalSorter(dir.resolve("runs"), 64 * 1024)) {
            input.forEach(sorter::add);
            assertThat(sorter.runCount()).as("more runs than one merge takes at once")
                    .isGreaterThan(ExternalSorter.MAX_FAN_IN);

            List<ReplayEntry> sorted = drain(sorter.sorted());

            assertThat(sorted).isEqualTo(input.stream().sorted(ReplayEntry.ORDER).toList());
        }
        try (Stream<Path> left = Files.list(dir.resolve("runs"))) {
            assertThat(left).as("run files deleted on close").isEmpty();
        }
    }
}
