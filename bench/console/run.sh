#!/usr/bin/env bash
# The console's queue page (50 rows) against the whole stack: p50/p95/p99 render time of
# GET /requests for a signed-in privacy officer. See bench/console/README.md.
#   bench/console/run.sh [samples=300] [warmup=50]
# BENCH_OFFLINE=1 runs Maven offline. Builds every module the stack needs (disclosure-service needs ledger-verifier).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p e2e-tests/target
samples="${1:-300}"
warmup="${2:-50}"
./mvnw -B -ntp ${BENCH_OFFLINE:+-o} verify -pl platform,ledger-verifier,account-service,request-service,disclosure-service,console,e2e-tests \
  -Dtest=QueuePageBench -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
  -Dbench.samples="$samples" -Dbench.warmup="$warmup" | tee e2e-tests/target/bench-console-run.log | grep -E 'BENCH|BUILD|ERROR' || true
cat e2e-tests/target/bench-console.txt
