-- Online applications: the lifecycle as data, the applications with their answers, their history and attachments.
create schema if not exists applications;

-- Which state may follow which, and who may make the move (applicant, officer or system). The engine refuses
-- any move not listed here.
create table applications.transition (
    from_state text not null,
    to_state   text not null,
    actor      text not null check (actor in ('applicant', 'officer', 'system')),
    primary key (from_state, to_state, actor)
);

insert into applications.transition (from_state, to_state, actor) values
    ('draft', 'submitted', 'applicant'),
    ('draft', 'withdrawn', 'applicant'),
    ('submitted', 'awaiting_payment', 'system'),
    ('awaiting_payment', 'submitted', 'system'),
    ('awaiting_payment', 'withdrawn', 'applicant'),
    ('submitted', 'in_review', 'officer'),
    ('submitted', 'approved', 'system'),
    ('submitted', 'rejected', 'system'),
    ('submitted', 'withdrawn', 'applicant'),
    ('in_review', 'info_requested', 'officer'),
    ('in_review', 'approved', 'officer'),
    ('in_review', 'rejected', 'officer'),
    ('in_review', 'withdrawn', 'applicant'),
    ('info_requested', 'in_review', 'applicant'),
    ('info_requested', 'withdrawn', 'applicant'),
    ('info_requested', 'rejected', 'officer'),
    ('approved', 'document_issued', 'system');

create sequence applications.reference_seq;

create table applications.application (
    id                bigserial primary key,
    reference         text not null unique,
    form_id           text not null,
    form_version      int not null,
    service_code      text not null,
    agency_code       text not null,
    applicant         text not null,
    applicant_account bigint not null,
    channel           text not null default 'online' check (channel in ('online', 'kiosk', 'office')),
    state             text not null,
    language          text not null default 'mn',
    answers           jsonb not null default '{}',
    prefilled         jsonb not null default '{}',
    prefill_notes     jsonb not null default '{}',
    decision          jsonb not null default '{}',
    revision          int not null default 0,
    submit_token      text not null,
    assigned_to       text,
    document_id       text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    submitted_at      timestamptz,
    decided_at        timestamptz
);
create index application_applicant on applications.application (applicant_account, created_at desc);
create index application_queue on applications.application (agency_code, state, submitted_at);
create index application_service on applications.application (service_code, state);

create table applications.history (
    id             bigserial primary key,
    application_id bigint not null references applications.application (id),
    at             timestamptz not null default now(),
    actor          text not null,
    actor_kind     text not null,
    from_state     text,
    to_state       text not null,
    message        text
);
create index history_application on applications.history (application_id, id);

create table applications.attachment (
    id             uuid primary key,
    application_id bigint not null references applications.application (id),
    question       text not null,
    file_name      text not null,
    content_type   text not null,
    size_bytes     int not null,
    content        bytea not null,
    created_at     timestamptz not null default now()
);
create index attachment_application on applications.attachment (application_id);
