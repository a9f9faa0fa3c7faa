-- Identity: accounts, login failures (for lockout and throttling), personal access tokens, and the
-- HTTP sessions (Spring Session JDBC) that let any node serve any user.
create schema if not exists identity;

create table identity.account (
    id              bigint generated always as identity primary key,
    login           text        not null check (length(login) between 2 and 64),
    role            text        not null check (role in ('CITIZEN', 'OFFICER', 'AGENCY_ADMIN', 'PLATFORM_ADMIN')),
    register_number text        unique,
    family_name     text        not null,
    given_name      text        not null,
    mobile          text,
    email           text,
    agency_code     text,
    password_hash   text        not null,
    enabled         boolean     not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    -- officers and agency admins belong to exactly one agency; nobody else does
    check ((role in ('OFFICER', 'AGENCY_ADMIN')) = (agency_code is not null)),
    check ((role = 'CITIZEN') = (register_number is not null))
);
create unique index account_login_uq on identity.account (lower(login));
create index account_agency_idx on identity.account (agency_code) where agency_code is not null;

create table identity.login_failure (
    id    bigint generated always as identity primary key,
    login text        not null,
    ip    text,
    at    timestamptz not null
);
create index login_failure_login_idx on identity.login_failure (lower(login), at);
create index login_failure_ip_idx on identity.login_failure (ip, at);

create table identity.access_token (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references identity.account (id),
    name         text        not null check (length(name) between 1 and 100),
    token_hash   char(64)    not null unique,
    prefix       text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index access_token_account_idx on identity.access_token (account_id);

create table identity.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on identity.spring_session (session_id);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);

create table identity.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references identity.spring_session (primary_id) on delete cascade
);
