-- An SMS longer than one message goes to the SMSC in parts, each with the SMSC's own message id; its
-- delivery receipts come per part. The notification is delivered when every part is.
create table notifications.sms_part (
    notification_id uuid not null references notifications.notification (id),
    attempt         int not null,
    seq             int not null check (seq >= 1),
    smsc_message_id text not null,
    status          text not null check (status in ('SENT', 'DELIVERED', 'FAILED')),
    failure_reason  text,
    updated_at      timestamptz not null,
    primary key (notification_id, attempt, seq)
);

create unique index sms_part_smsc_id on notifications.sms_part (smsc_message_id);
