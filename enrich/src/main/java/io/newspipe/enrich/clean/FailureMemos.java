package io.newspipe.enrich.clean;

/**
 * Hands out the slots of the per-line failure memos. A test of a rule that failed on a line's text fails again on
 * the same text, and a line that survives a pass is the same {@link PageLine} in the next one, so a failed test is
 * remembered on the line and skipped afterwards. Each rule takes its slots here while the packs compile: one for
 * a test of the whole (stripped) line, one for a search inside the line.
 */
final class FailureMemos {

    private int wholeLineSlots;
    private int inlineSlots;

    /** A new slot for a whole-line test. */
    int wholeLineSlot() {
        return wholeLineSlots++;
    }

    /** A new slot for a search inside a line. */
    int inlineSlot() {
        return inlineSlots++;
    }

    int wholeLineSlots() {
        return wholeLineSlots;
    }

    int inlineSlots() {
        return inlineSlots;
    }
}
