#!/usr/bin/env bash
# Issue 17 P1 and P7 with account-service's packaged jar (prod profile) on a throwaway durable
# PostgreSQL (fsync=on, synchronous_commit=on):
#   P7  start-up: from `java -jar` to the first 200 from /q/health/ready (and Quarkus' own "started in"
#       figure); RSS when ready and after the P1 load.
#   P1  a customer reading their own account, GET /me (HTTP, JWT check, primary-key read, per-subject
#       key unwrap, field decryption), CLIENTS connections with wrk, against `pgbench -S` (primary-key
#       SELECTs) with the same number of clients on the same cluster, in the same run.
# Needs Debian's PostgreSQL 15 tools, Java 17, curl, python3, wrk (installed with apt-get if missing and
# root), and the packaged service: ./mvnw -B -ntp -pl platform,account-service package -DskipTests
# Usage: bench/account/me.sh [seconds=20] [clients=8]      (BENCH_JAVA_OPTS: the service's JVM options)
# Prints RESULT lines (bench/run-all.sh reads them).
set -euo pipefail
SECONDS_RUN=${1:-20}
CLIENTS=${2:-8}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/account-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build the service first: ./mvnw -B -ntp -pl platform,account-service package -DskipTests" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1; fi
fi
cd "$ROOT"
. bench/disclosure/pg.sh
APPPORT=$(free_port)
trap 'cp "$WORK/app.log" "${TMPDIR:-/tmp}/steward-bench-account-me.log" 2>/dev/null; stop_all' EXIT
psql() { command psql -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
bench_db account >/dev/null
bench_db pgb >/dev/null
echo "PostgreSQL on port $PGPORT: fsync=$(psql -qAt -c 'show fsync') synchronous_commit=$(psql -qAt -c 'show synchronous_commit')"

# tokens signed by a local key, served as the issuer's JWKS (as bench/disclosure/run.sh)
start_issuer
TOKEN=$(cd bench/disclosure && java Load.java token "$WORK" bench-customer account-service customer)
# the throwaway test keysets of the service's test profile: nothing real is encrypted here
key() { sed -n "s/^%dev,test.steward.crypto.$1=//p" account-service/src/main/resources/application.properties; }

echo "== P7: account-service start-up to ready ($JAVA_OPTS)"
START=$(date +%s%N)
PORT=$APPPORT QUARKUS_HTTP_HOST=127.0.0.1 DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/account" DB_USER=postgres DB_PASSWORD=unused \
OIDC_URL="http://127.0.0.1:$OIDCPORT" QUARKUS_OIDC_DISCOVERY_ENABLED=false QUARKUS_OIDC_JWKS_PATH=jwks \
QUARKUS_OIDC_TOKEN_ISSUER=https://bench.steward.local QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
MASTER_KEY="$(key master-key)" BLIND_INDEX_KEY="$(key blind-index-key)" PURGE_SCHEDULER_ENABLED=false \
  bash -c 'cd "$(dirname "$1")" && shift && exec java "$@" -jar quarkus-run.jar' _ "$JAR" $JAVA_OPTS > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$APPPORT/q/health/ready"; do
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  [ $(( ($(date +%s%N) - START) / 1000000000 )) -lt 180 ] || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 0.02
done
READY=$(( ($(date +%s%N) - START) / 1000000 ))
QUARKUS=$(sed -nE 's/.*started in ([0-9.]+)s.*/\1/p' "$WORK/app.log" | head -1)
RSS_READY=$(rss_mib "$APP_PID")
echo "ready after ${READY} ms (Quarkus: ${QUARKUS}s), RSS ${RSS_READY} MiB"

echo "== P1: GET /me, $CLIENTS connections, ${SECONDS_RUN}s after a 5 s warm-up"
curl -fs -o /dev/null -X POST "http://127.0.0.1:$APPPORT/me" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  -H "Idempotency-Key: bench-sign-up" -d '{"fullName":"Bench Customer","email":"bench@example.com","phone":"+1 555 0100",
  "billingAddress":"1 Bench Street","birthDate":"1990-01-01","ageConfirmed":true}' || { echo "sign-up failed" >&2; tail -20 "$WORK/app.log"; exit 1; }
curl -fs -o /dev/null "http://127.0.0.1:$APPPORT/me" -H "Authorization: Bearer $TOKEN" || { echo "GET /me failed" >&2; exit 1; }
THREADS=$(( CLIENTS < 2 ? CLIENTS : 2 ))
wrk -t"$THREADS" -c"$CLIENTS" -d5s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$APPPORT/me" >/dev/null
wrk -t"$THREADS" -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$APPPORT/me" \
  | tee "$WORK/wrk.out" | grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx|requests in"
RSS_LOADED=$(rss_mib "$APP_PID")
API=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")
# wrk prints latencies with their unit (us, ms, s): in ms
P99=$(awk '$1 == "99%" {v = $2; u = v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v);
  print (u == "us" ? v / 1000 : u == "s" ? v * 1000 : v)}' "$WORK/wrk.out")
NON2XX=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.out")
# the ceiling of the HTTP stack alone: the same service and connections, an answer with no token, no database
echo "== HTTP ceiling: GET /q/health/live, $CLIENTS connections, ${SECONDS_RUN}s"
wrk -t"$THREADS" -c"$CLIENTS" -d5s "http://127.0.0.1:$APPPORT/q/health/live" >/dev/null
wrk -t"$THREADS" -c"$CLIENTS" -d"${SECONDS_RUN}s" "http://127.0.0.1:$APPPORT/q/health/live" | tee "$WORK/wrk-live.out" | grep -E "Requests/sec"
LIVE=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk-live.out")
kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
APP_PID=

echo "== baseline: pgbench -S (primary-key SELECT), $CLIENTS clients, same cluster, ${SECONDS_RUN}s"
pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -i -q -s 10 pgb >/dev/null 2>&1
pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -S -c "$CLIENTS" -j "$THREADS" -T "$SECONDS_RUN" pgb \
  | tee "$WORK/pgbench.out" | grep -E "^(tps|latency average)"
PG=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$WORK/pgbench.out" | head -1)
python3 - "$API" "$P99" "$PG" "${NON2XX:-0}" "$READY" "${QUARKUS:-?}" "$RSS_READY" "$RSS_LOADED" "$CLIENTS" "$LIVE" <<'PY'
import sys
api, p99, pg, non2xx, ready, quarkus, rss0, rss1, clients, live = sys.argv[1:]
print(f"RESULT p1 clients={clients} api_rps={float(api):.0f} p99_ms={float(p99):.2f} pgbench_select_tps={float(pg):.0f} "
      f"ratio={float(api)/float(pg):.3f} non2xx={non2xx} http_ceiling_rps={float(live):.0f} "
      f"ceiling_ratio={float(live)/float(pg):.3f} (goal >= 0.5, p99 <= 10 ms)")
print(f"RESULT p7 ready_ms={ready} quarkus_started_s={quarkus} rss_ready_mib={rss0} rss_after_load_mib={rss1} "
      f"(goal <= 1000 ms on an idle machine, RSS <= 200 MiB after the load)")
PY
