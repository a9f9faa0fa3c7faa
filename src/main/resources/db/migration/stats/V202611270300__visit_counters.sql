-- Visitor counters of the portal's home page: one row per day keeps month/year/total sums cheap
-- (a few thousand rows over a decade) and lets concurrent nodes count with a single upsert.
create schema if not exists stats;

create table stats.visit_day (
    day    date   primary key,
    visits bigint not null default 0 check (visits >= 0)
);
