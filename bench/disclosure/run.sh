#!/usr/bin/env bash
# Ledger appends through disclosure-service's API (hash-chained, group-committed, durable) against
# plain durable single-row INSERTs by pgbench, 8 clients each, on the same throwaway PostgreSQL in
# the same run. Not part of ./mvnw verify. Needs: Debian's PostgreSQL 15 (initdb, pg_ctl, pgbench),
# Java 17, and the packaged service:
#   ./mvnw -B -ntp -pl disclosure-service package -DskipTests
# Usage: bench/disclosure/run.sh [seconds=20] [clients=8]   (BENCH_JAVA_OPTS: more JVM options for the service)
set -euo pipefail
SECONDS_RUN=${1:-20}
CLIENTS=${2:-8}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/disclosure-service/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "build the service first: ./mvnw -B -ntp -pl disclosure-service package -DskipTests" >&2; exit 1; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
export PATH=$PGBIN:$PATH
WORK=$(mktemp -d /tmp/steward-bench.XXXXXX)
chmod 755 "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port)
APPPORT=$(free_port)
AS_PG=()
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; AS_PG=(runuser -u postgres --); fi
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "${OIDC_PID:-}" ] && kill "$OIDC_PID" 2>/dev/null || true
  "${AS_PG[@]}" pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  cp "$WORK/app.log" "${TMPDIR:-/tmp}/steward-bench-app.log" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== PostgreSQL (durable: fsync=on, synchronous_commit=on) on port $PGPORT"
"${AS_PG[@]}" initdb -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" pg_ctl -D "$WORK/data" -l "$WORK/pg.log" -w -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt -c "show fsync" -c "show synchronous_commit" | paste -sd' ' | sed 's/^/fsync, synchronous_commit: /'
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "create database disclosure" -c "create database plain"

echo "== pgbench: $CLIENTS clients, plain single-row INSERT of a ledger-shaped row, one transaction each"
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -d plain -c "create table plain_entry (seq bigserial primary key,
  entry_type varchar(30) not null, ref_id uuid not null, content_digest char(64) not null,
  recorded_at timestamptz not null, prev_hash char(64) not null, hash char(64) not null unique)"
cat > "$WORK/insert.sql" <<'SQL'
insert into plain_entry (entry_type, ref_id, content_digest, recorded_at, prev_hash, hash)
values ('DISCLOSURE', gen_random_uuid(), md5(random()::text) || md5(random()::text), now(),
        md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text));
SQL
pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -f "$WORK/insert.sql" plain \
  | tee "$WORK/pgbench.out" | grep -E "^(tps|number of transactions actually|latency average)"
PLAIN=$(grep -E "^tps" "$WORK/pgbench.out" | sed -E 's/tps = ([0-9.]+).*/\1/')

echo "== disclosure-service (prod profile, runtime role disclosure_app) on port $APPPORT"
(cd "$(dirname "$0")" && java Load.java keygen "$WORK")
OIDCPORT=$(free_port)
(cd "$WORK/oidc" && exec python3 -m http.server "$OIDCPORT" --bind 127.0.0.1) >/dev/null 2>&1 &
OIDC_PID=$!
PORT=$APPPORT DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/disclosure" DB_USER=postgres DB_PASSWORD=unused \
DB_APP_USER=disclosure_app DB_APP_PASSWORD=bench DB_POOL_MAX=20 \
OIDC_URL="http://127.0.0.1:$OIDCPORT" QUARKUS_OIDC_DISCOVERY_ENABLED=false QUARKUS_OIDC_JWKS_PATH=jwks \
QUARKUS_OIDC_TOKEN_ISSUER=https://bench.steward.local QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
LEDGER_SIGNING_KEY="$(head -c 32 /dev/urandom | base64)" \
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APPPORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$APPPORT/q/health/ready" >/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
echo "== API load: $CLIENTS connections (wrk), POST /disclosures (compelled, so no peer call), ${SECONDS_RUN}s after a 5 s warm-up"
# wrk, as P1 does: a load generator in C costs the 2 cores far less than a JVM client would
TOKEN=$(cd "$(dirname "$0")" && java Load.java token "$WORK")
TODAY=$(date -u +%F)
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.body = '{"recipient":{"type":"CONSUMER_REPORTING_AGENCY","name":"Credit Bureau"},"legalBasis":"FRAUD_PREVENTION",'
  .. '"caseReference":"B-1","receivedOn":"$TODAY","disclosedOn":"$TODAY",'
  .. '"subjects":[{"org":"bench","kind":"END_USER","id":"u-1"}],"dataCategories":["user.contact.email"],'
  .. '"purpose":"Benchmark","outcome":"NON_CONTENT_DISCLOSED"}'
LUA
THREADS=$(( CLIENTS < 2 ? CLIENTS : 2 ))
wrk -t"$THREADS" -c"$CLIENTS" -d5s -s "$WORK/post.lua" "http://127.0.0.1:$APPPORT/disclosures" > /dev/null
wrk -t"$THREADS" -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -s "$WORK/post.lua" "http://127.0.0.1:$APPPORT/disclosures" \
  | tee "$WORK/wrk.out" | grep -E "Requests/sec|  50%|  99%|Non-2xx"
grep -q "Non-2xx" "$WORK/wrk.out" && { echo "some appends were refused" >&2; tail -20 "$WORK/app.log"; exit 1; }
API=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.out")
ROWS=$(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt -d disclosure -c "select count(*) from ledger_entry")
BATCH=$(curl -fs "http://127.0.0.1:$APPPORT/q/metrics" | grep -E '^steward_ledger_batch_(size|duration_seconds)_(count|sum)' | awk '{print $2}' | paste -sd' ')
echo "ledger rows: $ROWS; group commits (count sum): $BATCH"
TOKENLESS=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APPPORT/ledger/public-key")
echo "public key endpoint: $TOKENLESS"
python3 - "$PLAIN" "$API" <<'PY'
import sys
plain, api = float(sys.argv[1]), float(sys.argv[2])
print(f"RESULT plain_insert_tps={plain:.1f} api_appends_per_s={api:.1f} ratio={api/plain:.2f} (goal >= 0.50)")
PY
