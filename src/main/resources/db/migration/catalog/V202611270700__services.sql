-- The public services catalogue, loaded from src/main/resources/catalog/*.tsv at start (see catalog.internal.CatalogLoader).
create table catalog.service (
    code            text primary key check (code ~ '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$'),
    agency_code     text not null references catalog.agency (code),
    name_mn         text not null check (length(name_mn) between 2 and 300),
    name_en         text not null check (length(name_en) between 2 and 300),
    category        text not null,
    life_event      text,
    channels        text[] not null check (channels <@ array['online', 'kiosk', 'office']::text[] and cardinality(channels) > 0),
    fee_mnt         bigint not null default 0 check (fee_mnt >= 0),
    days_to_decide  int not null default 0 check (days_to_decide between 0 and 365),
    form            text check (form ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    source          text,
    updated_at      timestamptz not null default now()
);
create index service_agency on catalog.service (agency_code);
create unique index service_form on catalog.service (form) where form is not null;
