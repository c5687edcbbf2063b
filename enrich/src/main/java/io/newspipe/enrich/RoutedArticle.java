package io.newspipe.enrich;

import io.newspipe.avro.EnrichedArticle;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** An article on its way to one label's topic ({@code <routePrefix><label>}); a null article is a tombstone. */
record RoutedArticle(String label, EnrichedArticle article) {

    /** Writes the article as {@code articles} does; routed records are only written, never read back. */
    static Serde<RoutedArticle> serde(Serde<EnrichedArticle> articles) {
        return Serdes.serdeFrom((topic, r) -> r == null ? null : articles.serializer().serialize(topic,
                r.article()), (topic, bytes) -> {
                    throw new UnsupportedOperationException("routed records are only written");
                });
    }
}
