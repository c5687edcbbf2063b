package io.newspipe.console;

import java.util.Map;

/**
 * One dead letter as the console shows it: its context, and a safe preview of its key and value (printable text
 * only, cut short; the page escapes it like all other text).
 *
 * @param dlqPartition partition of the dead letter topic it was read from
 * @param dlqOffset    offset there
 * @param where        where the record came from: {@code topic-partition@offset}, or the input file/URL for ingest
 * @param truncated    whether the stage cut the kept bytes (such letters cannot be re-driven)
 */
public record DeadLetterView(String stage, String reason, String failedAt, String errorClass, String errorMessage,
                             String where, String key, int valueSize, String preview, boolean truncated,
                             Map<String, String> context, int dlqPartition, long dlqOffset) {
}
