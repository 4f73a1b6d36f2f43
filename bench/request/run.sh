#!/usr/bin/env bash
# Time for N ACCESS requests to complete through request-service's durable steps (db-scheduler)
# against WireMock stub peers. Not part of ./mvnw verify. Usage:
#   bench/request/run.sh [requests] [scheduler-threads] [submitting-clients]
# BENCH_OVERLAP=true submits while the scheduler runs (a burst at a working service; default: a waiting
# backlog); EXECUTION_STARTED_WORK_FIRST=false schedules every step first in, first out (the "before").
# BENCH_OFFLINE=1 runs Maven offline; DB_URL (+ DB_USER, DB_PASSWORD) uses that PostgreSQL instead of the embedded one.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
THREADS=${2:-10}
CLIENTS=${3:-8}
mkdir -p request-service/target   # a fresh clone has none yet: the log goes there before Maven makes it
./mvnw -B -ntp ${BENCH_OFFLINE:+-o} test -pl platform,request-service -Dtest=AccessRequestsBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.requests="$N" -Dbench.clients="$CLIENTS" -Dsteward.execution.threads="$THREADS" \
  -Dbench.overlap="${BENCH_OVERLAP:-false}" -Dsteward.execution.started-work-first="${EXECUTION_STARTED_WORK_FIRST:-true}" \
  -Dquarkus.log.level=WARN > request-service/target/bench-run.log 2>&1 || { tail -50 request-service/target/bench-run.log; exit 1; }
grep '^BENCH ' request-service/target/bench-run.log
