#!/usr/bin/env bash
# Drains a backlog of queued notifications through one node: SMS to the in-process SMSC simulator over
# real SMPP (windowed submits), then email to GreenMail over real SMTP. Everything runs on loopback in
# one JVM started by Maven (the NotificationsBenchmark test class, which the normal build never runs).
#
#   bench/notifications.sh                       # 100000 SMS, 10000 emails
#   SMS=20000 EMAILS=2000 WINDOW=16 SMSC_LATENCY_MS=20 bench/notifications.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SMS=${SMS:-100000}
EMAILS=${EMAILS:-10000}
WINDOW=${WINDOW:-32}
BATCH=${BATCH:-500}
SMTP_CONNECTIONS=${SMTP_CONNECTIONS:-8}
SMSC_LATENCY_MS=${SMSC_LATENCY_MS:-0}
OFFLINE=${OFFLINE:--o}
LOG=$(mktemp)
echo "notifications benchmark: $SMS SMS (window $WINDOW, batch $BATCH, SMSC latency $SMSC_LATENCY_MS ms), $EMAILS emails ($SMTP_CONNECTIONS SMTP connections)"
./mvnw $OFFLINE -B test -Dtest=NotificationsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.sms="$SMS" -Dbench.emails="$EMAILS" -Dbench.window="$WINDOW" -Dbench.batch="$BATCH" \
    -Dbench.smtp="$SMTP_CONNECTIONS" -Dbench.smscLatencyMs="$SMSC_LATENCY_MS" >"$LOG" 2>&1 || { tail -60 "$LOG"; echo "benchmark failed (log: $LOG)"; exit 1; }
grep '^BENCH' "$LOG"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; JVM heap limit from surefire's argLine (-Xmx2g)"
rm -f "$LOG"
