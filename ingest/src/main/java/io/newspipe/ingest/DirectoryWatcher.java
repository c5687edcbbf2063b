package io.newspipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder (recursively) and ingests each new or changed file (any kind the {@link Ingestor} reads) once its
 * size has been stable for one scan (so half-written files are not read). Polling, not inotify: it works the same on every file system, including
 * mounted volumes in containers.
 */
public final class DirectoryWatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final Path dir;
    private final Ingestor ingestor;
    private final Duration interval;
    private final Map<Path, String> done = new HashMap<>();
    private final Map<Path, String> pending = new HashMap<>();
    private volatile boolean running = true;

    public DirectoryWatcher(Path dir, Ingestor ingestor, Duration interval) {
        this.dir = dir;
        this.ingestor = ingestor;
        this.interval = interval;
    }

    /**
     * Records the files there now as already ingested (call it just before ingesting the folder yourself), so the
     * first scans do not read them again; a file that changes afterwards is still picked up.
     */
    public void skipExisting() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    done.put(f, a.size() + "@" + a.lastModifiedTime().toMillis());
                } catch (IOException e) {
                    // vanished: nothing to skip
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("cannot scan {}: {}", dir, e.toString());
        }
    }

    /** One scan: ingests files whose size and mtime did not change since the previous scan. Returns how many. */
    public int scanOnce() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().forEach(files::add);
        } catch (IOException e) {
            LOG.warn("cannot scan {}: {}", dir, e.toString());
            return 0;
        }
        int ingested = 0;
        for (Path f : files) {
            String stamp;
            try {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                stamp = a.size() + "@" + a.lastModifiedTime().toMillis();
            } catch (IOException e) {
                continue; // vanished between listing and reading
            }
            if (stamp.equals(done.get(f))) {
                continue;
            }
            if (stamp.equals(pending.get(f))) {
                pending.remove(f);
                done.put(f, stamp);
                ingestor.ingestFile(f);
                ingested++;
            } else {
                pending.put(f, stamp);
            }
        }
        if (ingested > 0) {
            ingestor.flush();
            LOG.info("ingested {} new file(s) from {}; totals: {}", ingested, dir, ingestor.summary());
        }
        return ingested;
    }

    @Override
    public void run() {
        LOG.info("watching {} for new article files every {} ms", dir, interval.toMillis());
        while (running) {
            scanOnce();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void stop() {
        running = false;
    }
}
