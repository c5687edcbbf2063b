package io.newspipe.ingest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How feeds are fetched over HTTP(S): timeouts, the size limit of one response, retries with exponential backoff
 * (on connection errors, timeouts, 408, 429 and 5xx), the poll interval and the folder of per-feed state files.
 */
public record FeedSettings(Duration connectTimeout, Duration requestTimeout, long maxFeedBytes, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff, Duration pollInterval, Path stateDir) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);

    public FeedSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 10 s to connect, 30 s per request, 64 MiB, 4 attempts, backoff 1 s doubling up to 30 s. */
    public static FeedSettings defaults(Path stateDir, Duration pollInterval) {
        return new FeedSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 64L * 1024 * 1024, 4,
                Duration.ofSeconds(1), Duration.ofSeconds(30), pollInterval, stateDir);
    }
}
