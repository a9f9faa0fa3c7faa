-- Issued documents (module documents): what the platform issued, to whom, by which agency, under which short
-- code, and whether the issuer revoked it. The sealed PDFs are kept byte for byte, one row per language, so
-- the holder downloads exactly what was sealed and a verifier can compare an uploaded copy by its hash.
create schema if not exists documents;

create table documents.document (
    id                     uuid primary key,
    short_code             text not null unique check (short_code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
    type                   text not null check (length(type) between 1 and 100),
    agency_code            text not null,
    holder_register_number text not null,
    holder_name            text not null,
    title_mn               text not null check (length(title_mn) between 1 and 300),
    title_en               text not null check (length(title_en) between 1 and 300),
    lines                  jsonb not null,
    source_reference       text check (length(source_reference) between 1 and 200),
    issued_at              timestamptz not null,
    revoked_at             timestamptz,
    revoked_by             text,
    revocation_reason      text check (length(revocation_reason) between 1 and 500),
    -- issuing again from the same source returns the document already issued (null sources never collide)
    unique (type, source_reference),
    check ((revoked_at is null) = (revocation_reason is null))
);
create index document_holder on documents.document (holder_register_number, issued_at desc);
create index document_agency on documents.document (agency_code, issued_at desc);
create index document_source on documents.document (source_reference);

create table documents.rendition (
    document_id uuid not null references documents.document (id),
    language    text not null check (language in ('mn', 'en')),
    pdf         bytea not null,
    sha256      text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    primary key (document_id, language)
);
create index rendition_sha256 on documents.rendition (sha256);
