-- The hierarchy's own certificates (issuing CAs, OCSP responders, the TSA) join the registry of issued
-- certificates, so the OCSP responder and the CRLs state their status like any other's. Their profiles
-- describe them but cannot be requested: issuable = false keeps them out of issuance from a CSR.
alter table pki.profile add column issuable boolean not null default true;

insert into pki.profile (code, ca_code, key_usage, extended_key_usage, validity_days, issuable) values
    ('issuing_ca',     'root',     'keyCertSign,cRLSign', '',            3650, false),
    ('ocsp_responder', 'services', 'digitalSignature',    'OCSPSigning', 730,  false),
    ('time_stamping',  'services', 'digitalSignature,nonRepudiation', 'timeStamping', 1825, false);
