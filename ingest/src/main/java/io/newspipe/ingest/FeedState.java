package io.newspipe.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What ingest remembers about one feed between polls and restarts, as a small JSON file in the state folder
 * ({@code <state-dir>/feed-<hash of the URL>.json}): the URL, the validators for a conditional GET ({@code ETag},
 * {@code Last-Modified}) and the ids of the articles already published from it (the most recent
 * {@value #MAX_SEEN}), so an unchanged feed publishes nothing new even when the server ignores conditional GETs.
 * Written atomically (temporary file + rename).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FeedState {

    static final int MAX_SEEN = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String url;
    public String etag;
    public String lastModified;
    public String lastFetchedAt;
    public List<String> seen = new ArrayList<>();

    /** The state file of {@code url} under {@code dir}. */
    public static Path file(Path dir, String url) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return dir.resolve("feed-" + HexFormat.of().formatHex(d, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Loads the state of {@code url}, or a fresh one when there is none (or it is unreadable). */
    public static FeedState load(Path dir, String url) {
        Path f = file(dir, url);
        if (Files.isRegularFile(f)) {
            try {
                FeedState s = JSON.readValue(f.toFile(), FeedState.class);
                if (url.equals(s.url)) {
                    return s;
                }
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(FeedState.class).warn(
                        "feed state {} is unreadable ({}); starting afresh for {}", f, e.getMessage(), url);
            }
        }
        FeedState s = new FeedState();
        s.url = url;
        return s;
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (seen.size() > MAX_SEEN) {
            seen = new ArrayList<>(seen.subList(seen.size() - MAX_SEEN, seen.size()));
        }
        Path f = file(dir, url);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    boolean hasSeen(String id) {
        return seen.contains(id);
    }

    void markSeen(List<String> ids) {
        LinkedHashSet<String> all = new LinkedHashSet<>(seen);
        all.addAll(ids);
        seen = new ArrayList<>(all);
    }
}
