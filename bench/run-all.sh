#!/usr/bin/env bash
# Every benchmark under bench/, each beside its raw-database baseline measured in the same run on the
# same throwaway durable PostgreSQL (initdb's defaults: fsync=on, synchronous_commit=on), then one
# table — workload, Steward's figure, the baseline, the ratio, the goal (issue 17), met or not —
# printed and appended to bench/RESULTS.md with the date, the commit and the machine's load.
#
#   bench/run-all.sh                      all of them (~20-40 min on 2 cores)
#   BENCH_ONLY="p1 p2" bench/run-all.sh   some (p1 p7 p7aot p2 p2i p3 p4 erase p6 console proofs; p1 and p7 run together)
#   BENCH_SKIP="console" bench/run-all.sh all but some (console starts the whole stack with Keycloak)
#   BENCH_OFFLINE=1                       Maven offline (-o), e.g. inside a network namespace
#   BENCH_NO_RECORD=1                     print the table without appending it to RESULTS.md
#
# Needs what the README's set-up needs (JDK 17, and for the console benchmark a JDK 21+ for Keycloak)
# plus Debian's PostgreSQL 15 tools (initdb, pg_ctl, psql, pgbench), curl, python3 and wrk (P1
# installs it with apt-get when run as root). Builds what it runs first. Logs: bench/target/logs/.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OFFLINE=${BENCH_OFFLINE:+-o}
LOGS=$ROOT/bench/target/logs
mkdir -p "$LOGS"
ROWS=$(mktemp)
trap 'rm -f "$ROWS"' EXIT
wants() {
  local b
  for b in $1; do
    if [ -n "${BENCH_ONLY:-}" ] && [[ " $BENCH_ONLY " != *" $b "* ]]; then continue; fi
    if [[ " ${BENCH_SKIP:-} " == *" $b "* ]]; then continue; fi
    return 0
  done
  return 1
}
# row WORKLOAD STEWARD BASELINE RATIO GOAL MET
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >> "$ROWS"; }
failed() { row "$1" "failed (log: bench/target/logs/$2.log)" "—" "—" "$3" "—"; }
# field NAME LINE: the value of NAME=... in a RESULT line
field() { sed -nE "s/.*[ (]$1=([^ )]+).*/\1/p" <<< "$2" | head -1; }
# verdict A OP B: "met" or "not met"
verdict() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[3]); print('met' if (a >= b if sys.argv[2] == '>=' else a <= b) else '**not met**')" "$1" "$2" "$3" 2>/dev/null || echo "—"; }
fmt() { python3 -c "import sys; print(f'{float(sys.argv[1]):,.${2:-0}f}')" "$1" 2>/dev/null || echo "$1"; }
# A throwaway durable cluster for the in-JVM benchmarks that take DB_URL (their test harness uses it).
with_db() {
  ( . bench/disclosure/pg.sh
    url=$(bench_db "$1")
    shift
    DB_URL=$url DB_USER=postgres DB_PASSWORD=unused "$@" )
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date -u '+%Y-%m-%d %H:%M UTC')
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain 2>/dev/null)" ] || COMMIT="$COMMIT (with uncommitted changes)"
echo "== bench/run-all.sh: $START, commit $COMMIT, $(nproc) cores, load average $LOAD_BEFORE"

if wants "p1 p7 p2 p2i proofs"; then
  echo "== building the packaged services (log bench/target/logs/build.log)"
  ./mvnw -B -ntp $OFFLINE package -DskipTests -pl platform,ledger-verifier,account-service,disclosure-service \
    > "$LOGS/build.log" 2>&1 || { tail -30 "$LOGS/build.log"; exit 1; }
fi

if wants "p1 p7"; then
  echo "== P1 + P7: account-service GET /me against pgbench -S; start-up and RSS (bench/account/me.sh 20 8)"
  if bench/account/me.sh 20 8 > "$LOGS/p1-p7.log" 2>&1; then
    l=$(grep '^RESULT p1' "$LOGS/p1-p7.log"); l7=$(grep '^RESULT p7' "$LOGS/p1-p7.log")
    r=$(field ratio "$l"); p99=$(field p99_ms "$l")
    met=$(verdict "$r" '>=' 0.5); [ "$(verdict "$p99" '<=' 10)" = met ] || met="**not met**"
    row "P1 customer reads own account, \`GET /me\`, 8 clients (wrk)" "$(fmt "$(field api_rps "$l")") req/s, p99 $p99 ms" \
      "\`pgbench -S\` $(fmt "$(field pgbench_select_tps "$l")") tps" "$(fmt "$r" 3)×" "≥ 0.5×, p99 ≤ 10 ms" "$met"
    row "P1 ceiling: the same service's \`GET /q/health/live\` (no token, no database), 8 clients (wrk)" \
      "$(fmt "$(field http_ceiling_rps "$l")") req/s" "\`pgbench -S\` $(fmt "$(field pgbench_select_tps "$l")") tps" \
      "$(fmt "$(field ceiling_ratio "$l")" 3)×" "— (what HTTP alone allows)" "—"
    ready=$(field ready_ms "$l7")
    row "P7 account-service start-up to ready (Quarkus' own figure)" "$(fmt "$ready") ms ($(field quarkus_started_s "$l7") s)" "—" "—" \
      "≤ 1,000 ms (idle machine)" "$(verdict "$ready" '<=' 1000)"
    rss=$(field rss_after_load_mib "$l7")
    row "P7 account-service RSS at ready → after the P1 load" "$(field rss_ready_mib "$l7") → $rss MiB" "—" "—" "≤ 200 MiB after load" \
      "$(verdict "$rss" '<=' 200)"
  else failed "P1 + P7 account-service" p1-p7 "P1 ≥ 0.5×; P7 ≤ 1 s, ≤ 200 MiB"; fi
fi

if wants "p7aot"; then
  echo "== P7 with a Leyden AOT cache: account-service as aot-jar on JDK 25, trained once (bench/account/aot.sh 2)"
  if bench/account/aot.sh 2 > "$LOGS/p7-aot.log" 2>&1; then
    best() { grep "^RESULT p7-aot .* jdk=$1 " "$LOGS/p7-aot.log" | sed -nE 's/.*ready_ms=([0-9]+).*/\1/p' | sort -n | head -1; }
    with=$(best '25+cache'); without=$(best 25)
    row "P7 start-up to ready on JDK 25 with a Leyden AOT cache (aot-jar, one training run), best of 2" \
      "$(fmt "$with") ms" "JDK 25 without the cache $(fmt "$without") ms" "$(fmt "$(python3 -c "print($with / $without)")" 2)×" \
      "≤ 1,000 ms (idle machine)" "$(verdict "$with" '<=' 1000)"
  else failed "P7 with an AOT cache" p7-aot "≤ 1 s"; fi
fi

if wants p2; then
  echo "== P2: disclosures appended through the API against durable INSERTs (bench/disclosure/run.sh 20 8)"
  if bench/disclosure/run.sh 20 8 > "$LOGS/p2.log" 2>&1; then
    l=$(grep '^RESULT' "$LOGS/p2.log")
    r=$(field ratio "$l")
    row "P2 disclosure appended through the API (hash-chained, durable), 8 clients" "$(fmt "$(field api_appends_per_s "$l")") appends/s" \
      "pgbench durable INSERT $(fmt "$(field plain_insert_tps "$l")") tps" "$(fmt "$r" 2)×" "≥ 0.5×" "$(verdict "$r" '>=' 0.5)"
  else failed "P2 disclosure via API" p2 "≥ 0.5×"; fi
fi

if wants p2i; then
  echo "== P2 in-process: LedgerWriter appends against plain INSERTs in one JVM (bench/disclosure/inprocess.sh 15 8 1)"
  if bench/disclosure/inprocess.sh 15 8 1 > "$LOGS/p2i.log" 2>&1 && grep -q '^RESULT' "$LOGS/p2i.log"; then
    l=$(grep '^RESULT' "$LOGS/p2i.log" | head -1)
    r=$(field ratio "$l")
    row "P2 ledger append in-process (group commit), 8 threads" "$(fmt "$(field ledger_appends_per_s "$l")") appends/s, $(field entries_per_commit "$l") per commit" \
      "INSERT, same pool $(fmt "$(field plain_inserts_per_s "$l")")/s" "$(fmt "$r" 2)×" "≥ 0.5×" "$(verdict "$r" '>=' 0.5)"
  else failed "P2 ledger append in-process" p2i "≥ 0.5×"; fi
fi

if wants "p3 p4 erase"; then
  echo "== P3, P4, erasure: account-service's AccountBench on a durable cluster (bench/account/run.sh -Dbench.erase.records=100000)"
  rm -f account-service/target/bench-results.txt
  if with_db accountbench bench/account/run.sh -Dbench.erase.records=100000 > "$LOGS/account.log" 2>&1 \
      && grep -q '^ingest:' account-service/target/bench-results.txt; then
    res=account-service/target/bench-results.txt
    i=$(grep '^ingest:' "$res"); e=$(grep '^export:' "$res"); d=$(grep '^erase:' "$res")
    one=$(sed -nE 's/.*ratio ([0-9.]+) sequential.*/\1/p' <<< "$i"); two=$(sed -nE 's/.*sequential, ([0-9.]+) with two.*/\1/p' <<< "$i")
    row "P3 end-user records ingested in batches of 1,000, encrypted (one client / two)" \
      "$(fmt "$(sed -nE 's/.*API one client ([0-9]+) rec\/s.*/\1/p' <<< "$i")") / $(fmt "$(sed -nE 's/.*two concurrent clients ([0-9]+) rec\/s.*/\1/p' <<< "$i")") rec/s" \
      "COPY $(fmt "$(sed -nE 's/.*raw COPY of the same rows ([0-9]+) rec\/s.*/\1/p' <<< "$i")") rec/s" "$one / $two×" "≥ 0.5× COPY" \
      "$( [ "$(verdict "$one" '>=' 0.5)" = met ] && verdict "$two" '>=' 0.5 || echo '**not met**')"
    r=$(sed -nE 's/.*ratio ([0-9.]+) \(goal.*/\1/p' <<< "$e"); heap=$(sed -nE 's/.*old-gen growth after GC ([0-9]+) MB.*/\1/p' <<< "$e")
    met=$(verdict "$r" '<=' 1.5); [ "$(verdict "$heap" '<=' 64)" = met ] || met="**not met**"
    row "P4 a subject's export of 100,000 rows, streamed" "$(sed -nE 's/.*streamed export median ([0-9.]+ s).*/\1/p' <<< "$e"), old gen +$heap MB" \
      "\`COPY … TO STDOUT\` $(sed -nE 's/.*TO STDOUT median ([0-9.]+ s).*/\1/p' <<< "$e")" "$r×" "≤ 1.5×, heap ≤ 64 MB" "$met"
    r=$(sed -nE 's/.*ratio ([0-9.]+) \(goal.*/\1/p' <<< "$d")
    row "Erasure of an org with 100,000 end-user records" "$(sed -nE 's/.*erasure API ([0-9.]+ s).*/\1/p' <<< "$d")" \
      "bare DELETEs $(sed -nE 's/.*raw DELETE of the same rows ([0-9.]+ s).*/\1/p' <<< "$d")" "$r×" "≤ 2×" "$(verdict "$r" '<=' 2)"
  else failed "P3/P4/erasure (AccountBench)" account "P3 ≥ 0.5×, P4 ≤ 1.5×, erasure ≤ 2×"; fi
fi

if wants p6; then
  # two runs: a waiting backlog (the scheduler starts on 1,000 waiting requests: how fast the steps run; with
  # every request waiting from the start, even perfect per-request order puts the median at half the run), and a
  # burst arriving at a working service (BENCH_OVERLAP: the median request's wait from its own receipt, which is
  # what started-work-first shortens)
  echo "== P6: 1,000 ACCESS requests through request-service's durable steps (bench/request/run.sh 1000 10 8, backlog and burst)"
  if with_db requestbench bench/request/run.sh 1000 10 8 > "$LOGS/p6.log" 2>&1 && grep -q '^BENCH' "$LOGS/p6.log" \
      && BENCH_OVERLAP=true with_db requestburst bench/request/run.sh 1000 10 8 > "$LOGS/p6-burst.log" 2>&1 \
      && grep -q '^BENCH' "$LOGS/p6-burst.log"; then
    l=$(grep '^BENCH' "$LOGS/p6.log")
    total=$(sed -nE 's/.*durableExecution\(threads=[0-9]+\)=([0-9.]+)s.*/\1/p' <<< "$l")
    b=$(grep '^BENCH' "$LOGS/p6-burst.log")
    share=$(sed -nE 's/.*perRequestCompletion\(p50=[0-9.]+s of [0-9.]+s = ([0-9.]+),.*/\1/p' <<< "$b")
    p50=$(sed -nE 's/.*perRequestCompletion\(p50=([0-9.]+)s.*/\1/p' <<< "$b")
    whole=$(sed -nE 's/.*perRequestCompletion\(p50=[0-9.]+s of ([0-9.]+)s.*/\1/p' <<< "$b")
    met=$(verdict "$total" '<=' 15); [ "$(verdict "$share" '<=' 0.334)" = met ] || met="**not met**"
    row "P6 1,000 ACCESS requests, durable steps (stub peers)" "backlog: all done in $total s; burst: median request $p50 s from its receipt, of $whole s (= $share)" \
      "— (no raw-database equivalent)" "—" "≤ 15 s; median ≤ 1/3 of the run" "$met"
  else failed "P6 1,000 ACCESS requests" p6 "≤ 15 s; median ≤ 1/3"; fi
fi

if wants console; then
  echo "== console: the officer's queue page through the whole stack (bench/console/run.sh 300 50)"
  rm -f e2e-tests/target/bench-console.txt
  if bench/console/run.sh 300 50 > "$LOGS/console.log" 2>&1 && grep -q 'p95=' e2e-tests/target/bench-console.txt; then
    l=$(cat e2e-tests/target/bench-console.txt)
    p95=$(sed -nE 's/.*p95=([0-9.]+)ms.*/\1/p' <<< "$l")
    row "Console queue page (50 rows), whole stack, sequential" "p50 $(sed -nE 's/.*p50=([0-9.]+ms).*/\1/p' <<< "$l"), p95 ${p95}ms" \
      "—" "—" "p95 ≤ 300 ms" "$(verdict "$p95" '<=' 300)"
  else failed "Console queue page" console "p95 ≤ 300 ms"; fi
fi

if wants proofs; then
  echo "== ledger proofs at size 100,000 (bench/disclosure/proofs.sh 100000 300)"
  if bench/disclosure/proofs.sh 100000 300 > "$LOGS/proofs.log" 2>&1 && grep -q '^RESULT' "$LOGS/proofs.log"; then
    while read -r l; do
      what=$(sed -nE 's/^RESULT (.*) proofs at size N.*/\1/p' <<< "$l")
      row "Ledger $what proof at size 100,000, verified" "p50 $(field p50 "$l") ms, p99 $(field p99 "$l") ms" "—" "—" "(none set)" "—"
    done < <(grep '^RESULT' "$LOGS/proofs.log")
  else failed "Ledger proofs" proofs "(none set)"; fi
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
TABLE=$(cat <<EOF
## $START — commit $COMMIT

$(nproc) cores; load average $LOAD_BEFORE before, $LOAD_AFTER after (1, 5, 15 min). A ratio is Steward's figure
over the baseline measured on the same durable cluster in the same run.

| workload | Steward | baseline | ratio | goal | met |
|---|---|---|---|---|---|
$(cat "$ROWS")
EOF
)
echo
echo "$TABLE"
if [ -z "${BENCH_NO_RECORD:-}" ]; then
  [ -f bench/RESULTS.md ] || printf '# Benchmark results\n\nOne table per run of `bench/run-all.sh`, newest last.\n' > bench/RESULTS.md
  printf '\n%s\n' "$TABLE" >> bench/RESULTS.md
  echo
  echo "(appended to bench/RESULTS.md)"
fi
