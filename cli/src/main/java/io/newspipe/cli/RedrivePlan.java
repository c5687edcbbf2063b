package io.newspipe.cli;

import io.newspipe.avro.DeadLetter;
import java.nio.file.Path;

/** What {@code dlq redrive} does with each dead letter: publish its bytes again, write them to a file, or skip it. */
final class RedrivePlan {

    private RedrivePlan() {
    }

    /** What {@code dlq redrive} does with one dead letter. */
    sealed interface Plan {
        /** Re-publish the original key and value bytes to {@code topic}. */
        record Publish(String topic) implements Plan {
        }

        /** Write the original input bytes to {@code file} (an ingest dead letter, with --ingest-to). */
        record WriteFile(Path file) implements Plan {
        }

        /** Leave it: {@code why}. {@code refused} for ones that cannot be re-driven at all (cut bytes). */
        record Skip(String why, boolean refused) implements Plan {
        }
    }

    /** Decides what to do with one dead letter; pure, so tested without a broker. */
    static Plan plan(DeadLetter l, int dlqPartition, long dlqOffset, ConnectionOptions c, Path ingestTo) {
        long cut = DeadLetterText.truncatedFrom(l);
        if (cut >= 0) {
            return new Plan.Skip("refused: its bytes were cut to " + DeadLetterText.bytes(l.getValue()).length
                    + " of " + (cut == Long.MAX_VALUE ? "more" : cut) + " bytes; recover the input from its source",
                    true);
        }
        if (l.getValue() == null) {
            return new Plan.Skip("no original bytes were kept (a null value, or input over the size limit)", true);
        }
        switch (l.getStage()) {
            case "ingest":
                if (ingestTo == null) {
                    return new Plan.Skip("an ingest dead letter holds raw input, not a record: use --ingest-to DIR "
                            + "to write it to a file, fix it and run newspipe ingest DIR", false);
                }
                return new Plan.WriteFile(ingestTo.resolve(DeadLetterText.fileName(l, dlqPartition, dlqOffset)));
            case "enrich":
                return fromTopic(l, c.rawTopic(), "--raw-topic");
            case "sink":
                return fromTopic(l, c.enrichedTopic(), "--enriched-topic");
            default:
                return new Plan.Skip("unknown stage " + l.getStage(), true);
        }
    }

    private static Plan fromTopic(DeadLetter l, String expected, String option) {
        if (!expected.equals(l.getTopic())) {
            return new Plan.Skip("it came from " + l.getTopic() + ", not " + expected + " (" + option
                    + "): only records of the pipeline's own topics are re-driven", true);
        }
        return new Plan.Publish(expected);
    }
}
