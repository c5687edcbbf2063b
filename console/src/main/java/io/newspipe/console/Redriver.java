package io.newspipe.console;

/**
 * Re-drives dead letters of one stage and reason the way {@code newspipe dlq redrive} does (the command line
 * supplies the implementation, so there is one re-drive logic): a dry run says what would be re-published.
 */
@FunctionalInterface
public interface Redriver {

    /** What a re-drive (or its dry run) said, and whether it succeeded. */
    record Outcome(boolean ok, String report) {
    }

    /** Re-drives (or, with {@code dryRun}, only lists) the dead letters of {@code stage} with {@code reason}. */
    Outcome redrive(String stage, String reason, boolean dryRun);
}
