package io.newspipe.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C / SIGTERM handling for the long-running commands. The JVM halts as soon as its shutdown hooks return, so
 * the hook asks the command to stop and then waits (bounded) until the command says it has finished cleaning up —
 * waiting on a latch, not on the main thread, which may itself be blocked in {@code System.exit} by then.
 */
public final class StopSignal {

    private static final Duration GRACE = Duration.ofSeconds(60);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private StopSignal() {
    }

    /** Installs the hook; {@code onStop} runs first in it (e.g. wake a consumer). */
    public static StopSignal install(String name, Runnable onStop) {
        StopSignal s = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            onStop.run();
            s.stopRequested.countDown();
            try {
                s.finished.await(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name));
        return s;
    }

    /** Blocks until a stop is requested. */
    public void await() throws InterruptedException {
        stopRequested.await();
    }

    /** Tells the hook the command has cleaned up; the JVM may halt now. */
    public void finished() {
        finished.countDown();
    }
}
