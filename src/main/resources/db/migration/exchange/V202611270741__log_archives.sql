-- Archived stretches of the message log. Archives cover contiguous, disjoint ranges of the chain; a month's records
-- are dropped from the database only after its archive file was written and verified.
create table exchange.log_archive (
    id              bigint generated always as identity primary key,
    period          text not null unique,
    first_seq       bigint not null,
    last_seq        bigint not null,
    records         bigint not null,
    last_chain_hash bytea not null,
    file            text not null,
    sha256          text not null,
    archived_by     text,
    archived_at     timestamptz not null,
    check (last_seq >= first_seq - 1)
);
