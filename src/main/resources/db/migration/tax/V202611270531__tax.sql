-- The tax registry (owner: GDT): taxpayers with their tax office, and an append-only ledger of assessed
-- debts and payments. The balance (and so the "no tax debt" status) is derived from the ledger.
create schema if not exists tax;

create table tax.taxpayer (
    taxpayer_id    text primary key,
    kind           text not null check (kind in ('PERSON', 'ENTITY')),
    office         text not null,
    registered_on  date not null,
    registered_at  timestamptz not null,
    registrar      text,
    legal_basis    text not null check (length(legal_basis) between 1 and 300)
);

create table tax.entry (
    id               bigserial primary key,
    taxpayer_id      text not null references tax.taxpayer (taxpayer_id),
    type             text not null check (type in ('ASSESSMENT', 'PAYMENT')),
    tax_type         text not null,
    amount           numeric(16, 2) not null check (amount > 0),
    occurred_on      date not null,
    reference        text check (length(reference) <= 100),
    recorded_at      timestamptz not null,
    registrar        text,
    registrar_agency text,
    legal_basis      text not null check (length(legal_basis) between 1 and 300)
);
create index tax_entry_taxpayer on tax.entry (taxpayer_id, id);

create function tax.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'tax.entry is append-only';
end $$;
create trigger entry_append_only before update or delete on tax.entry
    for each row execute function tax.refuse_change();
create trigger entry_no_truncate before truncate on tax.entry
    for each statement execute function tax.refuse_change();
