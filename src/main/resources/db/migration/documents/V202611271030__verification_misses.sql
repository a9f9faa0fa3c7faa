-- Lookups of codes that match no document, per client address: the public verification refuses an address that
-- misses too often (documents.internal.VerificationThrottle), so issued codes cannot be found by guessing.
create table documents.verify_miss (
    ip text not null,
    at timestamptz not null
);
create index verify_miss_ip_at on documents.verify_miss (ip, at);
