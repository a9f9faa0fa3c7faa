-- The legal entity registry: legal forms (reference data), entities in their current state with their
-- founders and directors, the append-only changes that made them so, and the non-registration
-- references issued to kiosks and citizens. Persons are referred to by register number (civil registry).
create schema if not exists legalentity;

create table legalentity.legal_form (
    code     text primary key check (length(code) between 1 and 20),
    name_mn  text not null,
    name_en  text not null,
    position int not null
);
insert into legalentity.legal_form (code, name_mn, name_en, position) values
    ('ХХК', 'Хязгаарлагдмал хариуцлагатай компани', 'Limited liability company', 1),
    ('ХК', 'Хувьцаат компани', 'Joint-stock company', 2),
    ('ТББ', 'Төрийн бус байгууллага', 'Non-governmental organisation', 3),
    ('ХЗН', 'Хязгаарлагдмал хариуцлагатай нөхөрлөл', 'Limited partnership', 4),
    ('ХОРШОО', 'Хоршоо', 'Cooperative', 5),
    ('ТӨҮГ', 'Төрийн өмчит үйлдвэрийн газар', 'State-owned enterprise', 6),
    ('ОНӨҮГ', 'Орон нутгийн өмчит үйлдвэрийн газар', 'Locally-owned enterprise', 7),
    ('ТӨХК', 'Төрийн өмчит хувьцаат компани', 'State-owned joint-stock company', 8),
    ('САН', 'Сан', 'Foundation', 9);

create table legalentity.entity (
    registration_number text primary key check (registration_number ~ '^[0-9]{7}$'),
    name_mn          text not null check (length(name_mn) between 1 and 200),
    name_en          text check (length(name_en) between 1 and 200),
    legal_form       text not null references legalentity.legal_form (code),
    status           text not null check (status in ('ACTIVE', 'SUSPENDED', 'LIQUIDATED')),
    address_division text not null,
    address_line     text check (length(address_line) <= 300),
    registered_on    date not null,
    liquidated_on    date check (liquidated_on >= registered_on),
    -- folded names (Latin, see NameFold): the whole name without spaces, and its words after a space each
    name_key         text not null,
    name_words       text not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    check ((status = 'LIQUIDATED') = (liquidated_on is not null))
);
create index entity_name_key on legalentity.entity (name_key text_pattern_ops);
-- two live entities never share a name (a liquidated one frees it)
create unique index entity_live_name on legalentity.entity (name_key) where status <> 'LIQUIDATED';

create table legalentity.founder (
    entity_number   text not null references legalentity.entity (registration_number),
    position        int not null,
    person          text check (person ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    founder_entity  text references legalentity.entity (registration_number),
    share           numeric(9, 6) not null check (share > 0 and share <= 1),
    primary key (entity_number, position),
    check ((person is null) <> (founder_entity is null))
);
create index founder_person on legalentity.founder (person);
create index founder_entity on legalentity.founder (founder_entity);

create table legalentity.director (
    entity_number text not null references legalentity.entity (registration_number),
    person        text not null check (person ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    appointed_on  date not null,
    primary key (entity_number, person)
);
create index director_person on legalentity.director (person);

create table legalentity.entity_change (
    id               bigserial primary key,
    entity_number    text not null references legalentity.entity (registration_number),
    type             text not null check (type in ('REGISTRATION', 'NAME_CHANGE', 'ADDRESS_CHANGE', 'FOUNDERS_CHANGE',
                                                    'DIRECTORS_CHANGE', 'SUSPENSION', 'REINSTATEMENT', 'LIQUIDATION')),
    occurred_on      date not null,
    recorded_at      timestamptz not null,
    registrar        text,
    registrar_agency text,
    legal_basis      text not null check (length(legal_basis) between 1 and 300),
    details          jsonb not null default '{}'
);
create index entity_change_entity on legalentity.entity_change (entity_number, id);

create table legalentity.reference (
    id         bigserial primary key,
    number     text not null unique,
    kind       text not null check (kind in ('PERSON', 'NAME')),
    subject    text not null,
    registered boolean not null,
    facts      jsonb not null,
    issued_at  timestamptz not null,
    issued_to  text
);

-- History is never lost: changes and issued references are only ever added.
create function legalentity.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger entity_change_append_only before update or delete on legalentity.entity_change
    for each row execute function legalentity.refuse_change();
create trigger entity_change_no_truncate before truncate on legalentity.entity_change
    for each statement execute function legalentity.refuse_change();
create trigger reference_append_only before update or delete on legalentity.reference
    for each row execute function legalentity.refuse_change();
