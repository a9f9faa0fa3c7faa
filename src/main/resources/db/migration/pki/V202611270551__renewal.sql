-- A renewal issues a new certificate and supersedes the old one; the new row names the one it replaces.
alter table pki.certificate add column replaces numeric(40) references pki.certificate (serial);
