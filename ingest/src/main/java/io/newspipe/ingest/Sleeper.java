package io.newspipe.ingest;

import java.time.Duration;

/** Waits for a while; injectable so tests of pacing, polling and backoff never really wait. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
