-- The catalogue's text search scores services in memory now (catalog.internal.SearchIndex): the trigram indexes on
-- the search keys are no longer read. The keys themselves stay: the index is built from them.
drop index if exists catalog.service_name_key_trgm;
drop index if exists catalog.service_text_key_trgm;
