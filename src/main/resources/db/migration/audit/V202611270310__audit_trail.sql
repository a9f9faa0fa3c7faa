-- The audit trail: append-only and hash-chained. The application can insert; the triggers below refuse
-- every update and delete, so not even a bug in our own code can rewrite history.
create schema if not exists audit;

create table audit.entry (
    id            bigint generated always as identity primary key,
    at            timestamptz not null,
    action        text        not null,
    outcome       text        not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    actor_id      bigint,
    actor_login   text,
    actor_agency  text,
    object_type   text,
    object_id     text,
    ip            text,
    details       jsonb       not null default '{}'::jsonb,
    previous_hash char(64)    not null,
    hash          char(64)    not null unique
);

create index entry_at_idx on audit.entry (at desc);
create index entry_action_idx on audit.entry (action, at desc);
create index entry_actor_idx on audit.entry (actor_login, at desc);
create index entry_agency_idx on audit.entry (actor_agency, at desc);
create index entry_object_idx on audit.entry (object_type, object_id);

-- one row: the chain's head, locked by each writer to give the chain a single order
create table audit.chain_head (
    id        int      primary key check (id = 1),
    last_id   bigint,
    last_hash char(64) not null
);
insert into audit.chain_head (id, last_id, last_hash) values (1, null, repeat('0', 64));

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger entry_append_only before update or delete on audit.entry
    for each row execute function audit.refuse_change();
create trigger entry_no_truncate before truncate on audit.entry
    for each statement execute function audit.refuse_change();
