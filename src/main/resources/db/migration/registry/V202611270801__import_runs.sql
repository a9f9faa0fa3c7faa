-- Bulk imports and how far they have got, written by the node that runs one (every second while it runs, and
-- when it starts and ends, each time in a transaction of its own), so that a restart or another node shows it.
create table registry.import_run (
    id           text primary key,
    file_name    text not null,
    actor        text not null,
    total_bytes  bigint not null,
    phase        text not null check (phase in ('QUEUED', 'READING', 'CHECKING', 'WRITING', 'REGISTRIES', 'DONE', 'FAILED')),
    bytes_read   bigint not null default 0,
    rows_read    bigint not null default 0,
    rejected     bigint not null default 0,
    imported     bigint not null default 0,
    error_code   text,
    error_line   bigint not null default 0,
    rejects_file text,
    registries   text,
    queued_at    timestamptz not null,
    started_at   timestamptz,
    read_at      timestamptz,
    finished_at  timestamptz,
    updated_at   timestamptz not null
);
create index import_run_queued on registry.import_run (queued_at desc);
