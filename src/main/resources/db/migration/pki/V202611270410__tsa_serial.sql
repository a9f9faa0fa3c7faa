-- Serial numbers of RFC 3161 time-stamp tokens: unique and increasing across every node.
create sequence pki.tsa_serial as bigint start with 1 cache 1;
