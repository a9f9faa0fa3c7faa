#!/usr/bin/env bash
# Lookup of a person by register number over the REST API at CONNECTIONS concurrent clients, against a trivial
# endpoint of the same server. Needs a running Zasag with demo tokens and a populated registry (see bench/README.md).
# Every lookup is an officer's read: it is audited (one audit row written per request, in the same transaction).
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
CSV=${CSV:?CSV=the persons CSV whose people are in the registry}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
case "$BASE" in http://localhost:*|http://127.*) ;; *) echo "BASE must be a loopback address" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 2; }
curl -fsS "$BASE/actuator/health" >/dev/null || { echo "Zasag is not answering at $BASE" >&2; exit 2; }

paths=$(mktemp)
# 20,000 register numbers spread over the file, percent-encoded
python3 - "$CSV" "$paths" <<'PY'
import sys, urllib.parse
rows = []
with open(sys.argv[1], encoding='utf-8') as f:
    next(f)
    for i, line in enumerate(f):
        if i % 50 == 0:
            rows.append('/api/v1/registry/persons/' + urllib.parse.quote(line.split(',', 1)[0]))
        if len(rows) >= 20000:
            break
open(sys.argv[2], 'w').write('\n'.join(rows) + '\n')
PY
lua=$(mktemp --suffix=.lua)
cat >"$lua" <<LUA
local paths = {}
for line in io.lines("$paths") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Authorization"] = "Bearer zsg_demo_officer", ["X-Legal-Basis"] = "benchmark"})
end
LUA
first=$(head -1 "$paths")
curl -fsS -o /dev/null -w "probe $first -> %{http_code}\n" -H "Authorization: Bearer zsg_demo_officer" -H "X-Legal-Basis: benchmark" "$BASE$first"

run() {
  echo "== $1"; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"
}
run "trivial: GET /api/v1/agencies (same token header)" -H "Authorization: Bearer zsg_demo_officer" "$BASE/api/v1/agencies"
run "lookup: GET /api/v1/registry/persons/{rn} (audited read)" -s "$lua" "$BASE"
rm -f "$paths" "$lua"
