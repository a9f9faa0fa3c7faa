-- Customs debts (owner: CUSTOMS): each debt assessed on a person or an entity, and the payments against
-- it. Both append-only; what is still owed is derived.
create schema if not exists customs;

create table customs.debt (
    id               bigserial primary key,
    debtor_kind      text not null check (debtor_kind in ('PERSON', 'ENTITY')),
    debtor_id        text not null,
    declaration      text not null unique check (length(declaration) between 1 and 40),
    amount           numeric(16, 2) not null check (amount > 0),
    assessed_on      date not null,
    recorded_at      timestamptz not null,
    registrar        text,
    registrar_agency text,
    legal_basis      text not null check (length(legal_basis) between 1 and 300)
);
create index debt_debtor on customs.debt (debtor_id, id);

create table customs.payment (
    id               bigserial primary key,
    debt_id          bigint not null references customs.debt (id),
    amount           numeric(16, 2) not null check (amount > 0),
    paid_on          date not null,
    recorded_at      timestamptz not null,
    registrar        text,
    registrar_agency text,
    legal_basis      text not null check (length(legal_basis) between 1 and 300)
);
create index payment_debt on customs.payment (debt_id, id);

create function customs.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'customs debts and payments are append-only';
end $$;
create trigger debt_append_only before update or delete on customs.debt
    for each row execute function customs.refuse_change();
create trigger payment_append_only before update or delete on customs.payment
    for each row execute function customs.refuse_change();
create trigger debt_no_truncate before truncate on customs.debt
    for each statement execute function customs.refuse_change();
create trigger payment_no_truncate before truncate on customs.payment
    for each statement execute function customs.refuse_change();
