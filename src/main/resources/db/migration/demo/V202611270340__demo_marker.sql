-- Remembers that demo data was seeded, so deleting a demo account never brings it back on restart.
create schema if not exists demo;

create table demo.seeding (
    id        int primary key check (id = 1),
    seeded_at timestamptz not null
);
