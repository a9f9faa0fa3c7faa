-- The civil registry: administrative divisions (reference data, loaded from registry/divisions.csv at
-- start), persons in their current state, and the append-only civil events that changed them.
create schema if not exists registry;

create table registry.division (
    code        text primary key check (code ~ '^[0-9]{2,8}$'),
    parent_code text references registry.division (code),
    level       text not null check (level in ('capital', 'aimag', 'district', 'soum', 'khoroo', 'bag')),
    name_mn     text not null,
    name_en     text not null
);
create index division_parent on registry.division (parent_code);

create table registry.person (
    register_number   text primary key check (register_number ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    civil_id          text unique check (civil_id ~ '^[0-9]{8,12}$'),
    clan_name         text check (length(clan_name) between 1 and 100),
    family_name       text not null check (length(family_name) between 1 and 100),
    given_name        text not null check (length(given_name) between 1 and 100),
    sex               text not null check (sex in ('MALE', 'FEMALE')),
    birth_date        date not null,
    birth_place       text references registry.division (code),
    citizenship       text not null default 'MNG' check (citizenship ~ '^[A-Z]{3}$'),
    address_division  text references registry.division (code),
    address_line      text check (length(address_line) <= 300),
    phone             text check (phone ~ '^\+?[0-9]{6,15}$'),
    death_date        date check (death_date >= birth_date),
    spouse            text references registry.person (register_number),
    -- Latin folding of the names (see NameKey) so that «bat-erdene» and «Бат-Эрдэнэ» meet
    family_key        text not null,
    given_key         text not null,
    clan_key          text,
    registered_at     timestamptz not null,
    updated_at        timestamptz not null
);
create index person_given_key on registry.person (given_key text_pattern_ops);
create index person_family_key on registry.person (family_key text_pattern_ops);
create index person_spouse on registry.person (spouse);

create table registry.civil_event (
    id               bigserial primary key,
    register_number  text not null references registry.person (register_number),
    type             text not null check (type in ('BIRTH', 'MARRIAGE', 'DIVORCE', 'ADDRESS_CHANGE',
                                                    'ID_CARD_ISSUE', 'NAME_CHANGE', 'DEATH')),
    occurred_on      date not null,
    recorded_at      timestamptz not null,
    registrar        text,
    registrar_agency text,
    legal_basis      text not null check (length(legal_basis) between 1 and 300),
    other_party      text references registry.person (register_number),
    details          jsonb not null default '{}'
);
create index civil_event_person on registry.civil_event (register_number, id);

-- History is never lost: events are only ever added.
create function registry.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'registry.civil_event is append-only';
end $$;
create trigger civil_event_append_only before update or delete on registry.civil_event
    for each row execute function registry.refuse_change();
create trigger civil_event_no_truncate before truncate on registry.civil_event
    for each statement execute function registry.refuse_change();
