-- Mobile-originated SMS (e.g. to the 11-11 short number 141111). A message is stored in the transaction
-- that acknowledges its deliver_sm, then handed to the module owning its short number in a transaction of
-- its own; the row is marked HANDLED in that same transaction, so a handler's work commits exactly once.
create table notifications.inbound_sms (
    id              bigserial primary key,
    source          text not null,
    short_number    text not null,
    data_coding     smallint not null,
    -- the decoded text; null when the data_coding is one we cannot read (failure_reason says which)
    text            text,
    -- the raw short_message bytes of every part, in order, when the text could not be decoded
    raw             bytea,
    parts           int not null default 1,
    status          text not null check (status in ('RECEIVED', 'HANDLED', 'UNROUTED', 'FAILED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    failure_reason  text,
    received_at     timestamptz not null,
    handled_at      timestamptz,
    updated_at      timestamptz not null
);

create index inbound_sms_due on notifications.inbound_sms (next_attempt_at) where status = 'RECEIVED';
create index inbound_sms_received on notifications.inbound_sms (received_at desc);

-- Parts of a concatenated inbound SMS (UDH or sar_ TLVs) until the last one arrives; then they become one
-- inbound_sms row and are deleted, in the same transaction. A part the SMSC sends twice is stored once.
create table notifications.inbound_sms_part (
    source       text not null,
    short_number text not null,
    reference    int not null,
    total        int not null check (total between 2 and 255),
    seq          int not null check (seq >= 1),
    data_coding  smallint not null,
    payload      bytea not null,
    received_at  timestamptz not null,
    primary key (source, short_number, reference, total, seq)
);
