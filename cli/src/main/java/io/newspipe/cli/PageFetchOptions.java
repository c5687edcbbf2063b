package io.newspipe.cli;

import io.newspipe.ingest.page.PageFetchSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code ingest} options of the page fetcher: off unless asked for; then politeness (user agent, time between and
 * number of requests per host), limits and retries. Each option has its {@code NEWSPIPE_INGEST_PAGE_…} variable.
 */
final class PageFetchOptions {

    @Option(names = "--fetch-pages", negatable = true, defaultValue = "${env:NEWSPIPE_INGEST_FETCH_PAGES:-false}",
            fallbackValue = "true",
            description = "Fetch each feed entry's article page (robots.txt obeyed) and publish its main content "
                    + "instead of the feed's summary; the summary stays as a flagged fallback when the page cannot be "
                    + "had (env NEWSPIPE_INGEST_FETCH_PAGES; default ${DEFAULT-VALUE}).")
    boolean enabled;

    @Option(names = "--page-user-agent", paramLabel = "TEXT",
            defaultValue = "${env:NEWSPIPE_INGEST_PAGE_USER_AGENT:-" + PageFetchSettings.DEFAULT_USER_AGENT + "}",
            description = "User-Agent of page requests; its first word (before /) is the name robots.txt rules are "
                    + "matched against (env NEWSPIPE_INGEST_PAGE_USER_AGENT; default ${DEFAULT-VALUE}).")
    String userAgent;

    @Option(names = "--page-host-interval", paramLabel = "DURATION", converter = IngestCommand.DurationConverter.class,
            defaultValue = "${env:NEWSPIPE_INGEST_PAGE_HOST_INTERVAL:-1s}",
            description = "Least time between two requests to one host; a longer robots.txt crawl-delay wins (env "
                    + "NEWSPIPE_INGEST_PAGE_HOST_INTERVAL; default ${DEFAULT-VALUE}).")
    Duration hostInterval;

    @Option(names = "--page-host-concurrency", paramLabel = "N",
            defaultValue = "${env:NEWSPIPE_INGEST_PAGE_HOST_CONCURRENCY:-2}",
            description = "Most page requests in flight to one host (env NEWSPIPE_INGEST_PAGE_HOST_CONCURRENCY; "
                    + "default ${DEFAULT-VALUE}).")
    int hostConcurrency;

    @Option(names = "--page-timeout", paramLabel = "DURATION", converter = IngestCommand.DurationConverter.class,
            defaultValue = "${env:NEWSPIPE_INGEST_PAGE_TIMEOUT:-20s}",
            description = "Time limit of one page response (env NEWSPIPE_INGEST_PAGE_TIMEOUT; default "
                    + "${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--page-max-bytes", paramLabel = "BYTES",
            defaultValue = "${env:NEWSPIPE_INGEST_PAGE_MAX_BYTES:-5242880}",
            description = "Size limit of one page; a larger one is dead-lettered (env NEWSPIPE_INGEST_PAGE_MAX_BYTES; "
                    + "default ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--page-attempts", paramLabel = "N", defaultValue = "${env:NEWSPIPE_INGEST_PAGE_ATTEMPTS:-3}",
            description = "Attempts per page on connection errors, timeouts, 408, 429 and 5xx, with backoff from 1 s "
                    + "doubling (env NEWSPIPE_INGEST_PAGE_ATTEMPTS; default ${DEFAULT-VALUE}).")
    int attempts;

    /** The settings these options give (the robots.txt name is the user agent's first word). */
    PageFetchSettings settings() {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return new PageFetchSettings(userAgent, token.isEmpty() ? "newspipe" : token, hostInterval, hostConcurrency,
                Duration.ofSeconds(10), timeout, maxBytes, attempts, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
