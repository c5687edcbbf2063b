package io.newspipe.bench;

import io.newspipe.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code newspipe} command run in a JVM of its own (G1, a given {@code -Xmx}, its GC log and output in files),
 * as the benchmarks that measure one stage's heap or CPU run it: the stage is then measured alone, not mixed with
 * the broker and the benchmark in one process.
 */
final class StageJvm implements AutoCloseable {

    final String name;
    final Path gcLog;
    final Path log;
    private final Process process;
    private volatile Duration lastCpu = Duration.ZERO;

    private StageJvm(String name, Process process, Path gcLog, Path log) {
        this.name = name;
        this.process = process;
        this.gcLog = gcLog;
        this.log = log;
    }

    /** Starts {@code newspipe <args>} with this JVM's class path; its output goes to {@code work/<prefix>-<name>.log}. */
    static StageJvm start(String prefix, String name, List<String> args, Path work, String xmx) throws IOException {
        Path gcLog = work.resolve(prefix + "-" + name + "-gc.log");
        Path log = work.resolve(prefix + "-" + name + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-XX:+UseG1GC", "-Xlog:gc,gc+heap+exit:file=" + gcLog, "-Dnewspipe.home="
                        + System.getProperty("newspipe.home", "."), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new StageJvm(name, p, gcLog, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails when the stage has exited although it should still run. */
    void checkRunning() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited early with " + process.exitValue() + "; see " + log);
        }
    }

    /**
     * CPU time the JVM has used, all threads: read while it runs, so call it regularly; once it has exited this is
     * the last value read.
     */
    Duration cpu() {
        process.toHandle().info().totalCpuDuration().ifPresent(d -> lastCpu = d);
        return lastCpu;
    }

    /** Stops the stage with SIGTERM (its clean shutdown) and waits for it. */
    void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        awaitExit(timeout);
    }

    /** Waits for the stage to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not finish; see " + log);
        }
        return process.exitValue();
    }

    /** The largest heap occupancy its GC log shows (see {@link HeapBench#peakHeapMiB}). */
    long peakHeapMiB() throws IOException {
        return HeapBench.peakHeapMiB(Files.readAllLines(gcLog, StandardCharsets.UTF_8));
    }

    /** The largest heap occupancy its GC log shows right after a collection: what the stage kept live. */
    long liveHeapMiB() throws IOException {
        return HeapBench.liveHeapMiB(Files.readAllLines(gcLog, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
