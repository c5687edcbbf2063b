-- Enriched articles, one row per article id. Written only by the newspipe sink (idempotent upserts).
CREATE TABLE articles (
    id                 text PRIMARY KEY,
    source             text,
    url                text,
    title              text,
    published_at       timestamptz,
    language           text,
    dateline_place     text,
    dateline_outlet    text,
    body               text        NOT NULL,
    topics             text[]      NOT NULL DEFAULT '{}',
    related_headlines  jsonb       NOT NULL DEFAULT '[]',
    removed            jsonb       NOT NULL DEFAULT '[]',
    credits            jsonb,
    syndication        jsonb,
    topic_evidence     jsonb       NOT NULL DEFAULT '[]',
    partial_page       boolean     NOT NULL DEFAULT false,
    content_hash       text,
    simhash            bigint,
    duplicate_of       text,
    cluster_id         text,
    rule_pack_version  text,
    taxonomy_version   text,
    ingested_at        timestamptz,
    enriched_at        timestamptz NOT NULL,
    -- the version guard: an enrichment only replaces a row with a lower version (enriched_at in epoch millis)
    version            bigint      NOT NULL,
    kafka_partition    integer,
    kafka_offset       bigint,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX articles_published_at_idx ON articles (published_at DESC);
CREATE INDEX articles_topics_idx ON articles USING gin (topics);
CREATE INDEX articles_fts_idx ON articles USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || body));
CREATE INDEX articles_cluster_idx ON articles (cluster_id) WHERE cluster_id IS NOT NULL;
