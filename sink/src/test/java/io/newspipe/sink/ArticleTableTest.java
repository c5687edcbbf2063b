package io.newspipe.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import io.newspipe.schemas.AvroTrust;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a batch becomes the rows of one statement: one row per article, and the topics' array literal. */
class ArticleTableTest {

    private static final Instant T = Instant.parse("2025-07-06T03:00:00Z");

    @BeforeAll
    static void trustGeneratedClasses() {
        AvroTrust.install(); // copying a generated record resolves its nested classes through Avro's class checks
    }

    private static ArticleTable.Row row(String id, String body, Instant enrichedAt, Integer revision, long offset) {
        EnrichedArticle a = EnrichedArticle.newBuilder(SinkIT.article(id, body, enrichedAt)).setRevision(revision)
                .build();
        return new ArticleTable.Row(a, 0, offset);
    }

    @Test
    void shouldKeepTheRowASequenceOfUpsertsWouldLeaveForEachArticle() {
        List<ArticleTable.Row> batch = List.of(row("a", "a old", T, null, 0), row("b", "b only", T, null, 1),
                row("a", "a newer", T.plusSeconds(60), null, 2), row("a", "a older again", T.minusSeconds(60), null, 3),
                row("c", "c revision 2", T, 2, 4), row("c", "c revision 1 enriched later", T.plusSeconds(600), 1, 5),
                row("a", "a same version, later offset", T.plusSeconds(60), 1, 6));

        List<ArticleTable.Row> written = ArticleTable.newestPerArticle(batch);

        assertThat(written).extracting(r -> r.article().getBody())
                .containsExactly("a newer", "b only", "c revision 2");
        assertThat(written.get(0).offset()).isEqualTo(2); // a tie keeps the first, as the strict guard does
    }

    @Test
    void shouldPassABatchWithoutRepeatsAsItIs() {
        List<ArticleTable.Row> batch = List.of(row("a", "x", T, null, 0), row("b", "y", T, null, 1));
        assertThat(ArticleTable.newestPerArticle(batch)).isSameAs(batch);
    }

    @Test
    void shouldQuoteEveryTopicInTheArrayLiteral() {
        assertThat(ArticleColumns.arrayLiteral(new String[] {"politics", "a,b", "say \"hi\"", "back\\slash", "NULL",
                "{x}"})).isEqualTo("{\"politics\",\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"NULL\",\"{x}\"}");
        assertThat(ArticleColumns.arrayLiteral(new String[0])).isEqualTo("{}");
    }
}
