#!/usr/bin/env sh
# Runs the account-service benchmarks (see README.md beside this script) and prints the figures.
# Usage: bench/account/run.sh [-Dbench.erase.records=100000] [-Dtest='AccountBench#streamedExportAgainstCopyToStdout']
# Builds the platform module with it (account-service needs its jar and test-jar; a fresh clone has
# neither in ~/.m2). BENCH_OFFLINE=1 runs Maven offline; DB_URL (+ DB_USER, DB_PASSWORD) points the
# benchmark at a PostgreSQL of your own instead of the embedded one (bench/run-all.sh: a durable one).
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -ntp ${BENCH_OFFLINE:+-o} test -pl platform,account-service -Pbench -Dtest='*Bench' \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo
cat account-service/target/bench-results.txt
