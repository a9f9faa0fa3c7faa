create schema if not exists exchange;

-- The directory: X-Road's global configuration as data. Identifiers are the PR-REST strings
-- (MN/GOV/1234567, MN/GOV/1234567/civil-registry, MN/GOV/1234567/civil-registry/person).
create table exchange.member (
    id           text primary key,
    instance     text not null,
    member_class text not null check (member_class in ('GOV', 'COM', 'NGO')),
    member_code  text not null,
    name         text not null,
    agency_code  text,
    created_at   timestamptz not null,
    unique (instance, member_class, member_code)
);
create unique index member_agency on exchange.member (agency_code) where agency_code is not null;

create table exchange.subsystem (
    id         text primary key,
    member_id  text not null references exchange.member (id),
    code       text not null,
    name       text not null,
    created_at timestamptz not null,
    unique (member_id, code)
);

create table exchange.service (
    id               text primary key,
    subsystem_id     text not null references exchange.subsystem (id),
    code             text not null,
    title            text not null,
    provider         text not null,
    openapi          text not null,
    log_mode         text not null default 'FULL' check (log_mode in ('FULL', 'METADATA', 'OFF')),
    personal_data    boolean not null default true,
    consent_required boolean not null default false,
    timeout_ms       integer not null default 5000 check (timeout_ms between 100 and 120000),
    enabled          boolean not null default true,
    created_at       timestamptz not null,
    unique (subsystem_id, code)
);

create table exchange.endpoint (
    id         bigint generated always as identity primary key,
    service_id text not null references exchange.service (id),
    method     text not null,
    path       text not null,
    unique (service_id, method, path)
);

-- Default deny: a client may call what a row here grants, the whole service (endpoint_id null) or one endpoint.
create table exchange.access_right (
    id          bigint generated always as identity primary key,
    service_id  text not null references exchange.service (id),
    endpoint_id bigint references exchange.endpoint (id),
    client_id   text not null references exchange.subsystem (id),
    granted_by  text,
    granted_at  timestamptz not null,
    unique nulls not distinct (service_id, endpoint_id, client_id)
);

-- TLS client certificates (from our PKI) bound to the subsystem they authenticate.
create table exchange.client_certificate (
    serial       text primary key,
    subsystem_id text not null references exchange.subsystem (id),
    bound_by     text,
    bound_at     timestamptz not null
);

-- A person's consent to one client reading one service about them: a standing consent, or a one-time code.
create table exchange.consent (
    id          uuid primary key,
    person      text not null,
    client_id   text not null references exchange.subsystem (id),
    service_id  text not null references exchange.service (id),
    purpose     text not null,
    code_hash   text unique,
    granted_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index consent_person on exchange.consent (person, granted_at desc);

-- The message log. Each record is the exact canonical JSON that was sealed; the chain columns are filled by
-- the chainer shortly after, in commit order, and each batch of the chain is time-stamped by our TSA.
create sequence exchange.message_log_id;
create table exchange.message_log (
    id             bigint not null default nextval('exchange.message_log_id'),
    logged_at      timestamptz not null,
    message_id     text not null,
    client_id      text,
    service_id     text,
    method         text,
    path           text,
    subject        text,
    user_id        text,
    issue          text,
    status         integer not null,
    error_type     text,
    duration_ms    integer not null,
    log_mode       text not null,
    record         text not null,
    record_hash    bytea not null,
    seals          text not null,
    chain_seq      bigint,
    chain_hash     bytea,
    batch_id       bigint,
    primary key (id, logged_at)
) partition by range (logged_at);
create table exchange.message_log_default partition of exchange.message_log default;
create index message_log_unchained on exchange.message_log (id) where chain_seq is null;
create index message_log_subject on exchange.message_log (subject, logged_at desc) where subject is not null;
create index message_log_seq on exchange.message_log (chain_seq);

create table exchange.chain_head (
    id        integer primary key check (id = 1),
    seq       bigint not null,
    hash      bytea not null
);
insert into exchange.chain_head (id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

create table exchange.log_batch (
    id          bigint generated always as identity primary key,
    first_seq   bigint not null,
    last_seq    bigint not null,
    chain_hash  bytea not null,
    token       bytea not null,
    stamped_at  timestamptz not null
);
