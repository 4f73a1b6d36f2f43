#!/usr/bin/env bash
# The auditor's walk-through (ledger-verifier/README.md) against a running disclosure-service:
# the packaged service in its prod profile on a throwaway PostgreSQL, tokens from a local key (as
# run.sh), then the verifier jar: a checkpoint, a disclosure's proof bundle, a tampered bundle
# (refused), consistency between two checkpoints, the root from the export, and a witness that
# cosigns growth and refuses a rewound checkpoint. Each step prints the verifier's verdict.
# Needs: ./mvnw -B -ntp -pl platform,ledger-verifier,disclosure-service package -DskipTests
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/disclosure-service/target/quarkus-app/quarkus-run.jar
LV="java -jar $(ls "$ROOT"/ledger-verifier/target/ledger-verifier-*.jar | head -1)"
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -ntp -pl platform,ledger-verifier,disclosure-service package -DskipTests" >&2; exit 1; }
cd "$ROOT"
. bench/disclosure/pg.sh
APPPORT=$(free_port)
trap stop_all EXIT
bench_db disclosure >/dev/null
start_issuer
PORT=$APPPORT DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/disclosure" DB_USER=postgres DB_PASSWORD=unused \
DB_APP_USER=disclosure_app DB_APP_PASSWORD=demo OIDC_URL="http://127.0.0.1:$OIDCPORT" \
QUARKUS_OIDC_DISCOVERY_ENABLED=false QUARKUS_OIDC_JWKS_PATH=jwks QUARKUS_OIDC_TOKEN_ISSUER=https://bench.steward.local \
QUARKUS_LOG_CONSOLE_JSON_ENABLED=false LEDGER_ORIGIN=demo.steward.local/disclosure-ledger \
LEDGER_SIGNING_KEY="$(head -c 32 /dev/urandom | base64)" java -Xmx384m -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APPPORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
  sleep 1
done
L=http://127.0.0.1:$APPPORT
export LEDGER_TOKEN=$(cd bench/disclosure && java Load.java token "$WORK")
disclose() {
  curl -fs -H "Authorization: Bearer $LEDGER_TOKEN" -H 'Content-Type: application/json' "$L/disclosures" -d '{
    "recipient":{"type":"CONSUMER_REPORTING_AGENCY","name":"Credit Bureau"},"legalBasis":"FRAUD_PREVENTION","caseReference":"D-'"$1"'",
    "receivedOn":"'"$(date -u +%F)"'","disclosedOn":"'"$(date -u +%F)"'",
    "subjects":[{"org":"acme","kind":"END_USER","id":"demo-'"$1"'"}],"dataCategories":["user.contact.email"],
    "purpose":"Fraud check","outcome":"CONTENT_DISCLOSED"}' \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], d["ledger"]["index"])'
}
checkpoint() { curl -fs -X POST -H "Authorization: Bearer $LEDGER_TOKEN" "$L/ledger/checkpoints" >/dev/null; curl -fs "$L/ledger/checkpoint"; }
step() { echo; echo "\$ lv $*"; set +e; $LV "$@"; echo "(exit $?)"; set -e; }
cd "$WORK"
for i in 1 2 3; do disclose $i; done | tee ids
FIRST=$(head -1 ids | cut -d' ' -f1)
curl -fs "$L/ledger/note-verifier-key" > log.vkey
checkpoint > cp1
echo "log key: $(cat log.vkey)"; echo "checkpoint 1:"; cat cp1
step checkpoint --key log.vkey cp1
curl -fs -H "Authorization: Bearer $LEDGER_TOKEN" "$L/disclosures/$FIRST/proof" > d.tlog-proof
echo; echo "bundle for disclosure $FIRST:"; cat d.tlog-proof
step proof --key log.vkey d.tlog-proof
python3 - <<'PY'
import base64
lines = open("d.tlog-proof").read().split("\n")
extra = base64.b64decode(lines[1][6:]).decode().replace('"DISCLOSURE"', '"CORRECTION"')
lines[1] = "extra " + base64.b64encode(extra.encode()).decode()
open("tampered.tlog-proof", "w").write("\n".join(lines))
PY
step proof --key log.vkey tampered.tlog-proof
for i in 4 5 6 7 8; do disclose $i; done > /dev/null
checkpoint > cp2
step consistency --key log.vkey --old cp1 --new cp2 --log "$L"
step root --key log.vkey --export "$L/ledger/export" cp2
step witness-keygen --name witness.demo/w1 --out witness.key
step witness --key log.vkey --state witness.state --witness-key witness.key --name witness.demo/w1 --log "$L" cp1
step witness --key log.vkey --state witness.state --witness-key witness.key --name witness.demo/w1 --log "$L" "$L/ledger/checkpoint"
step witness --key log.vkey --state witness.state --witness-key witness.key --name witness.demo/w1 --log "$L" cp1
