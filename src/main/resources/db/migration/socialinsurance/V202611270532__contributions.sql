-- Social insurance (owner: GASI): the monthly contributions an employer paid for an insured person.
-- Append-only; insured months are derived (distinct months with a contribution).
create schema if not exists socialinsurance;

create table socialinsurance.contribution (
    id               bigserial primary key,
    register_number  text not null check (register_number ~ '^[А-ЯЁӨҮ]{2}[0-9]{8}$'),
    employer         text not null check (employer ~ '^[0-9]{7}$'),
    month            date not null check (extract(day from month) = 1),
    wage             numeric(16, 2) not null check (wage > 0),
    amount           numeric(16, 2) not null check (amount > 0 and amount <= wage),
    recorded_at      timestamptz not null,
    registrar        text,
    registrar_agency text,
    legal_basis      text not null check (length(legal_basis) between 1 and 300),
    unique (register_number, employer, month)
);

create function socialinsurance.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'socialinsurance.contribution is append-only';
end $$;
create trigger contribution_append_only before update or delete on socialinsurance.contribution
    for each row execute function socialinsurance.refuse_change();
create trigger contribution_no_truncate before truncate on socialinsurance.contribution
    for each statement execute function socialinsurance.refuse_change();
