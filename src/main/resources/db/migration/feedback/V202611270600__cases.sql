-- The 11-11 centre: citizens' cases from every channel, each with its history of transitions.
create schema if not exists feedback;

-- 11-YYMM-NNNNNN: the running number never repeats, the month only helps people read it
create sequence feedback.reference_number;

create table feedback.feedback_case (
    id               bigserial primary key,
    reference        text not null unique,
    kind             text not null check (kind in ('COMPLAINT', 'SUGGESTION', 'OPINION', 'REQUEST', 'APPRECIATION')),
    category         text not null,
    agency_code      text not null,
    division_code    text,
    latitude         double precision check (latitude between -90 and 90),
    longitude        double precision check (longitude between -180 and 180),
    text             text not null check (length(text) between 1 and 4000),
    contact_name     text,
    contact_phone    text,
    contact_email    text,
    citizen_login    text,
    channel          text not null check (channel in ('WEB', 'SMS', 'PHONE', 'EMAIL', 'WALK_IN', 'KIOSK', 'OPEN311')),
    language         text not null check (language in ('mn', 'en')),
    publish          boolean not null default false,
    -- what the public sees when published: the text with names and numbers redacted by an operator
    public_text      text,
    status           text not null,
    assigned_to      text,
    received_at      timestamptz not null,
    due_at           timestamptz not null,
    extension_reason text,
    answer           text,
    answered_at      timestamptz,
    rating           int check (rating between 1 and 5),
    warned_at        timestamptz,
    escalated_at     timestamptz,
    -- where it came from, for idempotent intake: 'sms:<inbound id>', 'email:<message id>'
    source_key       text unique,
    updated_at       timestamptz not null
);

create index feedback_case_queue on feedback.feedback_case (agency_code, status, due_at);
create index feedback_case_citizen on feedback.feedback_case (citizen_login, received_at desc) where citizen_login is not null;
create index feedback_case_open_due on feedback.feedback_case (due_at) where status not in ('ANSWERED', 'CLOSED', 'REJECTED_OUT_OF_SCOPE');

-- every transition and notable event of a case, in order; never changed
create table feedback.case_history (
    id          bigserial primary key,
    case_id     bigint not null references feedback.feedback_case (id),
    at          timestamptz not null,
    event       text not null,
    from_status text,
    to_status   text not null,
    actor       text,
    agency_code text,
    note        text
);

create index case_history_case on feedback.case_history (case_id, id);

-- intake counted per source (a number, an address) for flood limits
create table feedback.intake_attempt (
    source text not null,
    at     timestamptz not null
);

create index intake_attempt_source on feedback.intake_attempt (source, at);
