-- Agencies: the organisations that own registries, offer services and employ officials.
create schema if not exists catalog;

create table catalog.agency (
    code       text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
    name_mn    text not null check (length(name_mn) between 2 and 200),
    name_en    text not null check (length(name_en) between 2 and 200),
    created_at timestamptz not null default now()
);
