-- Name search by word start anywhere in the name («% shuudan%» over name_words) cannot use a b-tree; a
-- trigram index can (pg_trgm ships with PostgreSQL and is a trusted extension: a database owner may create it).
create extension if not exists pg_trgm;
create index entity_name_words_trgm on legalentity.entity using gin (name_words gin_trgm_ops);
