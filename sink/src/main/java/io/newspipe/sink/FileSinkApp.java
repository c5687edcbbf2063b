package io.newspipe.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.schemas.AvroJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second sink target for users without a database: appends each enriched article as one JSON line to {@code
 * <dir>/enriched-<yyyy-MM-dd>.jsonl} (UTC day of writing; a new file each day). Lines are flushed and synced to
 * disk before Kafka offsets are committed, so nothing is lost; after a crash a record may be written twice
 * (at-least-once), and readers that need exactly-once should keep the last line per {@code id}. A tombstone (a
 * takedown) removes every line of its article from every file in the folder.
 */
public final class FileSinkApp extends EnrichedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FileSinkApp.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Clock clock;
    private LocalDate day;
    private Writer writer;
    private FileChannel channel;

    public FileSinkApp(SinkSettings settings, Path dir, Clock clock) {
        this(settings, dir, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    public FileSinkApp(SinkSettings settings, Path dir, Clock clock,
                       io.micrometer.core.instrument.MeterRegistry registry) {
        super(settings, registry);
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    protected void starting() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + dir, e);
        }
        LOG.info("file sink writing JSON lines to {}", dir);
    }

    @Override
    protected void handle(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        try {
            for (ConsumerRecord<String, byte[]> r : records) {
                next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                if (r.value() == null) {
                    String id = takenDown(r);
                    if (id != null) {
                        removeFromFiles(id);
                    }
                    continue;
                }
                EnrichedArticle a = deserialize(r);
                if (a == null) {
                    continue;
                }
                writer().write(AvroJson.compact(a));
                writer().write('\n');
                countWritten(1);
            }
            writer().flush();
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + " — stopping without committing offsets, "
                    + "so the records will be read again after the problem is fixed", e);
        }
        flushDeadLetters();
        commit(next);
    }

    /**
     * Takes a taken-down article out of every file in the folder: each file that holds a line of it is written
     * again without those lines (to a temporary file, then renamed over it), and synced.
     */
    private void removeFromFiles(String id) throws IOException {
        if (writer != null) {
            writer.flush();
            channel.force(false);
            closeFile(); // today's file may be replaced: the next line opens it again
        }
        int removed = 0;
        try (var files = Files.newDirectoryStream(dir, "enriched-*.jsonl")) {
            for (Path file : files) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> kept = new ArrayList<>(lines.size());
                for (String line : lines) {
                    if (!id.equals(idOf(line))) {
                        kept.add(line);
                    }
                }
                if (kept.size() == lines.size()) {
                    continue;
                }
                removed += lines.size() - kept.size();
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.write(tmp, kept, StandardCharsets.UTF_8);
                try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        LOG.info("takedown: removed {} line(s) of article {} from the files in {}", removed, id, dir);
    }

    private static String idOf(String line) {
        try {
            return JSON.readTree(line).path("id").asText(null);
        } catch (IOException e) {
            return null; // not a line this sink wrote: left as it is
        }
    }

    private Writer writer() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (!today.equals(day) || writer == null) {
            closeFile();
            Path file = dir.resolve("enriched-" + today + ".jsonl");
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                    java.nio.channels.Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
            day = today;
            LOG.info("writing {}", file);
        }
        return writer;
    }

    private void closeFile() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            channel = null;
        }
    }

    @Override
    protected void stopping() {
        try {
            closeFile();
        } catch (IOException e) {
            LOG.warn("error closing the output file: {}", e.toString());
        }
    }
}
