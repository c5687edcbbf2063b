package io.newspipe.ingest.page;

import java.time.Duration;

/**
 * How article pages are fetched: the user agent (and the product token robots.txt rules are matched against), the
 * least time between two requests to one host and the most requests in flight to one host, timeouts, the size
 * limit of a page, and retries with exponential backoff.
 */
public record PageFetchSettings(String userAgent, String robotsToken, Duration hostInterval, int hostConcurrency,
                                Duration connectTimeout, Duration requestTimeout, long maxPageBytes,
                                int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** The user agent unless told otherwise: the product, its version, and where to read about it. */
    public static final String DEFAULT_USER_AGENT =
            "newspipe/0.1 (news archiving pipeline; +https://github.com/newspipe/newspipe)";

    public PageFetchSettings {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("the page fetcher needs a user agent");
        }
        if (hostConcurrency < 1 || maxAttempts < 1 || maxPageBytes < 1) {
            throw new IllegalArgumentException("host concurrency, attempts and the page size limit must be positive");
        }
        if (hostInterval.isNegative()) {
            throw new IllegalArgumentException("the interval between requests to a host cannot be negative");
        }
    }

    /** 1 request a second and 2 at a time per host, 10 s to connect, 20 s per page, 5 MiB, 3 attempts. */
    public static PageFetchSettings defaults() {
        return new PageFetchSettings(DEFAULT_USER_AGENT, "newspipe", Duration.ofSeconds(1), 2,
                Duration.ofSeconds(10), Duration.ofSeconds(20), 5L * 1024 * 1024, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }
}
