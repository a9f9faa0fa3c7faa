#!/usr/bin/env bash
# A form page under load, and the bytes of each page of one journey on a first visit. See bench/README.md.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
FORM=${FORM:-sw-sanatorium-refund}
LOGIN=${LOGIN:-УБ90052114}
PASSWORD=${PASSWORD:-Zasag-Demo-2026}

case "$BASE" in
  http://localhost:*|http://127.*) ;;
  *) echo "BASE must be a loopback address, not $BASE" >&2; exit 2 ;;
esac
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else echo "install wrk (apt-get install wrk)" >&2; exit 2; fi
fi
curl -fsS "$BASE/actuator/health" >/dev/null || { echo "Zasag is not answering at $BASE" >&2; exit 2; }

jar=$(mktemp)
csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -sS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$LOGIN" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$csrf" "$BASE/login"
cookie=$(awk '$6=="ZASAG_SESSION"{print $7}' "$jar")
[ -n "$cookie" ] || { echo "login failed" >&2; exit 1; }
# start (or resume) the citizen's draft: the redirect names the first page
page=$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' "$BASE/apply/$FORM/start")
case "$page" in */applications/*) ;; *) echo "could not start $FORM: $page" >&2; exit 1 ;; esac
path=${page#"$BASE"}
path=${path#http://localhost:8080}

# one request first: the session's CSRF token is made on the first form rendered after login (100 concurrent first
# renders of one session would race to store it; real users each have their own session)
curl -fsS -b "$jar" -o /dev/null "$BASE$path"
echo "== a form page at $CONNECTIONS concurrent users: GET $path"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: ZASAG_SESSION=$cookie" "$BASE$path" \
  | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"

echo "== bytes of each page on a first visit (HTML + CSS + fonts + images the page uses; no script is used)"
assets() { # the stylesheet, the favicon and the fonts the stylesheet names (a first visit downloads the ones the text needs)
  local css fonts
  css=$(curl -fsS "$BASE/css/zasag.css" | wc -c)
  fav=$(curl -fsS "$BASE/favicon.svg" | wc -c)
  # Cyrillic + Latin regular and bold: what a Mongolian page needs
  fonts=0
  for f in noto-sans-cyrillic-400-normal noto-sans-cyrillic-700-normal noto-sans-latin-400-normal noto-sans-latin-700-normal; do
    fonts=$((fonts + $(curl -fsS "$BASE/fonts/$f.woff2" | wc -c)))
  done
  echo $((css + fav + fonts))
}
static=$(assets)
measure() { # name, path
  local html
  html=$(curl -fsS -b "$jar" -H 'Accept-Encoding: identity' "$BASE$2" | wc -c)
  printf '    %-28s HTML %6d B, with CSS+fonts+icon %7d B (%d KB)\n' "$1" "$html" $((html + static)) $(((html + static) / 1024))
}
measure "start page" "/apply/$FORM"
measure "first question page" "$path"
ref=$(echo "$path" | sed -E 's#/applications/([^/]+)/.*#\1#')
measure "my applications" "/applications"
measure "application (status)" "/applications/$ref"
measure "performance (public)" "/performance"
rm -f "$jar"
