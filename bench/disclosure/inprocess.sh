#!/usr/bin/env bash
# In-process ledger benchmark: LedgerWriter.append(...).get() (group commit) against plain
# single-row autocommit INSERTs of an equivalent row, same N threads, same JVM, same JDBC driver and
# Agroal pool, same durable throwaway PostgreSQL (fsync=on, synchronous_commit=on). Not part of
# ./mvnw verify (the class is dev.steward.disclosure.bench.LedgerAppendBench, not a *Test/*IT).
# Needs Debian's PostgreSQL tools (initdb, pg_ctl, psql) and Java 17; builds offline.
# Usage: bench/disclosure/inprocess.sh [seconds=15] [threads=8,32] [rounds=2]
set -euo pipefail
SECONDS_RUN=${1:-15}
THREADS=${2:-8,32}
ROUNDS=${3:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. bench/disclosure/pg.sh
CP=$(bench_classpath "$ROOT" platform,ledger-verifier,disclosure-service)
URL=$(bench_db bench)
echo "load before: $(uptime)"
java -Xmx512m -cp "$CP" dev.steward.disclosure.bench.LedgerAppendBench \
  "$URL" postgres unused "$SECONDS_RUN" "$THREADS" "$ROUNDS" 2>&1 \
  | grep -v -E "^(SLF4J|WARNING)|flyway" || true
echo "load after: $(uptime)"
