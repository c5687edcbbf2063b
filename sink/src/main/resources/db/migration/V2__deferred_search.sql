-- Full-text search moves off the write path. Keeping a GIN index on to_tsvector(title || body) of articles made
-- every upsert parse the whole body and insert its words into the index in the sink's own transaction, which
-- capped the sink at about a third of its rows/s. Instead a trigger queues the id of each inserted or changed
-- article, and the sink's search indexer (its own connection, so its own backend and core) turns queued articles
-- into article_search rows in batches. Search is eventually consistent: the indexer's lag is a metric.
DROP INDEX IF EXISTS articles_fts_idx;

-- The search document of each article, as of the article version it was built from.
CREATE TABLE article_search (
    id        text PRIMARY KEY,
    version   bigint   NOT NULL,
    document  tsvector NOT NULL
);
CREATE INDEX article_search_document_idx ON article_search USING gin (document);

-- Articles whose search document is missing or stale, oldest first. An id may be queued more than once (each
-- change queues it again); the indexer builds the latest version once per batch.
CREATE TABLE article_search_queue (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         text        NOT NULL,
    queued_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION queue_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_search_queue (id) VALUES (NEW.id);
    RETURN NULL;
END;
$$;

-- Fires only for rows actually written: an upsert the version guard turns away queues nothing.
CREATE TRIGGER articles_search_queue AFTER INSERT OR UPDATE ON articles
    FOR EACH ROW EXECUTE FUNCTION queue_article_search();

-- Articles written before this migration get their documents from the indexer too.
INSERT INTO article_search_queue (id) SELECT id FROM articles;
