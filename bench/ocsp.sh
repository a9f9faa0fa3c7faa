#!/usr/bin/env bash
# OCSP responder throughput: Zasag's /pki/ocsp against `openssl ocsp` serving the same CA with the same
# delegated responder key, both driven by wrk with one pre-built request. See bench/README.md.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DATA_DIR=${ZASAG_DATA_DIR:-./data}
PASSWORD=${ZASAG_PKI_KEYSTORE_PASSWORD:-zasag-demo-only-keystore-password}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
OPENSSL_PORT=${OPENSSL_PORT:-18888}
TOKEN=${TOKEN:-zsg_demo_admin}

case "$BASE" in http://localhost:*|http://127.*) ;; *) echo "BASE must be a loopback address" >&2; exit 2 ;; esac
for tool in wrk openssl python3 curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
work=$(mktemp -d); echo "work dir $work" >&2
responder=
stop() { # openssl ocsp -multi forks workers that outlive their parent unless stopped themselves
  if [ -n "$responder" ]; then pkill -P "$responder" 2>/dev/null || true; kill "$responder" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap stop EXIT
cd "$work"

# a certificate to ask about, issued by the agencies CA
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout my.key -subj "/CN=ocsp-bench/O=Zasag bench" -out my.csr 2>/dev/null
curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/pkcs10' --data-binary @my.csr \
  "$BASE/api/v1/pki/certificates?profile=tls_client" > issued.json
python3 -c 'import json;d=json.load(open("issued.json"));open("my.pem","w").write(d["pem"]);print(d["serial"])' > serial.txt
curl -fsS -o root.pem "$BASE/pki/ca/root.pem"; curl -fsS -o issuer.pem "$BASE/pki/ca/agencies.pem"
openssl ocsp -issuer issuer.pem -cert my.pem -no_nonce -reqout req.der >/dev/null
# the same request with a nonce: never answered from what the responder keeps, so every answer is signed
openssl ocsp -issuer issuer.pem -cert my.pem -reqout nonce-req.der >/dev/null

# sanity: our answer verifies
openssl ocsp -issuer issuer.pem -cert my.pem -no_nonce -url "$BASE/pki/ocsp" -CAfile root.pem 2>&1 | grep -q "Response verify OK"

# the same responder key, served by openssl
p12=$(ls "$DATA_DIR"/pki/*/ocsp-agencies.p12 | head -1)
openssl pkcs12 -in "$p12" -passin "pass:$PASSWORD" -nokeys -clcerts -out rsigner.pem 2>/dev/null
openssl pkcs12 -in "$p12" -passin "pass:$PASSWORD" -nocerts -nodes -out rkey.pem 2>/dev/null
serial=$(openssl x509 -in my.pem -noout -serial | cut -d= -f2)
expiry=$(date -u -d "$(openssl x509 -in my.pem -noout -enddate | cut -d= -f2)" +%y%m%d%H%M%SZ)
subject=$(openssl x509 -in my.pem -noout -subject -nameopt compat | sed 's/^subject=//')
printf 'V\t%s\t\t%s\tunknown\t%s\n' "$expiry" "$serial" "$subject" > index.txt
openssl ocsp -index index.txt -port "$OPENSSL_PORT" -rsigner rsigner.pem -rkey rkey.pem -CA issuer.pem \
  -multi "$THREADS" -nmin 1 -ignore_err >openssl-ocsp.log 2>&1 &
responder=$!
sleep 1
timeout 10 openssl ocsp -issuer issuer.pem -cert my.pem -no_nonce -url "http://127.0.0.1:$OPENSSL_PORT" -CAfile root.pem 2>&1 | grep -q "Response verify OK" \
  || { echo "openssl's responder did not answer; see $work/openssl-ocsp.log" >&2; exit 1; }

cat > post.lua <<'LUA'
local f = io.open("req.der", "rb"); wrk.body = f:read("*all"); f:close()
wrk.method = "POST"; wrk.headers["Content-Type"] = "application/ocsp-request"
LUA
sed 's/req.der/nonce-req.der/' post.lua > post-nonce.lua
b64=$(python3 -c 'import base64,urllib.parse;print(urllib.parse.quote(base64.b64encode(open("req.der","rb").read()).decode(),safe=""))')
run() { local name=$1; shift; echo "== $name"; wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"; }
run "zasag POST /pki/ocsp" -s post.lua "$BASE/pki/ocsp"
run "zasag GET /pki/ocsp/<base64> (RFC 5019)" "$BASE/pki/ocsp/$b64"
run "zasag POST /pki/ocsp with a nonce (every answer freshly signed)" -s post-nonce.lua "$BASE/pki/ocsp"
run "openssl ocsp -multi $THREADS (same CA, same responder key)" -s post.lua "http://127.0.0.1:$OPENSSL_PORT/"
