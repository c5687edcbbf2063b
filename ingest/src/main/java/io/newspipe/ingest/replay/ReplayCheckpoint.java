package io.newspipe.ingest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * How far a replay got: the last entry (in {@link ReplayEntry#ORDER}) whose record the broker acknowledged, how many
 * entries were handled up to it, and whether every input had been read (so its dead letters were all sent). A
 * restarted replay with the same arguments (same {@code fingerprint}) skips every entry up to and including the last
 * one. Written atomically (a temporary file, forced to disk, then renamed over the old one), so a replay killed at
 * any moment leaves either the previous checkpoint or the new one, never a torn file.
 */
public record ReplayCheckpoint(String fingerprint, long handled, long lastPublishedAtMillis, String lastId,
                               String lastOrigin, boolean readComplete) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The checkpoint at {@code entry}, the {@code handled}-th entry of the replay. */
    public static ReplayCheckpoint at(String fingerprint, long handled, ReplayEntry entry, boolean readComplete) {
        return new ReplayCheckpoint(fingerprint, handled, entry.publishedAtMillis(), entry.id(), entry.origin(),
                readComplete);
    }

    /** Whether {@code entry} comes after this checkpoint, i.e. has not been published yet. */
    public boolean isBefore(ReplayEntry entry) {
        int byTime = Long.compare(lastPublishedAtMillis, entry.publishedAtMillis());
        if (byTime != 0) {
            return byTime < 0;
        }
        int byId = lastId.compareTo(entry.id());
        return byId != 0 ? byId < 0 : lastOrigin.compareTo(entry.origin()) < 0;
    }

    /** The last entry handled, as far as duplicate detection needs it (time and id). */
    public ReplayEntry lastEntry() {
        return new ReplayEntry(lastPublishedAtMillis, lastId, null);
    }

    /** Reads the checkpoint at {@code file}; empty when there is none or it belongs to other arguments. */
    public static Optional<ReplayCheckpoint> read(Path file, String fingerprint) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            ReplayCheckpoint checkpoint = new ReplayCheckpoint(node.path("fingerprint").asText(),
                    node.path("handled").asLong(), node.path("last_published_at_millis").asLong(),
                    node.path("last_id").asText(), node.path("last_origin").asText(),
                    node.path("read_complete").asBoolean());
            return checkpoint.fingerprint().equals(fingerprint) ? Optional.of(checkpoint) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay checkpoint " + file + ": delete it to start the "
                    + "replay over, or restart with --fresh", e);
        }
    }

    /** Writes this checkpoint to {@code file} atomically. */
    public void write(Path file) {
        ObjectNode node = JSON.createObjectNode()
                .put("fingerprint", fingerprint).put("handled", handled)
                .put("last_published_at_millis", lastPublishedAtMillis).put("last_id", lastId)
                .put("last_origin", lastOrigin).put("read_complete", readComplete);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.write(temporary, JSON.writeValueAsBytes(node));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + file.getParent() + " cannot rename atomically: "
                        + "choose another --work-dir", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay checkpoint " + file, e);
        }
    }
}
