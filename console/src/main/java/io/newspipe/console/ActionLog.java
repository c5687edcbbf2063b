package io.newspipe.console;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every action taken or refused through the console: logged, and kept (the newest 200) for the page. */
public final class ActionLog {

    private static final Logger LOG = LoggerFactory.getLogger(ActionLog.class);
    private static final int KEPT = 200;

    /** One action: when, from which address, what, and how it ended. */
    public record Entry(String at, String client, String action, String result) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void record(String client, String action, String result) {
        LOG.info("console action from {}: {} -> {}", client, action, result);
        entries.addFirst(new Entry(Times.format(Instant.now()), client, action, result));
        if (entries.size() > KEPT) {
            entries.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
