-- A vehicle leaves the register (scrapped, exported, stolen) without losing its history; its plates can be
-- reissued when lost or damaged; new vehicles get the next free plate of their region; owners book technical
-- inspections at a centre's 30-minute slots.
alter table vehicles.vehicle add column deregistered_on date;
alter table vehicles.vehicle add column deregistration_reason text
    check (deregistration_reason in ('SCRAPPED', 'EXPORTED', 'STOLEN'));
alter table vehicles.vehicle add constraint vehicle_deregistration_complete
    check ((deregistered_on is null) = (deregistration_reason is null));

alter table vehicles.vehicle_event drop constraint vehicle_event_type_check;
alter table vehicles.vehicle_event add constraint vehicle_event_type_check
    check (type in ('REGISTRATION', 'TRANSFER', 'INSPECTION', 'DEREGISTRATION', 'PLATE_REPLACEMENT'));
alter table vehicles.vehicle_event add column details text check (length(details) <= 300);

create sequence vehicles.plate_number start with 1;

create table vehicles.inspection_booking (
    id          bigserial primary key,
    plate       text not null references vehicles.vehicle (plate),
    centre      text not null check (centre ~ '^[A-Z0-9-]{2,20}$'),
    slot_at     timestamp not null,
    booked_by   text not null,
    booked_at   timestamptz not null,
    unique (centre, slot_at)
);
create index inspection_booking_plate on vehicles.inspection_booking (plate);
