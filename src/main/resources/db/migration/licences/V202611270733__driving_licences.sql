-- Driving licences (owner: POLICE, the traffic police's licence centre): each licence card as issued, the
-- append-only history of what happened to it, international permits, traffic violations on the holder's
-- record and bookings of the driving test.
create schema if not exists licences;

create sequence licences.licence_number start with 30000001;
create sequence licences.permit_number start with 1001;

create table licences.licence (
    number        text primary key check (number ~ '^[0-9]{8}$'),
    holder        text not null check (holder ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    categories    text not null check (categories ~ '^[ABCDEM](,[ABCDEM])*$'),
    issued_on     date not null,
    valid_until   date not null check (valid_until > issued_on),
    status        text not null check (status in ('ACTIVE', 'REPLACED', 'SUSPENDED', 'REVOKED')),
    updated_at    timestamptz not null
);
-- one card in force per person: the others were replaced, suspended or revoked
create unique index licence_one_active on licences.licence (holder) where status = 'ACTIVE';
create index licence_holder on licences.licence (holder);

create table licences.licence_event (
    id               bigserial primary key,
    number           text not null references licences.licence (number),
    holder           text not null,
    type             text not null check (type in ('ISSUE', 'RENEWAL', 'REPLACEMENT', 'CATEGORY_ADDED', 'INVALIDATED', 'INTERNATIONAL_PERMIT')),
    occurred_on      date not null,
    recorded_at      timestamptz not null,
    registrar        text not null,
    registrar_agency text not null,
    legal_basis      text not null check (length(legal_basis) between 1 and 300),
    details          text check (length(details) <= 300)
);
create index licence_event_holder on licences.licence_event (holder, id);

create table licences.international_permit (
    number          text primary key,
    holder          text not null,
    licence_number  text not null references licences.licence (number),
    issued_on       date not null,
    valid_until     date not null check (valid_until > issued_on)
);
create index international_permit_holder on licences.international_permit (holder);

create table licences.violation (
    id           bigserial primary key,
    holder       text not null check (holder ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    occurred_on  date not null,
    article      text not null check (length(article) between 1 and 60),
    description  text not null check (length(description) between 1 and 300),
    fine         numeric(12, 2) not null check (fine >= 0),
    recorded_at  timestamptz not null,
    registrar    text not null
);
create index violation_holder on licences.violation (holder, occurred_on);

create table licences.exam_booking (
    id         bigserial primary key,
    holder     text not null check (holder ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    category   text not null check (category in ('A', 'B', 'C', 'D', 'E', 'M')),
    part       text not null check (part in ('THEORY', 'DRIVING')),
    centre     text not null,
    slot_at    timestamp not null,
    booked_at  timestamptz not null,
    unique (centre, part, slot_at)
);
create index exam_booking_holder on licences.exam_booking (holder);

create function licences.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'licences.licence_event is append-only';
end $$;
create trigger licence_event_append_only before update or delete on licences.licence_event
    for each row execute function licences.refuse_change();
