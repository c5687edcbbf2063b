package io.newspipe.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The aggregates of the topics and rules pages, computed by PostgreSQL over the {@code articles} table. */
public final class Aggregates {

    /** An article's place in time: its publication, or when it was ingested if the source gave none. */
    private static final String WHEN = "coalesce(published_at, ingested_at, enriched_at)";

    private final Database database;

    public Aggregates(Database database) {
        this.database = database;
    }

    /**
     * Each topic's share of the articles published in each time bucket: {@code times} are the buckets' starts
     * (epoch seconds), {@code shares} one series per topic (0–1, parallel to {@code times}).
     */
    public record TopicShares(String bucket, List<Long> times, Map<String, List<Double>> shares, long articles) {
    }

    /**
     * Topic shares over publication time (ingest time for articles without one), for one outlet or (null) all;
     * in minutes when all of it lies within 2 hours, hours within 3 days, else days.
     */
    public TopicShares topicShares(String source) throws SQLException {
        try (Connection c = database.connect()) {
            String bucket = "day";
            try (PreparedStatement ps = c.prepareStatement("SELECT max(" + WHEN + ") - min(" + WHEN + ") "
                    + "< interval '2 hours', max(" + WHEN + ") - min(" + WHEN + ") < interval '3 days' "
                    + "FROM articles WHERE (?::text IS NULL OR source = ?)")) {
                ps.setString(1, source);
                ps.setString(2, source);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        bucket = rs.getBoolean(1) ? "minute" : rs.getBoolean(2) ? "hour" : "day";
                    }
                }
            }
            String sql = "WITH a AS (SELECT date_trunc('" + bucket + "', " + WHEN + ") AS b, topics FROM articles "
                    + "WHERE (?::text IS NULL OR source = ?)) "
                    + "SELECT extract(epoch FROM b)::bigint, t, count(*), (SELECT count(*) FROM a a2 WHERE a2.b = a.b) "
                    + "FROM a, unnest(CASE WHEN cardinality(topics) = 0 THEN ARRAY['(none)'] ELSE topics END) t "
                    + "GROUP BY a.b, t ORDER BY a.b, t";
            TreeMap<Long, Map<String, Double>> byTime = new TreeMap<>();
            TreeSet<String> labels = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, source);
                ps.setString(2, source);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        labels.add(rs.getString(2));
                        byTime.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                                .put(rs.getString(2), rs.getLong(3) / (double) rs.getLong(4));
                    }
                }
            }
            Map<String, List<Double>> shares = new LinkedHashMap<>();
            for (String l : labels) {
                shares.put(l, byTime.values().stream().map(m -> m.getOrDefault(l, 0.0)).toList());
            }
            long articles;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM articles WHERE ?::text IS NULL "
                    + "OR source = ?")) {
                ps.setString(1, source);
                ps.setString(2, source);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    articles = rs.getLong(1);
                }
            }
            return new TopicShares(bucket, new ArrayList<>(byTime.keySet()), shares, articles);
        }
    }

    /** How often a rule removed something from an outlet's articles. */
    public record RuleHits(String rule, String kind, String source, long hits, long articles) {
    }

    /** An outlet's bytes: kept in the clean bodies and removed by the rules. */
    public record OutletBytes(String source, long articles, long keptBytes, long removedBytes) {

        /** The share of the original bytes that were removed, in percent. */
        public double removedPercent() {
            long all = keptBytes + removedBytes;
            return all == 0 ? 0 : 100.0 * removedBytes / all;
        }
    }

    /** One removal, as an example of what a rule takes out. */
    public record Sample(String rule, String kind, String text, String articleId, String source) {
    }

    /** Everything the rules page shows. */
    public record RuleReport(List<RuleHits> hits, List<OutletBytes> outlets, List<Sample> samples) {
    }

    /** Hits per rule and outlet, bytes removed per outlet, and up to three recent samples per rule. */
    public RuleReport rules() throws SQLException {
        List<RuleHits> hits = new ArrayList<>();
        List<OutletBytes> outlets = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        try (Connection c = database.connect()) {
            query(c, "SELECT r->>'rule', min(r->>'kind'), coalesce(a.source, '-'), count(*), count(DISTINCT a.id) "
                    + "FROM articles a, jsonb_array_elements(a.removed) r GROUP BY 1, 3 ORDER BY 4 DESC, 1, 3",
                    rs -> hits.add(new RuleHits(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5))));
            query(c, "SELECT coalesce(source, '-'), count(*), sum(octet_length(body)), sum((SELECT "
                    + "coalesce(sum(octet_length(r->>'text')), 0) FROM jsonb_array_elements(removed) r)) "
                    + "FROM articles GROUP BY 1 ORDER BY 4 DESC, 1",
                    rs -> outlets.add(new OutletBytes(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))));
            query(c, "SELECT rule, kind, text, id, source FROM (SELECT r->>'rule' AS rule, r->>'kind' AS kind, "
                    + "r->>'text' AS text, a.id, coalesce(a.source, '-') AS source, row_number() OVER (PARTITION BY "
                    + "r->>'rule' ORDER BY a.updated_at DESC, a.id) AS n FROM articles a, "
                    + "jsonb_array_elements(a.removed) r) s WHERE n <= 3 ORDER BY rule, n",
                    rs -> samples.add(new Sample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5))));
        }
        return new RuleReport(hits, outlets, samples);
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }

    /** The outlets, for the topics page's choice. */
    public List<String> sources() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = database.connect()) {
            query(c, "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY 1",
                    rs -> out.add(rs.getString(1)));
        }
        return out;
    }
}
