#!/usr/bin/env sh
# Runs the account-service benchmarks (see README.md beside this script) and prints the figures.
# Usage: bench/account/run.sh [-Dbench.erase.records=100000] [-Dtest='AccountBench#streamedExportAgainstCopyToStdout']
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -o test -pl account-service -Pbench "$@"
echo
cat account-service/target/bench-results.txt
