#!/usr/bin/env bash
# Steward's run command: builds the three services and the launcher, then starts the whole suite on
# this machine — a throwaway PostgreSQL cluster (a database and role per service), Keycloak 26.5.6
# with the steward realm (downloaded once through Maven, unpacked once into ~/.cache/steward), the
# three services on 8091-8093 and demo data — and prints the addresses, a token command and a
# walk-through. Ctrl-C stops everything it started. Needs a JDK 17+ (and a JDK 21+ for Keycloak:
# found under /usr/lib/jvm, or set KEYCLOAK_JAVA_HOME). See deploy/local/README.md.
#
#   deploy/local/run.sh                 build, then start
#   SKIP_BUILD=1 deploy/local/run.sh    start what was built last time
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "==> Building the services and the launcher: ./mvnw -B -ntp package -DskipTests"
  ./mvnw -B -ntp package -DskipTests
fi
if [ ! -f e2e-tests/target/launcher.classpath ]; then
  echo "No e2e-tests/target/launcher.classpath: run without SKIP_BUILD=1 first." >&2
  exit 1
fi

echo "==> Starting Steward (Ctrl-C stops everything)"
exec java -Dsteward.root="$ROOT" \
  -cp "e2e-tests/target/classes:$(cat e2e-tests/target/launcher.classpath)" \
  dev.steward.e2e.stack.LocalStack "$@"
