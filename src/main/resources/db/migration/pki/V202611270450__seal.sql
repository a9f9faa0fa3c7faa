-- Seals that documents are sealed with: one per owner (an agency code, or 'platform' for the platform's
-- own), its certificate issued from the agency_seal profile, its key in a PKCS#12 file like the CAs' keys.
create table pki.seal (
    owner           text primary key,
    serial          numeric(40) not null references pki.certificate (serial),
    keystore_file   text        not null,
    keystore_sha256 text        not null,
    created_at      timestamptz not null
);
