#!/usr/bin/env bash
# The services catalogue under load, and what a first visit of its pages weighs. See bench/README.md.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
# A user reads a result list before the next search: each connection waits THINK_MS (0.5× to 1.5×, at random)
# between its requests. THINK_MS=0 is back-to-back requests: every connection a request in flight, the saturation run.
THINK_MS=${THINK_MS:-1000}

case "$BASE" in
  http://localhost:*|http://127.*) ;;
  *) echo "BASE must be a loopback address, not $BASE" >&2; exit 2 ;;
esac
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else echo "install wrk (apt-get install wrk)" >&2; exit 2; fi
fi
curl -fsS "$BASE/actuator/health" >/dev/null || { echo "Zasag is not answering at $BASE" >&2; exit 2; }

# Queries a citizen types: Cyrillic, Latin, a typo, an English word; wrk's Lua picks them in turn.
lua=$(mktemp --suffix=.lua)
trap 'rm -f "$lua"' EXIT
cat > "$lua" <<'LUA'
local queries = { "%D0%B6%D0%BE%D0%BB%D0%BE%D0%BE%D1%87",            -- жолооч
                  "tetgever",
                  "%D0%B6%D0%BE%D0%BB%D0%BE%D0%BE%D0%B4%D0%BE%D1%85%20%D1%8D%D1%80%D1%85%D0%B9%D0%BD", -- жолоодох эрхйн
                  "passport",
                  "%D1%82%D0%B0%D1%82%D0%B2%D0%B0%D1%80",             -- татвар
                  "gerlelt" }
local i = 0
if THINK_MS > 0 then
  delay = function() return math.random(THINK_MS / 2, THINK_MS * 3 / 2) end
end
request = function()
  i = i + 1
  return wrk.format("GET", PATH .. queries[(i % #queries) + 1])
end
LUA

run() { # name, path prefix (the query is appended), think time in ms, then extra wrk arguments
  local name=$1 path=$2 think=$3; shift 3
  echo "== $name ($CONNECTIONS users, think time ${think} ms, $DURATION)"
  sed -i "1i PATH = \"$path\"; THINK_MS = $think" "$lua"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$@" "$BASE" \
    | grep -E "Requests/sec|Latency  |^ +50%|^ +99%|Non-2xx|Socket errors"
  sed -i '1d' "$lua"
}
run "search API: GET /api/v1/services?q=…" "/api/v1/services?q=" "$THINK_MS"
run "search API, back to back (saturation)" "/api/v1/services?q=" 0
run "search page, new visitor (no cookie: a visit counted per request)" "/services/search?q=" "$THINK_MS"
# a returning visitor's browser holds the visit cookie (the first page of a browser session sets it)
run "search page, returning visitor (visit cookie)" "/services/search?q=" "$THINK_MS" -H "Cookie: ZASAG_VISIT=1"
run "search page, returning visitor, back to back (saturation)" "/services/search?q=" 0 -H "Cookie: ZASAG_VISIT=1"

# First visit, as a browser with an empty cache: the HTML, then every stylesheet, script and image it links, and every
# font the stylesheets name. A browser fetches only the fonts whose unicode-range the page uses, so the font figure is
# an upper bound. Sizes are bytes on the wire as served (Accept-Encoding: gzip, br), headers excluded.
weigh() { # name, path
  local html total=0 n url size assets
  html=$(mktemp)
  size=$(curl -fsS --compressed -H 'Accept-Encoding: gzip, br' -o "$html" -w '%{size_download}' "$BASE$2")
  total=$size; n=1
  assets=$(grep -oE '(href|src)="/[^"]+\.(css|js|svg|png|jpg|ico|woff2)"' "$html" | sed -E 's/^(href|src)="//;s/"$//' | sort -u)
  fonts=""
  for url in $assets; do
    case "$url" in *.css) fonts="$fonts $(curl -fsS "$BASE$url" | grep -oE 'url\("?/[^")]+' | sed -E 's/url\("?//')";; esac
  done
  for url in $assets $(echo "$fonts" | tr ' ' '\n' | sort -u); do
    size=$(curl -fsS --compressed -H 'Accept-Encoding: gzip, br' -o /dev/null -w '%{size_download}' "$BASE$url")
    total=$((total + size)); n=$((n + 1))
  done
  printf '%-40s %3d requests %7d bytes (%d KB)\n' "$1" "$n" "$total" $((total / 1024))
  rm -f "$html"
}
echo "== first visit: HTML + CSS + JS + fonts + images"
weigh "catalogue home /services" "/services"
weigh "search results /services/search?q=tetgever" "/services/search?q=tetgever"
weigh "service page /services/POLICE-DL-001" "/services/POLICE-DL-001"
echo "   (HTML alone: $(curl -fsS -o /dev/null -w '%{size_download}' "$BASE/services") / $(curl -fsS -o /dev/null -w '%{size_download}' "$BASE/services/search?q=tetgever") / $(curl -fsS -o /dev/null -w '%{size_download}' "$BASE/services/POLICE-DL-001") bytes)"
