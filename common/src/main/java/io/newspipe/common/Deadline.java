package io.newspipe.common;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; the one way this code base waits. */
public final class Deadline {

    private Deadline() {
    }

    /**
     * Polls {@code condition} every {@code pollEvery} until it is true; throws {@link IllegalStateException} with
     * {@code what} when {@code timeout} passes first.
     */
    public static void await(String what, Duration timeout, Duration pollEvery, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
