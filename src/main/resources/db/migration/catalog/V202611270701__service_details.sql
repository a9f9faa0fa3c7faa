-- The catalogue's richer data: descriptions, eligibility, documents, labels for categories and life events, the row's
-- version in the data file (the loader overwrites a row only when the file's version is newer, so admin edits survive)
-- and the folded search keys that trigram search (pg_trgm) compares with a folded query.
create extension if not exists pg_trgm;

create table catalog.category (
    code     text primary key check (code ~ '^[a-z]+(-[a-z]+)*$'),
    name_mn  text not null check (length(name_mn) between 2 and 100),
    name_en  text not null check (length(name_en) between 2 and 100),
    position int not null
);

create table catalog.life_event (
    code     text primary key check (code ~ '^[a-z]+(-[a-z]+)*$'),
    name_mn  text not null check (length(name_mn) between 2 and 100),
    name_en  text not null check (length(name_en) between 2 and 100),
    position int not null
);

create table catalog.document_kind (
    code    text primary key check (code ~ '^[a-z]+(-[a-z]+)*$'),
    name_mn text not null check (length(name_mn) between 2 and 200),
    name_en text not null check (length(name_en) between 2 and 200)
);

-- fee and time to decide may be unknown (null): the data file says '?' rather than guess a number
alter table catalog.service
    alter column fee_mnt drop not null,
    alter column fee_mnt drop default,
    alter column days_to_decide drop not null,
    alter column days_to_decide drop default,
    add column version            int not null default 1 check (version > 0),
    add column description_mn     text not null default '' check (length(description_mn) <= 2000),
    add column description_en     text not null default '' check (length(description_en) <= 2000),
    add column eligibility_mn     text not null default '' check (length(eligibility_mn) <= 1000),
    add column eligibility_en     text not null default '' check (length(eligibility_en) <= 1000),
    add column documents_required text[] not null default '{}',
    add column documents_produced text[] not null default '{}',
    add column name_key           text not null default '',
    add column text_key           text not null default '',
    add column edited_at          timestamptz,
    add column edited_by          text;

-- not valid: rows loaded before this migration are checked by the loader, which writes the labels first
alter table catalog.service add constraint service_category_fk foreign key (category) references catalog.category (code) not valid;
alter table catalog.service add constraint service_life_event_fk foreign key (life_event) references catalog.life_event (code) not valid;

create index service_category on catalog.service (category);
create index service_life_event on catalog.service (life_event);
create index service_name_key_trgm on catalog.service using gin (name_key gin_trgm_ops);
create index service_text_key_trgm on catalog.service using gin (text_key gin_trgm_ops);
