package io.newspipe.enrich;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;

/**
 * The serdes the {@link EnrichTopology} reads and writes with, passed in so that tests can hand it {@code mock://}
 * ones.
 *
 * @param raw         reads {@code news.raw} values; must be configured for values
 * @param enriched    writes {@code news.enriched} (and reads the duplicate detector's own topics)
 * @param deadLetters writes {@code news.dlq}
 */
public record TopologySerdes(Deserializer<RawArticle> raw, Serde<EnrichedArticle> enriched,
                             Serde<DeadLetter> deadLetters) {
}
