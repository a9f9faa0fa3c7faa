-- The national PKI: the CA hierarchy and its service signers, certificate profiles as data, and every
-- certificate issued with its revocation status.
create schema if not exists pki;

-- One row: the directory (under the data dir) holding this database's PKCS#12 key stores. A fresh
-- database gets a fresh directory, so it never picks up, or overwrites, keys that belong to another one.
create table pki.installation (
    id         int primary key check (id = 1),
    key_dir    text        not null,
    created_at timestamptz not null
);

-- Root and issuing CAs, and the service signers (OCSP responders, TSA) they certify.
create table pki.authority (
    code            text primary key,
    kind            text        not null check (kind in ('ROOT', 'ISSUING', 'OCSP_RESPONDER', 'TSA')),
    parent_code     text references pki.authority (code),
    subject_dn      text        not null,
    certificate     bytea       not null,
    keystore_file   text        not null,
    keystore_sha256 text        not null,
    crl             bytea,
    crl_number      bigint      not null default 0,
    created_at      timestamptz not null
);

-- What a certificate of each kind says: which CA issues it, key usage, extended key usage, validity.
create table pki.profile (
    code               text primary key,
    ca_code            text not null,
    key_usage          text not null,
    extended_key_usage text not null default '',
    validity_days      int  not null check (validity_days between 1 and 3650)
);

insert into pki.profile (code, ca_code, key_usage, extended_key_usage, validity_days) values
    ('agency_seal',   'agencies', 'digitalSignature,nonRepudiation', '',                       1095),
    ('tls_server',    'agencies', 'digitalSignature,keyEncipherment', 'serverAuth',            397),
    ('tls_client',    'agencies', 'digitalSignature',                 'clientAuth',            730),
    ('person_signing','persons',  'digitalSignature,nonRepudiation', 'emailProtection',        1095);

create table pki.certificate (
    serial            numeric(40) primary key,
    ca_code           text        not null references pki.authority (code),
    profile_code      text        not null references pki.profile (code),
    subject_dn        text        not null,
    certificate       bytea       not null,
    not_before        timestamptz not null,
    not_after         timestamptz not null,
    status            text        not null check (status in ('GOOD', 'REVOKED', 'ON_HOLD')),
    revocation_reason int,
    revoked_at        timestamptz,
    agency_code       text,
    issued_by         text,
    issued_at         timestamptz not null
);

create index certificate_ca_status on pki.certificate (ca_code, status);
