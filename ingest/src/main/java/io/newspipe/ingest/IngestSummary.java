package io.newspipe.ingest;

/** What an ingest run did. */
public record IngestSummary(long published, long duplicates, long deadLetters) {

    @Override
    public String toString() {
        return "published " + published + ", duplicates " + duplicates + ", dead letters " + deadLetters;
    }
}
