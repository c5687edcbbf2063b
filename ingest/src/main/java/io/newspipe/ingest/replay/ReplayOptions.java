package io.newspipe.ingest.replay;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a replay uses memory and disk. {@code memoryBudgetBytes}: articles held in memory while sorting (the rest is
 * spilled to sorted runs in {@code workDir}); {@code workDir}: sorted runs and the checkpoint of each replay (by a
 * fingerprint of its arguments); {@code checkpointEvery}: how often the published position is made durable (a
 * restart re-publishes at most that much); {@code fresh}: ignore an earlier checkpoint and start over.
 */
public record ReplayOptions(long memoryBudgetBytes, Path workDir, Duration checkpointEvery, boolean fresh) {

    /** 64 MiB of articles in memory, work folder {@code .newspipe/replay}, a checkpoint every 5 seconds. */
    public static final ReplayOptions DEFAULTS = new ReplayOptions(64L << 20, Path.of(".newspipe", "replay"),
            Duration.ofSeconds(5), false);

    public ReplayOptions {
        if (memoryBudgetBytes < 1 << 20) {
            throw new IllegalArgumentException("the replay memory budget must be at least 1 MiB, not "
                    + memoryBudgetBytes + " bytes");
        }
        if (checkpointEvery.isNegative() || checkpointEvery.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive, not " + checkpointEvery);
        }
    }
}
