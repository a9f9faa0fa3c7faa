-- Social welfare (owner: GASWS): the pensions, benefits and refunds granted from the welfare fund, each with
-- the decision's amount and period. A person holds at most one welfare pension at a time.
create schema if not exists welfare;

create table welfare.benefit (
    id               bigserial primary key,
    register_number  text not null check (register_number ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    kind             text not null check (kind in ('RETIREMENT_PENSION', 'DISABILITY_PENSION', 'SURVIVOR_PENSION',
                                                   'MATERNITY_CHILD_BENEFIT', 'PROSTHESIS_REFUND', 'SANATORIUM_REFUND')),
    monthly          boolean not null,
    amount           numeric(14, 2) not null check (amount > 0),
    from_date        date not null,
    until_date       date check (until_date is null or until_date >= from_date),
    reference        text not null check (length(reference) between 1 and 60),
    granted_at       timestamptz not null,
    registrar        text not null,
    registrar_agency text not null,
    legal_basis      text not null check (length(legal_basis) between 1 and 300)
);
create index welfare_benefit_person on welfare.benefit (register_number);
