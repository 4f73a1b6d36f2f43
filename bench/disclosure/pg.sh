# Sourced by the in-process benchmarks: a throwaway durable PostgreSQL (Debian's initdb, fsync=on,
# synchronous_commit=on — initdb's defaults) in a temp dir, stopped and removed on exit.
# Sets WORK, PGPORT, AS_PG and the function bench_db NAME (creates a database, prints its JDBC URL);
# free_port, start_issuer and stop_all for scripts that start a packaged service.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
export PATH=$PGBIN:$PATH
WORK=$(mktemp -d /tmp/steward-inproc.XXXXXX)
chmod 755 "$WORK"
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
AS_PG=()
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; AS_PG=(runuser -u postgres --); fi
cleanup() {
  "${AS_PG[@]}" pg_ctl -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
BENCH_LOAD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# For scripts that start a packaged service (its pid in APP_PID): a local token issuer — an RSA key
# (Load.java keygen) whose JWKS python serves on OIDCPORT — and stop_all, their EXIT trap, which stops
# the service, the issuer and the cluster.
start_issuer() {
  OIDCPORT=$(free_port)
  (cd "$BENCH_LOAD_DIR" && java Load.java keygen "$WORK")
  (cd "$WORK/oidc" && exec python3 -m http.server "$OIDCPORT" --bind 127.0.0.1) >/dev/null 2>&1 &
  OIDC_PID=$!
}
stop_all() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "${OIDC_PID:-}" ] && kill "$OIDC_PID" 2>/dev/null || true
  cleanup
}
"${AS_PG[@]}" initdb -D "$WORK/data" -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" pg_ctl -D "$WORK/data" -l "$WORK/pg.log" -w \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
bench_db() {
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "create database $1"
  echo "jdbc:postgresql://127.0.0.1:$PGPORT/$1"
}
# builds a checkout's modules (test classes) and prints disclosure-service's test class path; online,
# in case the dependency plugin's own dependencies are not in ~/.m2 yet (nothing is installed there)
bench_classpath() {
  (cd "$1" && ./mvnw -B -ntp -q test-compile dependency:build-classpath -pl "$2" \
    -Dmdep.includeScope=test -Dmdep.outputFile="$1/disclosure-service/target/bench-classpath.txt" >&2) || exit 1
  echo "$1/disclosure-service/target/test-classes:$1/disclosure-service/target/classes:$(cat "$1/disclosure-service/target/bench-classpath.txt")"
}
