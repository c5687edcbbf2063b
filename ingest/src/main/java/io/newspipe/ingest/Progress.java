package io.newspipe.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long ingest run: work done out of a known total (input bytes, or articles for a replay), articles
 * published, rate and ETA. On a terminal it draws a one-line bar on the given stream (stderr), redrawn at most five
 * times a second; otherwise it writes a timestamped line to that stream (or, without one, an INFO log line) every
 * {@code logEvery}, so container logs show progress whatever the log level. Thread-safe; {@link #NONE} does
 * nothing.
 */
public class Progress {

    /** Discards everything. */
    public static final Progress NONE = new Progress(null, null, Duration.ofDays(365), System::nanoTime);

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final int BAR_WIDTH = 28;

    private final PrintStream terminal;
    private final PrintStream lines;
    private final Logger log;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private String unit = "bytes";
    private long total;
    private long done;
    private long articles;
    private long startNanos = -1;
    private long lastShown;
    private int lastWidth;

    Progress(PrintStream terminal, Logger log, Duration every, LongSupplier nanoTime) {
        this(terminal, null, log, every, nanoTime);
    }

    Progress(PrintStream terminal, PrintStream lines, Logger log, Duration every, LongSupplier nanoTime) {
        this.terminal = terminal;
        this.lines = lines;
        this.log = log;
        this.everyNanos = every.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * A bar on {@code stderr} when {@code terminal} is true (System.console() != null), else a line on {@code stderr}
     * (a log line when it is null) every {@code logEvery}.
     */
    public static Progress create(boolean terminal, PrintStream stderr, Duration logEvery) {
        return terminal ? new Progress(stderr, null, null, Duration.ofMillis(200), System::nanoTime)
                : new Progress(null, stderr, LOG, logEvery, System::nanoTime);
    }

    /** Starts (or restarts) with a total of {@code total} units ("bytes" or "articles"). */
    public synchronized void start(long total, String unit) {
        this.total = total;
        this.unit = unit;
        this.done = 0;
        this.startNanos = nanoTime.getAsLong();
        this.lastShown = startNanos;
    }

    public synchronized void advance(long units) {
        done += units;
        maybeShow();
    }

    public synchronized void article() {
        articles++;
        maybeShow();
    }

    /** Draws the final state and ends the bar's line. */
    public synchronized void finish() {
        if (startNanos < 0 || silent()) {
            return;
        }
        show(true);
        if (terminal != null) {
            terminal.println();
            terminal.flush();
        }
        startNanos = -1;
    }

    private boolean silent() {
        return terminal == null && lines == null && log == null;
    }

    private void maybeShow() {
        if (startNanos < 0 || silent()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastShown >= everyNanos) {
            lastShown = now;
            show(false);
        }
    }

    /** The text of the progress line (without the bar), e.g. "1,234 articles  56.7/s  42% ETA 0:01:05". */
    synchronized String line() {
        double secs = Math.max(1e-9, (nanoTime.getAsLong() - startNanos) / 1e9);
        double rate = articles / secs;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,d articles  %,.1f/s", articles, rate));
        if (total > 0) {
            double frac = Math.min(1.0, (double) done / total);
            s.append(String.format(Locale.ROOT, "  %3d%%", (int) (frac * 100)));
            if (frac > 0 && frac < 1) {
                long eta = (long) (secs * (1 - frac) / frac);
                s.append("  ETA ").append(hms(eta));
            }
        }
        return s.toString();
    }

    private void show(boolean last) {
        String text = line();
        if (terminal != null) {
            StringBuilder bar = new StringBuilder("\r[");
            int filled = total > 0 ? (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total) : 0;
            bar.append("#".repeat(filled)).append((total > 0 ? "." : " ").repeat(BAR_WIDTH - filled))
                    .append("] ").append(text);
            int width = bar.length();
            if (width < lastWidth) {
                bar.append(" ".repeat(lastWidth - width));
            }
            lastWidth = width;
            terminal.print(bar);
            terminal.flush();
        } else if (lines != null) {
            lines.println(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " ingest "
                    + (last ? "done: " : "progress: ") + text);
            lines.flush();
        } else if (log != null) {
            log.info("{}{}", last ? "done: " : "progress: ", text);
        }
    }

    static String hms(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
