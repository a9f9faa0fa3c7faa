-- The property registry: certificate number formats and purposes (reference data), property rights in
-- their current state with their owners and encumbrances, and the append-only registration history.
-- Owners are persons (civil registry) or legal entities (legal entity registry), by their numbers.
create schema if not exists property;

-- The formats certificate numbers are checked against; a new series is a new row, not new code.
create table property.number_format (
    kind        text primary key,
    pattern     text not null,
    example     text not null
);
-- Certificates of ownership of immovable property are numbered «Ү-» and ten digits (Ү-2204012345).
insert into property.number_format (kind, pattern, example) values ('certificate', '^Ү-[0-9]{10}$', 'Ү-2204012345');

create table property.purpose (
    code     text primary key,
    name_mn  text not null,
    name_en  text not null,
    position int not null
);
insert into property.purpose (code, name_mn, name_en, position) values
    ('RESIDENTIAL', 'Орон сууц', 'Residential', 1),
    ('HOUSE', 'Амины орон сууц', 'Detached house', 2),
    ('COMMERCIAL', 'Худалдаа, үйлчилгээ', 'Commercial', 3),
    ('OFFICE', 'Оффис', 'Office', 4),
    ('INDUSTRIAL', 'Үйлдвэр, агуулах', 'Industrial and storage', 5),
    ('GARAGE', 'Гарааш, зогсоол', 'Garage and parking', 6),
    ('LAND', 'Газар', 'Land', 7),
    ('OTHER', 'Бусад', 'Other', 8);

create table property.property (
    certificate_number text primary key,
    address_division   text not null,
    address_line       text check (length(address_line) <= 300),
    area               numeric(12, 2) not null check (area > 0),
    purpose            text not null references property.purpose (code),
    registered_on      date not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create table property.owner (
    certificate_number text not null references property.property (certificate_number),
    position           int not null,
    person             text check (person ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    entity             text check (entity ~ '^[0-9]{7}$'),
    share              numeric(9, 6) not null check (share > 0 and share <= 1),
    primary key (certificate_number, position),
    check ((person is null) <> (entity is null))
);
create index owner_person on property.owner (person);
create index owner_entity on property.owner (entity);

create table property.encumbrance (
    id                 bigserial primary key,
    certificate_number text not null references property.property (certificate_number),
    type               text not null check (type in ('MORTGAGE', 'LIEN')),
    holder_name        text not null check (length(holder_name) between 1 and 200),
    holder_entity      text check (holder_entity ~ '^[0-9]{7}$'),
    amount             numeric(18, 2) not null check (amount >= 0),
    registered_on      date not null,
    released_on        date check (released_on >= registered_on)
);
create index encumbrance_property on property.encumbrance (certificate_number, id);

create table property.property_change (
    id                 bigserial primary key,
    certificate_number text not null references property.property (certificate_number),
    type               text not null check (type in ('REGISTRATION', 'TRANSFER', 'ENCUMBRANCE_REGISTERED',
                                                      'ENCUMBRANCE_RELEASED')),
    occurred_on        date not null,
    recorded_at        timestamptz not null,
    registrar          text,
    registrar_agency   text,
    legal_basis        text not null check (length(legal_basis) between 1 and 300),
    details            jsonb not null default '{}'
);
create index property_change_property on property.property_change (certificate_number, id);

create function property.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger property_change_append_only before update or delete on property.property_change
    for each row execute function property.refuse_change();
create trigger property_change_no_truncate before truncate on property.property_change
    for each statement execute function property.refuse_change();
