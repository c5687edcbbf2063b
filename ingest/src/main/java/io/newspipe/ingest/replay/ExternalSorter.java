package io.newspipe.ingest.replay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sorts replay entries of any total size in a fixed memory budget: entries collect in memory until their estimated
 * size reaches the budget, are sorted and written to a run file in the work folder, and the runs are merged at the
 * end, reading one entry of each at a time. When there are more runs than {@link #MAX_FAN_IN}, groups of them are
 * first merged into longer runs, so open files and read buffers stay bounded too. Not thread-safe.
 */
public final class ExternalSorter implements AutoCloseable {

    /** Runs merged at once: each holds a read buffer and one entry in memory. */
    static final int MAX_FAN_IN = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ExternalSorter.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path workDir;
    private final long memoryBudgetBytes;
    private final List<ReplayEntry> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> open = new ArrayList<>();
    private long bufferedBytes;
    private long added;
    private int nextRun;

    /** Sorts in {@code workDir} (created if missing), holding at most about {@code memoryBudgetBytes} of entries. */
    public ExternalSorter(Path workDir, long memoryBudgetBytes) {
        if (memoryBudgetBytes < 1) {
            throw new IllegalArgumentException("the memory budget must be positive, not " + memoryBudgetBytes);
        }
        this.workDir = workDir;
        this.memoryBudgetBytes = memoryBudgetBytes;
    }

    public void add(ReplayEntry entry) {
        buffer.add(entry);
        bufferedBytes += entry.estimatedBytes();
        added++;
        if (bufferedBytes >= memoryBudgetBytes) {
            spill();
        }
    }

    /** Entries added so far. */
    public long size() {
        return added;
    }

    /** Run files written so far. */
    public int runCount() {
        return runs.size();
    }

    /** Every entry added, in {@link ReplayEntry#ORDER}; call once, after the last {@link #add}. */
    public Iterator<ReplayEntry> sorted() {
        if (runs.isEmpty()) {
            buffer.sort(ReplayEntry.ORDER);
            List<ReplayEntry> inMemory = List.copyOf(buffer);
            buffer.clear();
            return inMemory.iterator();
        }
        spill();
        while (runs.size() > MAX_FAN_IN) {
            LOG.info("replay: merging {} of {} sorted runs into one", MAX_FAN_IN, runs.size());
            List<Path> group = new ArrayList<>(runs.subList(0, MAX_FAN_IN));
            runs.subList(0, MAX_FAN_IN).clear();
            Path merged = newRunFile();
            try (DataOutputStream out = writer(merged)) {
                Iterator<ReplayEntry> entries = merge(group);
                while (entries.hasNext()) {
                    entries.next().writeTo(out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the merged run " + merged, e);
            }
            closeOpen();
            deleteAll(group);
            runs.add(merged);
        }
        LOG.info("replay: merging {} sorted run(s) of {} article(s) while publishing", runs.size(), added);
        return merge(runs);
    }

    private void spill() {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(ReplayEntry.ORDER);
        Path run = newRunFile();
        try (DataOutputStream out = writer(run)) {
            for (ReplayEntry entry : buffer) {
                entry.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sorted run " + run + " (is the disk full? choose "
                    + "another folder with --work-dir)", e);
        }
        LOG.debug("replay: spilled {} article(s) ({} bytes estimated) to {}", buffer.size(), bufferedBytes, run);
        runs.add(run);
        buffer.clear();
        bufferedBytes = 0;
    }

    private Iterator<ReplayEntry> merge(List<Path> files) {
        PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> ReplayEntry.ORDER.compare(a.head, b.head));
        for (Path file : files) {
            Cursor cursor = new Cursor(reader(file));
            if (cursor.advance()) {
                heads.add(cursor);
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public ReplayEntry next() {
                Cursor smallest = heads.poll();
                if (smallest == null) {
                    throw new NoSuchElementException();
                }
                ReplayEntry entry = smallest.head;
                if (smallest.advance()) {
                    heads.add(smallest);
                }
                return entry;
            }
        };
    }

    private Path newRunFile() {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the replay work folder " + workDir, e);
        }
        return workDir.resolve(String.format("run-%05d.bin", nextRun++));
    }

    private static DataOutputStream writer(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER_BYTES));
    }

    private DataInputStream reader(Path file) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
                    BUFFER_BYTES));
            open.add(in);
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sorted run " + file, e);
        }
    }

    private void closeOpen() {
        for (DataInputStream in : open) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("closing a run file: {}", e.toString());
            }
        }
        open.clear();
    }

    private static void deleteAll(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot delete the replay run file {}: {}", file, e.toString());
            }
        }
    }

    /** Closes the run files and deletes them. */
    @Override
    public void close() {
        closeOpen();
        deleteAll(runs);
        runs.clear();
    }

    /** The next unread entry of one run file. */
    private static final class Cursor {
        private final DataInputStream in;
        private ReplayEntry head;

        Cursor(DataInputStream in) {
            this.in = in;
        }

        boolean advance() {
            try {
                head = ReplayEntry.readFrom(in);
                return head != null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sorted run", e);
            }
        }
    }
}
