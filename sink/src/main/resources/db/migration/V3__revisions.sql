-- Corrections and updates: an article republished with changed text carries its revision (1, 2, ...). A row keeps
-- the revision it holds and where its body came from (a fetched page, or the feed's text when the page failed).
-- The version guard orders by revision first, then by enrichment time, so a re-enrichment of an older text never
-- replaces a newer one.
ALTER TABLE articles ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN body_source text;
