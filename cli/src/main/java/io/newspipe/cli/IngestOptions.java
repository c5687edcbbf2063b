package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.ReplayPacer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The ingest stage's settings: feeds and URL lists, polling and its state, article size, replay pace and memory. */
final class IngestOptions extends SettingGroup {

    static final Setting<List<String>> FEEDS = Setting.list("--feed", "NEWSPIPE_INGEST_FEEDS",
            "RSS/Atom feed URL to fetch; repeat it, or comma-separate the variable's URLs", String.class)
            .withLabel("URL");
    static final Setting<List<Path>> URL_LISTS = Setting.list("--url-list", "NEWSPIPE_INGEST_URL_LISTS",
            "Text file of article URLs, one a line: each page is fetched (as --fetch-pages does, robots.txt obeyed) "
                    + "and its main content published; repeat it, or comma-separate the variable's files", Path.class)
            .withLabel("FILE");
    static final Setting<Duration> POLL_INTERVAL = Setting.duration("--poll-interval", "NEWSPIPE_INGEST_POLL_INTERVAL",
            "5m", "How often --watch polls each feed: 90s, 5m, 1h or ISO-8601 PT5M")
            .withRule(d -> !d.isNegative() && !d.isZero(), "must be positive");
    static final Setting<Path> STATE_DIR = Setting.path("--state-dir", "NEWSPIPE_INGEST_STATE_DIR",
            ".newspipe/ingest-state", "Where per-feed state (ETag, Last-Modified, ids already published) is kept "
                    + "between polls and restarts").withLabel("DIR");
    static final Setting<Long> MAX_ARTICLE_BYTES = Setting.longNumber("--max-article-bytes",
            "NEWSPIPE_INGEST_MAX_ARTICLE_BYTES", String.valueOf(IngestSettings.DEFAULT_MAX_ARTICLE_BYTES),
            "Larger articles are dead-lettered; above about 1 MiB the broker's message.max.bytes, the topic's "
                    + "max.message.bytes and the producer's max.request.size (NEWSPIPE_KAFKA_MAX_REQUEST_SIZE) must "
                    + "be raised too").withRule(Setting.atLeast(1), "must be at least 1");
    static final Setting<String> SPEED = Setting.text("--speed", "NEWSPIPE_INGEST_SPEED", "max",
            "Replay pace: 60 = an hour of news per minute, 1 = real time, max = as fast as possible")
            .withLabel("FACTOR|max").withRule(IngestOptions::isSpeed, "must be a positive factor or max");
    static final Setting<Integer> MEMORY_BUDGET_MIB = Setting.number("--memory-budget",
            "NEWSPIPE_INGEST_REPLAY_MEMORY_MB", "64", "Replay: MiB of articles held in memory while sorting; the rest "
                    + "is sorted in runs on disk in --work-dir").withLabel("MIB")
            .withRule(Setting.atLeast(1), "must be at least 1 (MiB)");
    static final Setting<Path> REPLAY_WORK_DIR = Setting.path("--work-dir", "NEWSPIPE_INGEST_REPLAY_DIR",
            ".newspipe/replay", "Replay: sorted runs and the checkpoint that lets a killed replay continue where it "
                    + "stopped").withLabel("DIR");

    static final Setting<Boolean> WATCH = Setting.toggle("--watch", "Keep running: ingest new files that appear "
            + "in the folders and poll the feeds every --poll-interval, until Ctrl-C");
    static final Setting<Boolean> REPLAY = Setting.toggle("--replay", "Re-publish the archives in publication-time "
            + "order with their original timestamps, paced by --speed and bounded by --from/--to");
    static final Setting<Boolean> FRESH = Setting.toggle("--fresh", "Replay: ignore the checkpoint of an earlier, "
            + "unfinished replay with the same arguments and start over");
    static final Setting<Boolean> DRY_RUN = OutputOptions.DRY_RUN.withDoc("Replay: print what would be published "
            + "(articles per day and per outlet, without a publication time, bad input) and publish nothing");

    /** How this run of ingest goes: once, watching, or replaying (for real or as a dry run, from a checkpoint). */
    record Mode(boolean watch, boolean replay, boolean fresh, boolean dryRun) {
    }

    IngestOptions() {
        super(List.of(FEEDS, URL_LISTS, POLL_INTERVAL, STATE_DIR, MAX_ARTICLE_BYTES, SPEED, MEMORY_BUDGET_MIB,
                REPLAY_WORK_DIR, WATCH, REPLAY, FRESH, DRY_RUN));
    }

    Mode mode() {
        return new Mode(isOn(WATCH), isOn(REPLAY), isOn(FRESH), isOn(DRY_RUN));
    }

    private static boolean isSpeed(String speed) {
        try {
            ReplayPacer.parseSpeed(speed);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    long maxArticleBytes() {
        return value(MAX_ARTICLE_BYTES);
    }

    long memoryBudgetBytes() {
        return value(MEMORY_BUDGET_MIB) * (1L << 20);
    }
}
