-- Local offices: a case of a locally handled category goes to the office of its agency for its place
-- (routing table feedback/local-offices.psv); the office is kept with the case and with each history line.
alter table feedback.feedback_case add column office_code text;
alter table feedback.case_history add column office_code text;
create index feedback_case_office on feedback.feedback_case (office_code, status, due_at) where office_code is not null;

-- Which officers work in which local office (one office per officer; officers with none work at the
-- national level and see all of their agency's cases). Kept by the agency's admins.
create table feedback.office_staff (
    login       text primary key,
    office_code text not null,
    agency_code text not null,
    assigned_at timestamptz not null,
    assigned_by text not null
);

create index office_staff_office on feedback.office_staff (office_code);

-- Open311 API keys per client (a mobile app): shown once when issued, only their SHA-256 kept.
create table feedback.open311_key (
    id           bigserial primary key,
    client       text not null check (length(client) between 1 and 100),
    key_hash     char(64) not null unique,
    prefix       text not null,
    created_at   timestamptz not null,
    created_by   text not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text
);

-- the cleaning job deletes flood counters older than the window
create index intake_attempt_at on feedback.intake_attempt (at);

-- Files a citizen uploaded with a web form that was sent back for a correction: kept under a random token
-- the corrected form carries, so nothing is lost; removed by the cleaning job after a few hours.
create table feedback.pending_upload (
    id           bigserial primary key,
    token        char(32) not null,
    file_name    text not null check (length(file_name) between 1 and 255),
    content_type text not null,
    content      bytea not null,
    created_at   timestamptz not null
);

create index pending_upload_token on feedback.pending_upload (token);
create index pending_upload_created on feedback.pending_upload (created_at);
