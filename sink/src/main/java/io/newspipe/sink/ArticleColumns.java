package io.newspipe.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RemovedSpan;
import io.newspipe.avro.Topic;
import io.newspipe.schemas.SimHashHex;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of {@code articles} that the sink writes, and how a batch of rows becomes one array per column for
 * {@code unnest}: text, JSON and timestamps travel as {@code text[]} and are cast in the statement (the same input
 * functions a plain parameter would go through), numbers and booleans as arrays of their own type. A row's topics
 * travel as one {@code text[]} literal per row, since an array of arrays of different lengths is not an array.
 */
final class ArticleColumns {

    /** How a column travels: the element type of its array parameter and the cast back to the column's type. */
    enum Kind {
        TEXT("text", ""), JSONB("text", "::jsonb"), TIMESTAMP("text", "::timestamptz"), TEXT_ARRAY("text", "::text[]"),
        BIGINT("int8", ""), INTEGER("int4", ""), BOOLEAN("bool", "");

        final String elementType;
        final String cast;

        Kind(String elementType, String cast) {
            this.elementType = elementType;
            this.cast = cast;
        }
    }

    /** A column: its name and how it travels. */
    record Column(String name, Kind kind) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns in order, each {@code name} (text) or {@code name:kind}. */
    static final List<Column> COLUMNS = java.util.Arrays.stream(("id source url title published_at:timestamp language"
            + " dateline_place dateline_outlet body topics:text_array related_headlines:jsonb removed:jsonb"
            + " credits:jsonb syndication:jsonb topic_evidence:jsonb partial_page:boolean content_hash simhash:bigint"
            + " duplicate_of cluster_id rule_pack_version taxonomy_version ingested_at:timestamp"
            + " enriched_at:timestamp version:bigint kafka_partition:integer kafka_offset:bigint revision:integer"
            + " body_source").split(" "))
            .map(spec -> spec.split(":"))
            .map(parts -> new Column(parts[0], parts.length == 1 ? Kind.TEXT
                    : Kind.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT))))
            .toList();

    private ArticleColumns() {
    }

    /** One array per column (in {@link #COLUMNS} order), element i from row i. */
    static List<Object[]> arrays(List<ArticleTable.Row> rows) {
        List<Object[]> columns = new ArrayList<>(COLUMNS.size());
        for (Column column : COLUMNS) {
            columns.add(switch (column.kind()) {
                case BIGINT -> new Long[rows.size()];
                case INTEGER -> new Integer[rows.size()];
                case BOOLEAN -> new Boolean[rows.size()];
                default -> new String[rows.size()];
            });
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> values = values(rows.get(r));
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                columns.get(i)[r] = value instanceof String[] labels ? arrayLiteral(labels)
                        : value instanceof java.time.Instant t ? t.toString() : value;
            }
        }
        return columns;
    }

    /** A {@code text[]} literal with every element quoted, so commas, braces, quotes and NULL stay text. */
    static String arrayLiteral(String[] elements) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"');
            String e = elements[i];
            for (int k = 0; k < e.length(); k++) {
                char ch = e.charAt(k);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /** The column values of a row, in {@link #COLUMNS} order: String, Long, Integer, Boolean, Instant, String[]. */
    static List<Object> values(ArticleTable.Row row) {
        EnrichedArticle a = row.article();
        List<Object> v = new ArrayList<>(COLUMNS.size());
        v.add(a.getId());
        v.add(a.getSource());
        v.add(a.getUrl());
        v.add(a.getTitle());
        v.add(a.getPublishedAt());
        v.add(a.getLanguage());
        v.add(a.getDateline() == null ? null : a.getDateline().getPlace());
        v.add(a.getDateline() == null ? null : a.getDateline().getOutlet());
        v.add(a.getBody());
        v.add(a.getTopics().stream().map(Topic::getLabel).toArray(String[]::new));
        v.add(JSON.valueToTree(a.getRelatedHeadlines()).toString());
        v.add(removed(a.getRemoved()));
        v.add(a.getCredits() == null ? null : credits(a));
        v.add(a.getSyndication() == null ? null : syndication(a));
        v.add(evidence(a.getTopics()));
        v.add(a.getPartialPage());
        v.add(a.getContentHash());
        v.add(SimHashHex.parse(a.getSimhashHex()));
        v.add(a.getDuplicateOf());
        v.add(a.getClusterId());
        v.add(a.getRulePackVersion());
        v.add(a.getTaxonomyVersion());
        v.add(a.getIngestedAt());
        v.add(a.getEnrichedAt());
        v.add(a.getEnrichedAt().toEpochMilli());
        v.add(row.partition());
        v.add(row.offset());
        v.add(a.getRevision() == null ? 1 : a.getRevision());
        v.add(a.getBodySource());
        return v;
    }

    private static String removed(List<RemovedSpan> spans) {
        ArrayNode arr = JSON.createArrayNode();
        for (RemovedSpan s : spans) {
            arr.addObject().put("rule", s.getRule()).put("kind", s.getKind()).put("text", s.getText())
                    .put("line", s.getLine());
        }
        return arr.toString();
    }

    private static String credits(EnrichedArticle a) {
        var c = a.getCredits();
        ObjectNode o = JSON.createObjectNode().put("author", c.getAuthor()).put("editor", c.getEditor())
                .put("reporter", c.getReporter());
        o.set("codes", JSON.valueToTree(c.getCodes()));
        o.set("lines", JSON.valueToTree(c.getLines()));
        return o.toString();
    }

    private static String syndication(EnrichedArticle a) {
        var s = a.getSyndication();
        return JSON.createObjectNode().put("outlet", s.getOutlet()).put("title", s.getTitle()).put("url", s.getUrl())
                .put("text", s.getText()).toString();
    }

    private static String evidence(List<Topic> topics) {
        ArrayNode arr = JSON.createArrayNode();
        for (Topic t : topics) {
            ObjectNode o = arr.addObject().put("label", t.getLabel()).put("iptc", t.getIptc())
                    .put("score", t.getScore());
            o.set("evidence", JSON.valueToTree(t.getEvidence()));
        }
        return arr.toString();
    }
}
