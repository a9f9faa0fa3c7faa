-- Voluntary social insurance contracts (herders, the self-employed, people abroad), health insurance
-- registrations (each with the book number issued) and the benefits granted from the social insurance fund.
create sequence socialinsurance.book_number start with 100001;

create table socialinsurance.voluntary_contract (
    contract_number  text primary key,
    register_number  text not null check (register_number ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    category         text not null check (category in ('HERDER', 'SELF_EMPLOYED', 'ABROAD', 'STUDENT', 'OTHER')),
    income_base      numeric(16, 2) not null check (income_base > 0),
    from_month       date not null check (extract(day from from_month) = 1),
    concluded_at     timestamptz not null,
    registrar        text not null,
    registrar_agency text not null,
    legal_basis      text not null check (length(legal_basis) between 1 and 300)
);
create unique index voluntary_contract_one_per_person on socialinsurance.voluntary_contract (register_number);

create table socialinsurance.health_insurance (
    book_number      text primary key,
    register_number  text not null unique check (register_number ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    category         text not null check (category in ('SELF_EMPLOYED', 'HERDER', 'STUDENT', 'UNEMPLOYED', 'STATE_PAID', 'OTHER')),
    from_date        date not null,
    registered_at    timestamptz not null,
    registrar        text not null,
    registrar_agency text not null,
    legal_basis      text not null check (length(legal_basis) between 1 and 300)
);

create table socialinsurance.benefit (
    id               bigserial primary key,
    register_number  text not null check (register_number ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    kind             text not null check (kind in ('MATERNITY')),
    amount           numeric(16, 2) not null check (amount > 0),
    from_date        date not null,
    until_date       date not null check (until_date >= from_date),
    granted_at       timestamptz not null,
    registrar        text not null,
    registrar_agency text not null,
    legal_basis      text not null check (length(legal_basis) between 1 and 300)
);
create index benefit_person on socialinsurance.benefit (register_number);
