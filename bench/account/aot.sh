#!/usr/bin/env bash
# Issue 17 P7 with a Project Leyden AOT cache (JEP 483/514): account-service packaged as Quarkus'
# `aot-jar`, one training run on JDK 25 that writes app.aot (me.sh's load: sign-up, GET /me, the
# liveness probe), then start-up measured by me.sh, alternately on JDK 25 without and with the cache
# (today's runtime, JDK 17 with the fast-jar layout, is me.sh's own P7 row). The cache is only valid for the JDK that wrote it and the same
# jars, so it is made after every build, never committed.
# Needs what me.sh needs, plus a JDK 25 (JDK25_HOME; the machine's Temurin 25 by default).
# Usage: bench/account/aot.sh [rounds=2]                     Prints RESULT p7-aot lines.
set -euo pipefail
ROUNDS=${1:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JDK25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JDK25/bin/java" ] || { echo "no JDK 25 at $JDK25 (set JDK25_HOME)" >&2; exit 1; }
cd "$ROOT"
APP=account-service/target/quarkus-app
OPTS="-Xms32m -Xmx256m -XX:+UseSerialGC"
./mvnw -B -ntp ${BENCH_OFFLINE:+-o} -q package -DskipTests -pl platform,account-service -Dquarkus.package.jar.type=aot-jar
rm -f "$APP/app.aot"
echo "== training run (JDK 25, -XX:AOTCacheOutput): me.sh 5 8"
PATH="$JDK25/bin:$PATH" BENCH_JAVA_OPTS="$OPTS -XX:AOTCacheOutput=app.aot" bench/account/me.sh 5 8 > /dev/null
[ -s "$APP/app.aot" ] || { echo "the training run wrote no cache" >&2; exit 1; }
p7() { sed -nE 's/^RESULT p7 ready_ms=([0-9]+) quarkus_started_s=([0-9.]+) rss_ready_mib=([0-9]+).*/ready_ms=\1 quarkus_started_s=\2 rss_ready_mib=\3/p'; }
for round in $(seq 1 "$ROUNDS"); do
  echo "RESULT p7-aot round=$round jdk=25 $(PATH="$JDK25/bin:$PATH" BENCH_JAVA_OPTS="$OPTS" bench/account/me.sh 3 8 2>&1 | p7)"
  echo "RESULT p7-aot round=$round jdk=25+cache $(PATH="$JDK25/bin:$PATH" BENCH_JAVA_OPTS="$OPTS -XX:AOTCache=app.aot" bench/account/me.sh 3 8 2>&1 | p7)"
done
# me.sh and the other benchmarks expect the ordinary fast-jar layout back
./mvnw -B -ntp ${BENCH_OFFLINE:+-o} -q package -DskipTests -pl platform,account-service
