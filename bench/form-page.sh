#!/usr/bin/env bash
# A form page under load, and the bytes of each page of one journey on a first visit. See bench/README.md.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
# A user reads a page and answers before asking for the next: each connection waits THINK_MS (0.5× to 1.5×, at
# random) between its requests. THINK_MS=0 is back-to-back requests, every connection a request in flight: saturation.
THINK_MS=${THINK_MS:-1000}
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

login() { # logs the citizen in with a new session; prints the session cookie's value
  local jar csrf
  jar=$(mktemp)
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -sS -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=$LOGIN" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  awk '$6=="ZASAG_SESSION"{print $7}' "$jar"
  rm -f "$jar"
}
cookie=$(login)
[ -n "$cookie" ] || { echo "login failed" >&2; exit 1; }
jar=$(mktemp)
printf 'localhost\tFALSE\t/\tFALSE\t0\tZASAG_SESSION\t%s\n' "$cookie" >"$jar"
# start (or resume) the citizen's draft: the redirect names the first page
page=$(curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' "$BASE/apply/$FORM/start")
case "$page" in */applications/*) ;; *) echo "could not start $FORM: $page" >&2; exit 1 ;; esac
path=${page#"$BASE"}
path=${path#http://localhost:8080}

# Each user has their own session: SESSIONS logins of the citizen (Argon2id makes each take a moment), each asking for
# the page once (the session's CSRF token is made on its first form). The requests then cycle through the sessions.
# (All share one session would make every request wait for the others' update of that one session row.)
SESSIONS=${SESSIONS:-$CONNECTIONS}
lua=$(mktemp --suffix=.lua)
trap 'rm -f "$lua" "$lua.cookies" "$jar"' EXIT
echo "cookies = {" >"$lua.cookies"
for _ in $(seq "$SESSIONS"); do
  c=$(login)
  [ -n "$c" ] || { echo "login failed" >&2; exit 1; }
  curl -fsS -H "Cookie: ZASAG_SESSION=$c" -o /dev/null "$BASE$path"
  echo "\"$c\"," >>"$lua.cookies"
done
echo "}" >>"$lua.cookies"
drive() { # think time in ms
  { cat "$lua.cookies"
    printf 'THINK_MS = %d\nif THINK_MS > 0 then delay = function() return math.random(THINK_MS / 2, THINK_MS * 3 / 2) end end\n' "$1"
    printf 'local i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", "%s", { ["Cookie"] = "ZASAG_SESSION=" .. cookies[(i %% #cookies) + 1] })\nend\n' "$path"
  } >"$lua"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$BASE" \
    | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"
}
echo "== a form page at $CONNECTIONS concurrent users ($SESSIONS sessions), think time $THINK_MS ms: GET $path"
drive "$THINK_MS"
echo "== the same page, $CONNECTIONS connections back to back (saturation)"
drive 0

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
rm -f "$jar" "$lua.cookies"
