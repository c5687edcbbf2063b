package io.newspipe.ingest.page;

import io.newspipe.ingest.Sleeper;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Politeness towards one host: at most {@code concurrency} requests in flight, and request starts spaced by at
 * least the interval (the configured one, or the site's crawl-delay when longer). Every request to the host,
 * robots.txt included, passes through {@link #enter} and {@link #leave}.
 */
final class HostGate {

    private final Semaphore permits;
    private long nextStart = Long.MIN_VALUE;

    HostGate(int concurrency) {
        this.permits = new Semaphore(concurrency, true);
    }

    /** Waits for a free slot and for the request's turn; then the caller sends it and calls {@link #leave}. */
    void enter(Duration interval, Sleeper sleeper) throws InterruptedException {
        permits.acquire();
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = nextStart == Long.MIN_VALUE ? now : Math.max(now, nextStart);
            nextStart = start + interval.toNanos();
            wait = start - now;
        }
        try {
            sleeper.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            permits.release();
            throw e;
        }
    }

    void leave() {
        permits.release();
    }
}
