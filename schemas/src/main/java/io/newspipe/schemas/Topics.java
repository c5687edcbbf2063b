package io.newspipe.schemas;

/** Default topic names (each is configurable in every stage). */
public final class Topics {

    /** Raw articles, key = article id, value = RawArticle. Long retention: it is the replay source. */
    public static final String RAW = "news.raw";
    /** Enriched articles, key = article id, value = EnrichedArticle: the public contract. */
    public static final String ENRICHED = "news.enriched";
    /** Dead letters of every stage, key = original key bytes, value = DeadLetter. */
    public static final String DLQ = "news.dlq";
    /** Takedowns, key = article id, value = Takedown: the audit of every takedown and the list replays honour. */
    public static final String TAKEDOWNS = "news.takedowns";

    private Topics() {
    }
}
