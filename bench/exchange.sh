#!/usr/bin/env bash
# One civil registry read, (a) directly through the registry's API and (b) through the data exchange
# (PR-REST /r1/..., access right check, provider worker, message log in FULL mode with both members' seals,
# chained and TSA-stamped in the background), same load. Needs a running Zasag with demo data (see README.md).
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
RN=${RN:-%D0%A3%D0%9190052114}   # УБ90052114, the demo citizen
case "$BASE" in http://localhost:*|http://127.0.0.1:*) ;; *) echo "BASE must be a loopback address" >&2; exit 2;; esac
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q wrk >/dev/null; }

direct=(-H 'Authorization: Bearer zsg_demo_officer' -H 'X-Legal-Basis: Benchmark')
exchange=(-H 'Authorization: Bearer zsg_demo_gasi' -H 'X-Road-Client: MN/GOV/9011003/benefits' -H 'X-Road-Issue: Benchmark'
          -H 'X-Road-UserId: MNgasi')
DIRECT_URL="$BASE/api/v1/registry/persons/$RN"
EXCHANGE_URL="$BASE/r1/MN/GOV/9011002/civil-registry/person/$RN"

echo "== check both answer 200"
curl -fsS -o /dev/null -w '%{http_code} direct\n' "${direct[@]}" "$DIRECT_URL"
curl -fsS -o /dev/null -w '%{http_code} exchange\n' "${exchange[@]}" "$EXCHANGE_URL"

echo "== warm-up"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${direct[@]}" "$DIRECT_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "${exchange[@]}" "$EXCHANGE_URL" >/dev/null

echo "== (a) direct: GET /api/v1/registry/persons/{rn}"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${direct[@]}" "$DIRECT_URL"
echo "== (b) through the exchange: GET /r1/MN/GOV/9011002/civil-registry/person/{rn}"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${exchange[@]}" "$EXCHANGE_URL"
