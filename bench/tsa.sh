#!/usr/bin/env bash
# Time-stamps per second: RFC 3161 requests (SHA-256, certReq) POSTed to Zasag's /pki/tsa by wrk with one
# pre-built query; every answer is a fresh signed token with its own serial. See bench/README.md.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
case "$BASE" in http://localhost:*|http://127.*) ;; *) echo "BASE must be a loopback address" >&2; exit 2 ;; esac
for tool in wrk openssl curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"

echo "a document to time-stamp" > data.txt
openssl ts -query -data data.txt -sha256 -cert -out req.tsq 2>/dev/null
curl -fsS -o root.pem "$BASE/pki/ca/root.pem"; curl -fsS -o chain.pem "$BASE/pki/ca/services.pem"
# sanity: one answer verifies with openssl
curl -fsS -H 'Content-Type: application/timestamp-query' --data-binary @req.tsq -o resp.tsr "$BASE/pki/tsa"
openssl ts -verify -in resp.tsr -queryfile req.tsq -CAfile root.pem -untrusted chain.pem | grep -q "Verification: OK"

cat > post.lua <<'LUA'
local f = io.open("req.tsq", "rb"); wrk.body = f:read("*all"); f:close()
wrk.method = "POST"; wrk.headers["Content-Type"] = "application/timestamp-query"
LUA
echo "== zasag POST /pki/tsa (SHA-256, certReq)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s post.lua "$BASE/pki/tsa" \
  | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"
