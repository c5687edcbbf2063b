package io.newspipe.console;

import java.util.List;

/**
 * What the overview shows at one moment; sent to the browsers as JSON over server-sent events.
 *
 * @param time        when it was taken (epoch millis)
 * @param hops        the rate of each hop of the flow, now and over the last hour
 * @param lags        each consumer's lag
 * @param deadLetters dead letters counted by stage and reason
 * @param stages      each stage's health
 * @param articles    rows in the articles table
 * @param problems    what could not be read this time (empty when all went well)
 */
public record FlowSnapshot(long time, List<Hop> hops, List<Lag> lags, List<DeadLetterCount> deadLetters,
                           List<StageStatus> stages, long articles, List<String> problems) {

    /**
     * One hop: {@code ratePerSecond} now, and {@code times} (epoch seconds) / {@code rates} over the last hour.
     *
     * @param id   a stable name for the page, e.g. {@code raw-in}
     * @param name what is counted, e.g. {@code ingest → news.raw}
     * @param unit what a unit is, e.g. {@code records/s}
     */
    public record Hop(String id, String name, String unit, double ratePerSecond, long total, List<Long> times,
                      List<Double> rates) {
    }

    /**
     * A consumer group's lag on a topic: in records, and in seconds of event time (from the timestamp of the oldest
     * record it has not processed to the newest record's timestamp in the same partition; 0 when caught up).
     */
    public record Lag(String stage, String group, String topic, long records, double seconds) {
    }

    /** How many dead letters one stage wrote for one reason. */
    public record DeadLetterCount(String stage, String reason, long count) {
    }

    /** A stage's health: {@code UP}, {@code DOWN} or {@code UNKNOWN}, and what it was told from. */
    public record StageStatus(String stage, String status, String detail) {
    }
}
