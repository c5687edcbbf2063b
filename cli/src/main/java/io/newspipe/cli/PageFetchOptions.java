package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.ingest.page.PageFetchSettings;
import java.time.Duration;
import java.util.List;

/**
 * {@code ingest} settings of the page fetcher: off unless asked for; then politeness (user agent, time between and
 * number of requests per host), limits and retries.
 */
final class PageFetchOptions extends SettingGroup {

    static final Setting<Boolean> ENABLED = Setting.flag("--fetch-pages", "NEWSPIPE_INGEST_FETCH_PAGES", "false",
            "Fetch each feed entry's article page (robots.txt obeyed) and publish its main content instead of the "
                    + "feed's summary; the summary stays as a flagged fallback when the page cannot be had");
    static final Setting<String> USER_AGENT = Setting.text("--page-user-agent", "NEWSPIPE_INGEST_PAGE_USER_AGENT",
            PageFetchSettings.DEFAULT_USER_AGENT, "User-Agent of page requests; its first word (before /) is the "
                    + "name robots.txt rules are matched against").withLabel("TEXT");
    static final Setting<Duration> HOST_INTERVAL = Setting.duration("--page-host-interval",
            "NEWSPIPE_INGEST_PAGE_HOST_INTERVAL", "1s",
            "Least time between two requests to one host; a longer robots.txt crawl-delay wins");
    static final Setting<Integer> HOST_CONCURRENCY = Setting.number("--page-host-concurrency",
            "NEWSPIPE_INGEST_PAGE_HOST_CONCURRENCY", "2", "Most page requests in flight to one host").withLabel("N");
    static final Setting<Duration> TIMEOUT = Setting.duration("--page-timeout", "NEWSPIPE_INGEST_PAGE_TIMEOUT", "20s",
            "Time limit of one page response (10 s to connect)");
    static final Setting<Long> MAX_BYTES = Setting.longNumber("--page-max-bytes", "NEWSPIPE_INGEST_PAGE_MAX_BYTES",
            "5242880", "Size limit of one page; a larger one is dead-lettered").withLabel("BYTES");
    static final Setting<Integer> ATTEMPTS = Setting.number("--page-attempts", "NEWSPIPE_INGEST_PAGE_ATTEMPTS", "3",
            "Attempts per page on connection errors, timeouts, 408, 429 and 5xx, with backoff from 1 s doubling (a "
                    + "Retry-After in seconds is honoured up to 30 s)").withLabel("N");

    PageFetchOptions() {
        super(List.of(ENABLED, USER_AGENT, HOST_INTERVAL, HOST_CONCURRENCY, TIMEOUT, MAX_BYTES, ATTEMPTS));
    }

    boolean enabled() {
        return Boolean.TRUE.equals(value(ENABLED));
    }

    /** The settings these options give (the robots.txt name is the user agent's first word). */
    PageFetchSettings settings() {
        String userAgent = value(USER_AGENT);
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return new PageFetchSettings(userAgent, token.isEmpty() ? "newspipe" : token, value(HOST_INTERVAL),
                value(HOST_CONCURRENCY), Duration.ofSeconds(10), value(TIMEOUT), value(MAX_BYTES), value(ATTEMPTS),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }
}
