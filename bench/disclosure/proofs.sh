#!/usr/bin/env bash
# Proof latency on a large ledger: fills a throwaway durable PostgreSQL with N ledger entries
# (set-based), lets the writer build the stored RFC 9162 tree, then times random inclusion proofs
# at size N and consistency proofs from random sizes to N through Proofs (the code behind
# /ledger/proof/*), each verified. Class: dev.steward.disclosure.bench.ProofLatencyBench.
# Usage: bench/disclosure/proofs.sh [entries=1000000] [samples=500]
set -euo pipefail
N=${1:-1000000}
SAMPLES=${2:-500}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. bench/disclosure/pg.sh
CP=$(bench_classpath "$ROOT" platform,ledger-verifier,disclosure-service)
URL=$(bench_db proofs)
echo "cores: $(nproc); load before: $(uptime)"
java -Xmx512m -cp "$CP" dev.steward.disclosure.bench.ProofLatencyBench "$URL" postgres unused "$N" "$SAMPLES" 2>&1 \
  | grep -v -E "^(SLF4J|WARNING)|flyway" || true
echo "load after: $(uptime)"
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d proofs -Atc \
  "select 'database size: ' || pg_size_pretty(pg_database_size('proofs')) || ', ledger_tree_node: ' || pg_size_pretty(pg_total_relation_size('ledger_tree_node'))"
