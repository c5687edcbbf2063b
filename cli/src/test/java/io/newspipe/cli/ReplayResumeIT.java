package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.ingest.replay.ReplayCheckpoint;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroDeserializer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay of a generated archive killed with SIGKILL while it spills sorted runs, while it merges them and while
 * it publishes, started again with the same arguments each time: the raw topic ends with exactly the articles an
 * uninterrupted replay publishes (same ids, same content), and every checkpoint seen between kills is whole.
 */
@ExtendWith(LocalStackExtension.class)
class ReplayResumeIT {

    private static final int FILES = 12;
    private static final int PER_FILE = 2_500;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The archive's year in about 20 s: long enough to be killed while publishing, between checkpoints. */
    private static final String PACED = Integer.toString(365 * 24 * 3600 / 20);

    private final LocalStack stack;

    ReplayResumeIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldPublishWhatAnUninterruptedReplayPublishesAfterKillsInEveryPhase(@TempDir Path dir) throws Exception {
        Path archive = writeArchive(dir.resolve("archive"));
        stack.createTopics(2, "resume.raw", "resume.dlq", "straight.raw", "straight.dlq");
        Path work = dir.resolve("work");
        Path log = dir.resolve("replay.log");
        List<String> checkpointsSeen = new ArrayList<>();

        killWhen(replay(archive, work, "resume", log, PACED), "spilling runs", () -> runFiles(work) > 5, work,
                checkpointsSeen);
        killWhen(replay(archive, work, "resume", log, PACED), "merging runs",
                () -> logContains(log, "sorted runs into one"), work, checkpointsSeen);
        killWhen(replay(archive, work, "resume", log, PACED), "publishing",
                () -> checkpoint(work).map(c -> c.handled() > 3_000).orElse(false), work, checkpointsSeen);
        Process last = replay(archive, work, "resume", log, PACED);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("replay finished; log:%n%s", tail(log)).isTrue();
        assertThat(last.exitValue()).as("exit code; log:%n%s", tail(log)).isZero();

        Process straight = replay(archive, dir.resolve("straight-work"), "straight", dir.resolve("straight.log"), "max");
        assertThat(straight.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(straight.exitValue()).isZero();

        Map<String, String> resumed = latestById("resume.raw");
        Map<String, String> uninterrupted = latestById("straight.raw");
        assertThat(uninterrupted).hasSize(FILES * (PER_FILE - 1) + 1); // every file starts with the same article
        assertThat(resumed).isEqualTo(uninterrupted);
        assertThat(checkpointsSeen).as("a checkpoint was seen between kills").isNotEmpty();
        assertThat(runFiles(work)).as("a finished replay leaves no runs").isZero();
    }

    /** Waits for {@code phase}, kills the replay with SIGKILL and checks the checkpoint left behind is whole. */
    private static void killWhen(Process replay, String phase, BooleanSupplier reached, Path work,
            List<String> checkpointsSeen) throws InterruptedException {
        Deadline.await("the replay " + phase, Duration.ofMinutes(3), Duration.ofMillis(20),
                () -> reached.getAsBoolean() || !replay.isAlive());
        assertThat(replay.isAlive()).as("the replay was still %s when killed", phase).isTrue();
        replay.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no clean-up
        assertThat(replay.waitFor(30, TimeUnit.SECONDS)).isTrue();
        checkpoint(work).ifPresent(c -> checkpointsSeen.add(phase + ": " + c.handled()));
    }

    private Process replay(Path archive, Path work, String prefix, Path log, String speed) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ingest", "--replay",
                "--memory-budget", "1", "--work-dir", work.toString(), "--speed", speed,
                "--bootstrap-servers", stack.bootstrapServers(), "--schema-registry-url", stack.schemaRegistryUrl(),
                "--raw-topic", prefix + ".raw", "--dlq-topic", prefix + ".dlq", archive.toString());
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("NEWSPIPE_LOG_LEVEL", "INFO");
        return builder.start();
    }

    /** JSON Lines files, some gzip'd, with publication times spread over a year in random order. */
    private static Path writeArchive(Path archive) throws IOException {
        Files.createDirectories(archive);
        Random random = new Random(7);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int file = 0; file < FILES; file++) {
            Path path = archive.resolve(String.format("part-%02d.jsonl%s", file, file % 3 == 0 ? ".gz" : ""));
            try (OutputStream out = file % 3 == 0 ? new GZIPOutputStream(Files.newOutputStream(path))
                    : Files.newOutputStream(path)) {
                for (int i = 0; i < PER_FILE; i++) {
                    // the first line of every file is the same article at the same time: published once
                    int number = i == 0 ? -1 : file * PER_FILE + i;
                    Instant published = i == 0 ? start : start.plusSeconds(random.nextInt(365 * 24 * 3600));
                    ObjectNode line = JSON.createObjectNode()
                            .put("url", "https://arsip.test/berita/" + number)
                            .put("title", "Berita nomor " + number)
                            .put("source", "arsip.test")
                            .put("published_at", published.toString())
                            .put("body", ("Kalimat isi berita nomor " + number + " yang cukup panjang. ").repeat(24));
                    out.write(JSON.writeValueAsBytes(line));
                    out.write('\n');
                }
            }
        }
        return archive;
    }

    /** The value of the last record of each key, as JSON without the time of ingestion. */
    private Map<String, String> latestById(String topic) {
        AvroDeserializer<RawArticle> values = new AvroDeserializer<>(RawArticle.class);
        values.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        Map<String, String> latest = new HashMap<>();
        try (KafkaConsumer<String, RawArticle> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Deadline.await("the whole of " + topic, Duration.ofMinutes(2), Duration.ofMillis(1), () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    RawArticle value = record.value();
                    value.setIngestedAt(Instant.EPOCH);
                    value.setOrigin(null); // the file and line: the same in both runs, but not content
                    latest.put(record.key(), value.toString());
                });
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return latest;
    }

    /** The checkpoint in {@code work/<fingerprint>/checkpoint.json}, read strictly: a torn file throws. */
    private static Optional<ReplayCheckpoint> checkpoint(Path work) {
        List<Path> files;
        try (Stream<Path> homes = Files.exists(work) ? Files.list(work) : Stream.empty()) {
            files = homes.map(home -> home.resolve("checkpoint.json")).filter(Files::isRegularFile).toList();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // the replay's folder went away while listing: look again
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try {
            String fingerprint = JSON.readTree(files.get(0).toFile()).path("fingerprint").asText();
            return ReplayCheckpoint.read(files.get(0), fingerprint);
        } catch (NoSuchFileException gone) {
            return Optional.empty(); // deleted by a replay that just finished
        } catch (IOException e) {
            throw new UncheckedIOException("a torn checkpoint " + files.get(0), e);
        }
    }

    private static long runFiles(Path work) {
        try (Stream<Path> files = Files.exists(work) ? Files.walk(work) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().startsWith("run-")).count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a run file deleted while walking
        }
    }

    private static boolean logContains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
