package io.newspipe.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A counter's rate over the last hour, from successive readings of a growing total (an end offset, a committed
 * offset, a row count). The first reading only sets the base; a total that goes down (a topic recreated) restarts.
 */
final class RateHistory {

    static final long WINDOW_MILLIS = 3_600_000;
    /** At most this many points go to the browser: older samples are averaged in buckets. */
    static final int MAX_POINTS = 240;

    private record Point(long time, double rate) {
    }

    private final Deque<Point> points = new ArrayDeque<>();
    private long lastTime = -1;
    private long lastTotal;
    private double rate;

    /** Adds a reading of the total at {@code timeMillis}. */
    void add(long timeMillis, long total) {
        if (lastTime >= 0 && timeMillis > lastTime && total >= lastTotal) {
            rate = (total - lastTotal) * 1000.0 / (timeMillis - lastTime);
            points.addLast(new Point(timeMillis, rate));
        }
        lastTime = timeMillis;
        lastTotal = total;
        while (!points.isEmpty() && points.peekFirst().time() < timeMillis - WINDOW_MILLIS) {
            points.removeFirst();
        }
    }

    /** Adds a rate measured directly (a count over the interval since the last reading). */
    void addRate(long timeMillis, double perSecond, long total) {
        rate = perSecond;
        lastTime = timeMillis;
        lastTotal = total;
        points.addLast(new Point(timeMillis, perSecond));
        while (!points.isEmpty() && points.peekFirst().time() < timeMillis - WINDOW_MILLIS) {
            points.removeFirst();
        }
    }

    double rate() {
        return rate;
    }

    long total() {
        return lastTotal;
    }

    /** The hop as the page draws it: at most {@link #MAX_POINTS} points, averaged in equal buckets. */
    FlowSnapshot.Hop hop(String id, String name, String unit) {
        List<Point> all = new ArrayList<>(points);
        int bucket = Math.max(1, (all.size() + MAX_POINTS - 1) / MAX_POINTS);
        List<Long> times = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < all.size(); i += bucket) {
            List<Point> b = all.subList(i, Math.min(all.size(), i + bucket));
            times.add(b.get(b.size() - 1).time() / 1000);
            rates.add(b.stream().mapToDouble(Point::rate).average().orElse(0));
        }
        return new FlowSnapshot.Hop(id, name, unit, rate, lastTotal, times, rates);
    }
}
