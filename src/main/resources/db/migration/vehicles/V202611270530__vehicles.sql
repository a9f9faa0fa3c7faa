-- The vehicle registry (owner: MRT, the road transport authority): each vehicle in its current state and
-- the append-only events that made it (registration, ownership transfers, technical inspections).
-- The plate stays with the vehicle for life, so it is the vehicle's key.
create schema if not exists vehicles;

create table vehicles.vehicle (
    plate                 text primary key check (plate ~ '^[0-9]{4}[А-ЯЁӨҮ]{3}$'),
    vin                   text not null unique check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    make                  text not null check (length(make) between 1 and 60),
    model                 text not null check (length(model) between 1 and 60),
    year                  integer not null check (year between 1900 and 2200),
    colour                text not null check (length(colour) between 1 and 30),
    owner_kind            text not null check (owner_kind in ('PERSON', 'ENTITY')),
    owner_id              text not null,
    registered_on         date not null,
    last_inspection       date,
    inspection_valid_until date,
    updated_at            timestamptz not null
);
create index vehicle_owner on vehicles.vehicle (owner_id);

create table vehicles.vehicle_event (
    id                bigserial primary key,
    plate             text not null references vehicles.vehicle (plate),
    type              text not null check (type in ('REGISTRATION', 'TRANSFER', 'INSPECTION')),
    occurred_on       date not null,
    recorded_at       timestamptz not null,
    registrar         text,
    registrar_agency  text,
    legal_basis       text not null check (length(legal_basis) between 1 and 300),
    owner_kind        text check (owner_kind in ('PERSON', 'ENTITY')),
    owner_id          text,
    previous_kind     text check (previous_kind in ('PERSON', 'ENTITY')),
    previous_id       text,
    passed            boolean,
    valid_until       date
);
create index vehicle_event_plate on vehicles.vehicle_event (plate, id);
-- whoever owned a vehicle once finds it in their history
create index vehicle_event_owner on vehicles.vehicle_event (owner_id);

create function vehicles.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'vehicles.vehicle_event is append-only';
end $$;
create trigger vehicle_event_append_only before update or delete on vehicles.vehicle_event
    for each row execute function vehicles.refuse_change();
create trigger vehicle_event_no_truncate before truncate on vehicles.vehicle_event
    for each statement execute function vehicles.refuse_change();
