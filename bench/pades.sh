#!/usr/bin/env bash
# PAdES B-T seals per second on a 1-page PDF: wrk POSTs the same PDF to /api/v1/pki/signatures/pades?level=B-T
# (each answer: an incremental update with a visible signature block, an ECDSA signature and a time-stamp
# from our TSA). The first sealed PDF is checked with pdfsig when it is installed. See bench/README.md.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
TOKEN=${TOKEN:-zsg_demo_admin}
LEVEL=${LEVEL:-B-T}
case "$BASE" in http://localhost:*|http://127.*) ;; *) echo "BASE must be a loopback address" >&2; exit 2 ;; esac
for tool in wrk python3 curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"

# a 1-page PDF with one line of text, offsets computed so the xref table is exact
python3 - <<'PY'
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
text = b"BT /F1 14 Tf 72 770 Td (A one-page letter for the PAdES benchmark.) Tj ET"
objs[3] = b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream"
out = bytearray(b"%PDF-1.7\n"); offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open("letter.pdf", "wb").write(out)
PY
curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/pdf' --data-binary @letter.pdf \
  -o sealed.pdf "$BASE/api/v1/pki/signatures/pades?level=$LEVEL"
if command -v pdfsig >/dev/null && command -v certutil >/dev/null; then
  curl -fsS -o root.pem "$BASE/pki/ca/root.pem"
  mkdir nss && certutil -N -d sql:nss --empty-password && certutil -A -d sql:nss -n zasag-root -t CT,C,C -i root.pem
  pdfsig -nssdir sql:nss -no-ocsp sealed.pdf | grep -q "Signature is Valid." || { echo "pdfsig did not accept the sealed PDF" >&2; exit 1; }
fi

cat > post.lua <<LUA
local f = io.open("letter.pdf", "rb"); wrk.body = f:read("*all"); f:close()
wrk.method = "POST"; wrk.headers["Content-Type"] = "application/pdf"; wrk.headers["Authorization"] = "Bearer $TOKEN"
LUA
echo "== zasag POST /api/v1/pki/signatures/pades?level=$LEVEL (1-page PDF, $(wc -c < letter.pdf) bytes)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s post.lua "$BASE/api/v1/pki/signatures/pades?level=$LEVEL" \
  | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"
