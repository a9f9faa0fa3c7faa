-- A message sent to a citizen's account names the account: the citizen's own list shows only those,
-- never messages to an address they merely share (a family's one mobile number).
alter table notifications.notification add column account_id bigint;

-- identity's messages so far carried the account in their reference: account-<id>-...
update notifications.notification
set account_id = cast(substring(caller_reference from '^account-([0-9]+)-') as bigint)
where caller = 'identity' and caller_reference ~ '^account-[0-9]+-';

create index notification_account on notifications.notification (account_id, created_at desc) where account_id is not null;

-- THROTTLED: over the per-recipient limit when sent; recorded (never dropped), not delivered.
alter table notifications.notification drop constraint notification_status_check;
alter table notifications.notification add constraint notification_status_check
    check (status in ('CREATED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'KEPT', 'THROTTLED'));

-- How a citizen wants to be reached; no row = both channels.
create table notifications.channel_preference (
    account_id bigint primary key,
    channels   text not null check (channels in ('SMS', 'EMAIL', 'BOTH')),
    updated_at timestamptz not null
);
