#!/usr/bin/env bash
# In-process ledger benchmark: LedgerWriter.append(...).get() (group commit) against plain
# single-row autocommit INSERTs of an equivalent row, same N threads, same JVM, same JDBC driver and
# Agroal pool, same durable throwaway PostgreSQL (fsync=on, synchronous_commit=on). Not part of
# ./mvnw verify (the class is dev.steward.disclosure.bench.LedgerAppendBench, not a *Test/*IT).
# Needs Debian's PostgreSQL tools (initdb, pg_ctl, psql), Java 17, and the platform in ~/.m2.
# Usage: bench/disclosure/inprocess.sh [seconds=15] [threads=8,32] [rounds=2]
set -euo pipefail
SECONDS_RUN=${1:-15}
THREADS=${2:-8,32}
ROUNDS=${3:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
./mvnw -B -ntp -o -q test-compile -pl disclosure-service
./mvnw -B -ntp -o -q dependency:build-classpath -pl disclosure-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/disclosure-service/target/bench-classpath.txt"
CP=disclosure-service/target/test-classes:disclosure-service/target/classes:$(cat disclosure-service/target/bench-classpath.txt)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
export PATH=$PGBIN:$PATH
WORK=$(mktemp -d /tmp/steward-inproc.XXXXXX)
chmod 755 "$WORK"
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
AS_PG=()
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; AS_PG=(runuser -u postgres --); fi
cleanup() {
  "${AS_PG[@]}" pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# initdb's defaults: fsync=on, synchronous_commit=on (the bench prints them as the server reports them)
"${AS_PG[@]}" initdb -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" pg_ctl -D "$WORK/data" -l "$WORK/pg.log" -w \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "create database bench"
echo "load before: $(uptime)"
java -Xmx512m -cp "$CP" dev.steward.disclosure.bench.LedgerAppendBench \
  "jdbc:postgresql://127.0.0.1:$PGPORT/bench" postgres unused "$SECONDS_RUN" "$THREADS" "$ROUNDS" 2>&1 \
  | grep -v -E "^(SLF4J|WARNING)|flyway" || true
echo "load after: $(uptime)"
