#!/usr/bin/env bash
# The in-process ledger benchmark (see inprocess.sh) for a base commit (default: main) and a later
# one (default: HEAD), in one run: one throwaway durable PostgreSQL, a database each, and the two
# alternating round by round (before, after, before, after, ...), each JVM fresh, so drift in the
# machine's load falls on both alike. Both commits are exported with `git archive` into a temp dir
# and built there offline (the working tree is left alone); nothing is installed into ~/.m2.
# Usage: bench/disclosure/before-after.sh [seconds=10] [threads=8,32] [rounds=3] [base=main] [head=HEAD]
set -euo pipefail
SECONDS_RUN=${1:-10}
THREADS=${2:-8,32}
ROUNDS=${3:-3}
BASE=${4:-main}
HEAD_REV=${5:-HEAD}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. bench/disclosure/pg.sh
mkdir -p "$WORK/before" "$WORK/after"
git -C "$ROOT" archive "$BASE" | tar -x -C "$WORK/before"
git -C "$ROOT" archive "$HEAD_REV" | tar -x -C "$WORK/after"
echo "before = $BASE ($(git -C "$ROOT" rev-parse --short "$BASE")), after = $HEAD_REV ($(git -C "$ROOT" rev-parse --short "$HEAD_REV"))"
BEFORE_CP=$(bench_classpath "$WORK/before" platform,disclosure-service)
AFTER_CP=$(bench_classpath "$WORK/after" platform,ledger-verifier,disclosure-service)
BEFORE_URL=$(bench_db bench_before)
AFTER_URL=$(bench_db bench_after)
echo "cores: $(nproc); load before: $(uptime)"
for round in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    if [ $side = before ]; then CP=$BEFORE_CP; URL=$BEFORE_URL; else CP=$AFTER_CP; URL=$AFTER_URL; fi
    echo "round $round $side: load $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx512m -cp "$CP" dev.steward.disclosure.bench.LedgerAppendBench \
      "$URL" postgres unused "$SECONDS_RUN" "$THREADS" 1 2>&1 \
      | grep "^RESULT" | sed "s/^RESULT round=1/RESULT $side round=$round/" || true
  done
done
echo "load after: $(uptime)"
