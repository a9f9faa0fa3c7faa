-- Notifications: message templates per kind and language, and the outbox every send is written to in
-- the caller's transaction. Placeholders are written {name}; the kind declares which names exist.
create schema if not exists notifications;

create table notifications.kind (
    kind         text primary key check (kind ~ '^[a-z][a-z0-9_]{1,63}$'),
    placeholders text[] not null,
    -- example values, in the order of placeholders, for the admin's preview
    samples      text[] not null,
    check (cardinality(placeholders) = cardinality(samples))
);

create table notifications.template (
    kind          text not null references notifications.kind (kind),
    language      text not null check (language in ('mn', 'en')),
    email_subject text not null check (length(email_subject) between 1 and 200),
    email_body    text not null check (length(email_body) between 1 and 20000),
    sms_body      text not null check (length(sms_body) between 1 and 1000),
    updated_at    timestamptz not null default now(),
    updated_by    text,
    primary key (kind, language)
);

-- One row per message and channel. The text is rendered when the caller sends, so a later template
-- edit never changes what was already queued, and a missing placeholder fails the caller's transaction.
create table notifications.notification (
    id               uuid primary key,
    caller           text not null check (length(caller) between 1 and 64),
    caller_reference text not null check (length(caller_reference) between 1 and 200),
    channel          text not null check (channel in ('EMAIL', 'SMS')),
    recipient        text not null,
    kind             text not null,
    language         text not null,
    subject          text,
    body             text not null,
    sms_encoding     text,
    sms_parts        int,
    status           text not null check (status in ('CREATED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'KEPT')),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    failure_reason   text,
    provider_id      text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    unique (caller, caller_reference, channel)
);

-- the deliverer's queue: only rows that still wait for a node
create index notification_due on notifications.notification (next_attempt_at) where status in ('CREATED', 'SENDING');
create index notification_recipient on notifications.notification (recipient, created_at desc);
create index notification_created on notifications.notification (created_at desc);
create index notification_provider on notifications.notification (provider_id) where provider_id is not null;

insert into notifications.kind (kind, placeholders, samples) values
    ('account_registered', array['name'], array['Сараа']),
    ('password_changed', array['name', 'time'], array['Сараа', '2026-11-27 12:00']);

insert into notifications.template (kind, language, email_subject, email_body, sms_body) values
    ('account_registered', 'mn', 'Засаг: бүртгэл үүслээ',
     E'Сайн байна уу, {name}.\n\nТаны Засаг платформын бүртгэл амжилттай үүслээ. Регистрийн дугаараараа нэвтэрнэ үү.\n\nЗасаг',
     'Сайн байна уу, {name}. Таны Засаг платформын бүртгэл үүслээ.'),
    ('account_registered', 'en', 'Zasag: your account is ready',
     E'Hello {name},\n\nYour Zasag account has been created. Log in with your register number.\n\nZasag',
     'Hello {name}, your Zasag account has been created.'),
    ('password_changed', 'mn', 'Засаг: нууц үг солигдлоо',
     E'Сайн байна уу, {name}.\n\nТаны нууц үг {time}-д солигдлоо. Хэрэв та солиогүй бол яаралтай холбогдоно уу.\n\nЗасаг',
     'Засаг: таны нууц үг {time}-д солигдлоо. Та солиогүй бол 11-11 рүү залгана уу.'),
    ('password_changed', 'en', 'Zasag: your password was changed',
     E'Hello {name},\n\nYour password was changed at {time}. If this was not you, contact us at once.\n\nZasag',
     'Zasag: your password was changed at {time}. Not you? Call 11-11.');
