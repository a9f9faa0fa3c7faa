#!/usr/bin/env bash
# Bulk import of N generated persons (default 3,000,000) against plain COPY of the same rows. See bench/README.md.
#  1. generate the CSV (java -jar … --generate-persons=N)
#  2. import it into a fresh embedded database with the platform's importer (java -jar … --import-persons=…),
#     under /usr/bin/time -v with the JVM heap capped at HEAP (bounded memory: the file is never held whole)
#  3. start the platform again on that database and COPY the same CSV, server-side, into bench.person_copy:
#     the CSV's columns with the same primary key, unique ID card number and name/spouse indexes as
#     registry.person (no name keys, no civil events, no foreign keys, no checks)
set -euo pipefail
N=${N:-3000000}
DIR=${DIR:-/tmp/zasag-bench-import}
JAR=${JAR:-$(ls target/zasag-*.jar | head -1)}
HEAP=${HEAP:-256m}
DB_PORT=${DB_PORT:-55499}
HTTP_PORT=${HTTP_PORT:-18491}
# REGISTRIES=true also generates and imports the country's entities, vehicles, property and tax accounts
# (files beside persons.csv, loaded in the same transaction); the COPY comparison stays persons only
REGISTRIES=${REGISTRIES:-false}
rm -rf "$DIR" && mkdir -p "$DIR"

echo "== generate $N persons"
/usr/bin/time -f "generate: %e s wall, max RSS %M KiB" java -jar "$JAR" --generate-persons="$N" --out="$DIR/persons.csv" --registries="$REGISTRIES"
ls -l "$DIR"/persons*.csv

echo "== import with the platform's importer (heap -Xmx$HEAP)"
ZASAG_DATA_DIR="$DIR/data" ZASAG_DEMO=false ZASAG_PORT=$HTTP_PORT ZASAG_EMBEDDED_DB_PORT=$DB_PORT \
  /usr/bin/time -v java -Xmx"$HEAP" -jar "$JAR" --import-persons="$DIR/persons.csv" >"$DIR/import.log" 2>"$DIR/time.txt" || true
grep -E "PersonImporter|ImportCommand" "$DIR/import.log" | sed 's/^.*: //' | tail -5
grep -E "Maximum resident|Elapsed" "$DIR/time.txt"

echo "== plain COPY of the same rows"
ZASAG_DATA_DIR="$DIR/data" ZASAG_DEMO=false ZASAG_PORT=$HTTP_PORT ZASAG_EMBEDDED_DB_PORT=$DB_PORT \
  java -jar "$JAR" >"$DIR/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 120); do grep -q "Started Zasag" "$DIR/server.log" && break; sleep 1; done
psql -q -h localhost -p "$DB_PORT" -U postgres zasag <<SQL
create schema if not exists bench;
drop table if exists bench.person_copy;
create table bench.person_copy (
    register_number text primary key, civil_id text unique, clan_name text, family_name text not null,
    given_name text not null, sex text not null, birth_date date not null, birth_place text, citizenship text,
    address_division text, address_line text, phone text, spouse text, married date);
create index on bench.person_copy (given_name text_pattern_ops);
create index on bench.person_copy (family_name text_pattern_ops);
create index on bench.person_copy (spouse);
\timing on
copy bench.person_copy from '$DIR/persons.csv' with (format csv, header true);
\timing off
select count(*) as copied from bench.person_copy;
select count(*) as imported_persons from registry.person;
select count(*) as civil_events from registry.civil_event;
select (select count(*) from legalentity.entity) as entities, (select count(*) from vehicles.vehicle) as vehicles,
       (select count(*) from property.property) as properties, (select count(*) from tax.taxpayer) as taxpayers;
drop schema bench cascade;
SQL
