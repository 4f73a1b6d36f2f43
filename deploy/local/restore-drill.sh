#!/usr/bin/env bash
# Restore drill for the local stack's PostgreSQL (issue 18): restore ONE service's database to the
# moment before it was destroyed, from a base backup plus the WAL streamed since, without touching
# the other services' databases — the local counterpart of RUNBOOK.md "Restoring one service's
# database" (CloudNativePG: a recovery cluster beside the damaged one, then copy the database back).
#
#   restore-drill.sh backup  DIR            pg_basebackup of the whole cluster into DIR/base, a
#                                           replication slot, and pg_receivewal streaming every
#                                           later WAL record into DIR/wal (in the background)
#   restore-drill.sh destroy DATABASE       record the WAL position, then DROP DATABASE (the
#                                           service must be stopped); prints "LSN <position>"
#   restore-drill.sh restore DIR DATABASE LSN
#                                           stop the WAL stream; recover the base backup in a
#                                           throwaway cluster up to LSN (point-in-time recovery);
#                                           pg_dump DATABASE from it and pg_restore it (with its
#                                           owner and grants) into the live cluster
#   restore-drill.sh cleanup DIR            stop the stream if still running, drop the slot,
#                                           delete DIR
#
# Connection to the live cluster: PGHOST (127.0.0.1), PGPORT, PGUSER, PGPASSWORD — a role with
# SUPERUSER and REPLICATION (RestoreDrillIT creates one). Tools: PostgreSQL's pg_ctl, postgres,
# pg_basebackup, pg_receivewal, pg_dump, pg_restore, psql, from the directory pg_ctl is in. As root,
# the server-side steps run as the postgres OS user (PostgreSQL refuses to run as root).
# Every step prints its duration.
set -euo pipefail

SLOT=steward_restore_drill
export PGHOST="${PGHOST:-127.0.0.1}"
BIN="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"

say() { printf '[restore-drill %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { say "FAILED $*"; exit 1; }
now_ms() { date +%s%3N; }
took() { echo "$(( $(now_ms) - $1 )) ms"; }

# Runs a PostgreSQL tool as the postgres OS user when we are root (files it writes belong to it).
# setpriv execs in place, so a background tool's pid is the tool's own.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/tmp "$@"
  else
    "$@"
  fi
}
own_dir() { mkdir -p "$1"; if [ "$(id -u)" = 0 ]; then chown postgres "$1"; fi; chmod 700 "$1"; }
live_sql() { PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -v ON_ERROR_STOP=1 -qAt -d postgres -c "$1"; }
name_ok() { [[ "$1" =~ ^[a-z_][a-z0-9_]*$ ]] || die "not a database name: $1"; }

backup() {
  local dir="$1" t0
  [ ! -e "$dir/base" ] || die "$dir/base exists already"
  own_dir "$dir"; own_dir "$dir/wal"
  t0=$(now_ms)
  # -C -S: a physical slot made with the backup keeps every WAL record after it until the
  # stream below has received it, so nothing falls between the backup and the stream.
  as_pg "$BIN/pg_basebackup" -D "$dir/base" -X stream -c fast -C -S "$SLOT" --no-sync
  say "base backup of the whole cluster in $(took "$t0"): $(du -sh "$dir/base" | cut -f1)"
  # --synchronous: flush and acknowledge each record as it arrives (the drill's WAL archive).
  # Started directly (not through as_pg, a function, which & would run in a subshell): $! is then
  # the pid of pg_receivewal itself, which stop_stream signals.
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/tmp \
      "$BIN/pg_receivewal" -D "$dir/wal" -S "$SLOT" --synchronous --status-interval=1 --no-loop >"$dir/receivewal.log" 2>&1 &
  else
    "$BIN/pg_receivewal" -D "$dir/wal" -S "$SLOT" --synchronous --status-interval=1 --no-loop >"$dir/receivewal.log" 2>&1 &
  fi
  echo $! >"$dir/receivewal.pid"
  say "streaming WAL into $dir/wal (pid $(cat "$dir/receivewal.pid"))"
}

destroy() {
  local db="$1" lsn
  name_ok "$db"
  lsn=$(live_sql "select pg_current_wal_lsn()")
  live_sql "drop database $db with (force)"
  say "dropped database $db after WAL position $lsn"
  echo "LSN $lsn"
}

stop_stream() {
  local dir="$1"
  if [ -f "$dir/receivewal.pid" ]; then
    local pid; pid=$(cat "$dir/receivewal.pid")
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/receivewal.pid"
  fi
}

restore() {
  local dir="$1" db="$2" lsn="$3" t0 t1 port pitr owner
  name_ok "$db"
  [[ "$lsn" =~ ^[0-9A-F]+/[0-9A-F]+$ ]] || die "not a WAL position: $lsn"
  t0=$(now_ms)
  # The stream must hold the records up to LSN (and the next one, which tells recovery it got there).
  for _ in $(seq 1 300); do
    [ "$(live_sql "select coalesce(bool_or(restart_lsn > '$lsn'), false) from pg_replication_slots where slot_name = '$SLOT'")" = t ] && break
    sleep 0.1
  done
  [ "$(live_sql "select coalesce(bool_or(restart_lsn > '$lsn'), false) from pg_replication_slots where slot_name = '$SLOT'")" = t ] \
    || die "the WAL stream has not received $lsn"
  stop_stream "$dir"
  # the segment being written is kept as .partial: complete up to where it was received
  for f in "$dir"/wal/*.partial; do [ -e "$f" ] && mv "$f" "${f%.partial}"; done

  pitr="$dir/pitr"
  rm -rf "$pitr"
  cp -a "$dir/base" "$pitr"
  port=$(( 20000 + RANDOM % 20000 ))
  cat >>"$pitr/postgresql.auto.conf" <<EOF
restore_command = 'cp "$dir/wal/%f" "%p"'
recovery_target_lsn = '$lsn'
recovery_target_inclusive = off
recovery_target_action = 'promote'
EOF
  touch "$pitr/recovery.signal"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$pitr" "$dir/wal"; fi
  # hot_standby off: no connection before recovery reached LSN and promoted; no TCP listener.
  as_pg "$BIN/pg_ctl" -D "$pitr" -l "$dir/pitr.log" -w -t 300 \
    -o "-p $port -k $dir -c listen_addresses='' -c hot_standby=off -c max_connections=250 -c archive_mode=off" start >/dev/null \
    || { tail -20 "$dir/pitr.log"; die "the recovery cluster did not start"; }
  # pg_ctl -w returns once the postmaster runs; connections open only after the promotion
  for _ in $(seq 1 600); do
    [ "$(PGHOST="$dir" PGPORT=$port "$BIN/psql" -X -qAt -d postgres -c "select not pg_is_in_recovery()" 2>/dev/null)" = t ] && break
    sleep 0.5
  done
  t1=$(now_ms)
  grep -q "recovery stopping before WAL location" "$dir/pitr.log" \
    || { tail -20 "$dir/pitr.log"; as_pg "$BIN/pg_ctl" -D "$pitr" -m fast -w stop >/dev/null; die "recovery did not stop at $lsn"; }
  say "recovered the backup up to $lsn in $(took "$t0")"

  owner=$(PGHOST="$dir" PGPORT=$port "$BIN/psql" -X -qAt -d postgres -c "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")
  [ -n "$owner" ] || die "database $db is not in the backup"
  # --create: the database comes back with its owner and database-level grants (CONNECT)
  as_pg env PGHOST="$dir" PGPORT="$port" "$BIN/pg_dump" -Fc --create -d "$db" -f "$dir/$db.dump"
  live_sql "drop database if exists $db with (force)"
  "$BIN/pg_restore" --create --exit-on-error -d postgres "$dir/$db.dump"
  say "database $db (owner $owner) copied back into the live cluster in $(took "$t1")"
  as_pg "$BIN/pg_ctl" -D "$pitr" -m fast -w stop >/dev/null
  rm -rf "$pitr" "$dir/$db.dump"
  say "restore of $db done in $(took "$t0")"
}

cleanup() {
  local dir="$1"
  stop_stream "$dir"
  live_sql "select pg_drop_replication_slot('$SLOT') from pg_replication_slots where slot_name = '$SLOT'" >/dev/null
  rm -rf "$dir"
  say "stream stopped, slot dropped, $dir deleted"
}

case "${1:-}" in
  backup|destroy|restore|cleanup)
    : "${PGPORT:?PGPORT: port of the live cluster}" "${PGUSER:?PGUSER: a superuser with REPLICATION}" ;;
esac
case "${1:-}" in
  backup)  [ $# -eq 2 ] || die "usage: $0 backup DIR"; backup "$2" ;;
  destroy) [ $# -eq 2 ] || die "usage: $0 destroy DATABASE"; destroy "$2" ;;
  restore) [ $# -eq 4 ] || die "usage: $0 restore DIR DATABASE LSN"; restore "$2" "$3" "$4" ;;
  cleanup) [ $# -eq 2 ] || die "usage: $0 cleanup DIR"; cleanup "$2" ;;
  *) sed -n '2,/^# Every step prints/p' "$0"; exit 2 ;;
esac
