#!/usr/bin/env bash
# Load scenarios against a running Zasag on loopback. See bench/README.md.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
LOGINS=${LOGINS:-40}

case "$BASE" in
  http://localhost:*|http://127.*) ;;
  *) echo "BASE must be a loopback address, not $BASE" >&2; exit 2 ;;
esac
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else echo "install wrk (apt-get install wrk)" >&2; exit 2; fi
fi
curl -fsS "$BASE/actuator/health" >/dev/null || { echo "Zasag is not answering at $BASE" >&2; exit 2; }

run() { # name, then wrk arguments
  local name=$1; shift
  echo "== $name"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"
}

run "new visitor: GET / without cookie" "$BASE/"
# the first page of a browser session sets the visit cookie; a returning visitor sends it
run "returning visitor: GET / with the visit cookie" -H "Cookie: ZASAG_VISIT=1" "$BASE/"
run "API with token: GET /api/v1/me" -H "Authorization: Bearer zsg_demo_citizen" "$BASE/api/v1/me"
run "public API: GET /api/v1/agencies" "$BASE/api/v1/agencies"

echo "== login: $LOGINS sequential form logins (Argon2id)"
start=$(date +%s.%N)
for _ in $(seq "$LOGINS"); do
  j=$(mktemp)
  csrf=$(curl -fsS -c "$j" -b "$j" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  code=$(curl -sS -c "$j" -b "$j" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=officer" \
    --data-urlencode "password=Zasag-Demo-2026" --data-urlencode "_csrf=$csrf" "$BASE/login")
  case "$code" in *error*) echo "login failed: $code" >&2; exit 1 ;; esac
  rm -f "$j"
done
end=$(date +%s.%N)
echo "    $(echo "scale=1; $LOGINS / ($end - $start)" | bc) logins/sec (each: GET /login + POST /login), $(echo "scale=0; 1000 * ($end - $start) / $LOGINS" | bc) ms per login"
