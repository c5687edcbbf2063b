-- The sink writes a batch in one statement and queues the rows it wrote in the same statement (INSERT … RETURNING
-- feeding the queue), so the row trigger goes: a PL/pgSQL call and a one-row insert for every article cost about as
-- much PostgreSQL CPU as writing the article itself. A sink of an older version, which relied on the trigger, no
-- longer queues its rows for search once this has run: upgrade every sink of a database together.
DROP TRIGGER IF EXISTS articles_search_queue ON articles;
DROP FUNCTION IF EXISTS queue_article_search();

-- Rows up to a page stay whole in the table. With the default target (about 2 KB) an article of a few KB had its
-- body run through pglz — which for a body of 1–3 KB of news text seldom saves the 25 % it asks for, so the work
-- was thrown away — and then moved into the TOAST table: a second heap insert and index insert per article, and
-- one more lookup per read. Only rows over 8 KB are compressed and moved out now. The same for search documents.
ALTER TABLE articles SET (toast_tuple_target = 8160);
ALTER TABLE article_search SET (toast_tuple_target = 8160);
