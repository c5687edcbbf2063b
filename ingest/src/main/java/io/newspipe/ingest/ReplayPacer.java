package io.newspipe.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Paces a replay: at speed {@code s}, an article published {@code t} after the first one is released {@code t / s}
 * after the replay started (speed 60 = an hour of news per minute; {@link #MAX} = no waiting). The clock and the
 * sleeper are injected, so tests run any pace without really waiting. Not thread-safe: one replay, one pacer.
 */
public final class ReplayPacer {

    /** As fast as the producer goes. */
    public static final double MAX = Double.POSITIVE_INFINITY;

    private final double speed;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long startNanos;
    private Instant first;

    public ReplayPacer(double speed, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, or max");
        }
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public static ReplayPacer of(double speed) {
        return new ReplayPacer(speed, System::nanoTime, Sleeper.SYSTEM);
    }

    /** Parses {@code max}, {@code 60} or {@code 60x}. */
    public static double parseSpeed(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) {
            return MAX;
        }
        if (t.endsWith("x")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("--speed " + s + ": give a positive factor (60 = an hour of news per "
                + "minute, 1 = real time) or max");
    }

    public double speed() {
        return speed;
    }

    /** Waits until the article published at {@code publishedAt} is due. The first call starts the clock. */
    public void awaitTurn(Instant publishedAt) throws InterruptedException {
        if (first == null) {
            first = publishedAt;
            startNanos = nanoTime.getAsLong();
            return;
        }
        if (Double.isInfinite(speed)) {
            return;
        }
        double newsNanos = Duration.between(first, publishedAt).toNanos();
        long due = startNanos + (long) (newsNanos / speed);
        long wait = due - nanoTime.getAsLong();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
