-- Groups of client subsystems that access rights can be granted to (X-Road's global and local groups).
-- A GLOBAL group belongs to the instance (managed by platform admins, usable by every provider); a LOCAL group
-- belongs to one member (managed by that member's agency, usable only on that member's own services).
-- Membership is read on every call, so adding or removing a member takes effect at once.
create table exchange.client_group (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind in ('GLOBAL', 'LOCAL')),
    owner_member_id text references exchange.member (id),
    code            text not null,
    description     text not null,
    created_by      text,
    created_at      timestamptz not null,
    check ((kind = 'GLOBAL') = (owner_member_id is null)),
    unique nulls not distinct (owner_member_id, code)
);

create table exchange.group_member (
    group_id     bigint not null references exchange.client_group (id),
    subsystem_id text not null references exchange.subsystem (id),
    added_by     text,
    added_at     timestamptz not null,
    primary key (group_id, subsystem_id)
);
create index group_member_subsystem on exchange.group_member (subsystem_id);

-- A right names either one client subsystem or one group.
alter table exchange.access_right alter column client_id drop not null;
alter table exchange.access_right add column group_id bigint references exchange.client_group (id);
alter table exchange.access_right add constraint access_right_one_grantee check (num_nonnulls(client_id, group_id) = 1);
alter table exchange.access_right drop constraint access_right_service_id_endpoint_id_client_id_key;
alter table exchange.access_right add constraint access_right_unique
    unique nulls not distinct (service_id, endpoint_id, client_id, group_id);
create index access_right_group on exchange.access_right (group_id) where group_id is not null;
