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
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What ingest remembers about one feed between polls and restarts, as a small JSON file in the state folder
 * ({@code <state-dir>/feed-<hash of the URL>.json}): the URL, the validators for a conditional GET ({@code ETag},
 * {@code Last-Modified}) and, for each article already published from it (the most recent {@value #MAX_SEEN}),
 * the hash of the text published, its revision and the validators of its page when pages are fetched. An
 * unchanged entry publishes nothing even when the server ignores conditional GETs; an entry whose text changed
 * under the same id is published again as the next revision. Files written before revisions were kept list the
 * ids only ({@code seen}); their articles are taken as unchanged until their text changes. Written atomically
 * (temporary file + rename).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class FeedState {

    static final int MAX_SEEN = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String url;
    public String etag;
    public String lastModified;
    public String lastFetchedAt;
    /** Ids published before content hashes were kept (older state files); moved into {@link #published}. */
    public List<String> seen = new ArrayList<>();
    /** Each article published from the feed by id, oldest first. */
    public LinkedHashMap<String, Published> published = new LinkedHashMap<>();

    /** What was published under one id: the hash of its text, its revision, its page's validators. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Published {
        public String hash;
        public int revision = 1;
        public String pageEtag;
        public String pageLastModified;
    }

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
                    for (String id : s.seen) {
                        s.published.putIfAbsent(id, new Published());
                    }
                    s.seen = new ArrayList<>();
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
        var oldest = published.keySet().iterator();
        for (int extra = published.size() - MAX_SEEN; extra > 0; extra--) {
            oldest.next();
            oldest.remove();
        }
        Path f = file(dir, url);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** What was published under {@code id}, or null for an article not published from this feed yet. */
    Published published(String id) {
        return published.get(id);
    }

    /**
     * The revision to publish an article with text hash {@code hash} under: 1 for a new id, the next one when the
     * text changed, 0 when nothing changed (publish nothing). An entry from an older state file without a hash
     * takes this hash as its own and publishes nothing.
     */
    int revisionFor(String id, String hash) {
        Published p = published.get(id);
        if (p == null) {
            return 1;
        }
        if (p.hash == null) {
            p.hash = hash;
            return 0;
        }
        return p.hash.equals(hash) ? 0 : p.revision + 1;
    }

    /** Remembers that {@code id} was published with {@code hash} as {@code revision} (it becomes the newest). */
    void markPublished(String id, String hash, int revision) {
        Published p = published.remove(id);
        if (p == null) {
            p = new Published();
        }
        p.hash = hash;
        p.revision = revision;
        published.put(id, p);
    }

    /** The hash that tells one version of an article's text from another: SHA-256 of its title and body. */
    static String textHash(TextArticle a) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(String.valueOf(a.title()).getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(a.body().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
