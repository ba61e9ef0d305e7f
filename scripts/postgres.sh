#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for colloquy's tests on the PostgreSQL store.
#
# Usage: scripts/postgres.sh start [--durable]|stop|status|env
#   start   find PostgreSQL's server programs (installing Debian's `postgresql` package with
#           apt-get when there are none and we are root), create a FRESH cluster under
#           target/postgres, start it on 127.0.0.1, create the test database, print one line
#   stop    stop it (fast shutdown, then SIGKILL after 15 s)
#   status  exit 0 if it accepts connections
#   env     print `export COLLOQUY_TEST_POSTGRES=...` (use: eval "$(scripts/postgres.sh env)")
# `start` exits with status 3 if the port is taken by a server it did not start (scripts/test
# then tries the next port); any other failure is status 1.
#
# The cluster trusts local connections (user `colloquy`, no password) and runs with
# fsync off: it is for tests only and is deleted on the next start. `start --durable` keeps
# PostgreSQL's own defaults instead (fsync, synchronous_commit and full_page_writes on), as
# a production server runs: for `colloquy bench --db`, whose figures are durable commits.
#
# Environment:
#   COLLOQUY_POSTGRES_DIR    data dir                  (default: <repo>/target/postgres)
#   COLLOQUY_POSTGRES_PORT   port on 127.0.0.1         (default: 15432)
#   COLLOQUY_POSTGRES_BIN    folder with initdb, postgres and pg_ctl (default: found)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BASE=${COLLOQUY_POSTGRES_DIR:-$ROOT/target/postgres}
PORT=${COLLOQUY_POSTGRES_PORT:-15432}
DATA=$BASE/data-$PORT
SOCKETS=$BASE/sockets-$PORT
LOG=$BASE/postgres-$PORT.log
USER_NAME=colloquy
DATABASE=colloquy_test
URL="postgres://$USER_NAME@127.0.0.1:$PORT/$DATABASE"
START_TIMEOUT=60

die() { echo "postgres.sh: $*" >&2; exit 1; }

find_bin() { # the newest installed server's bin folder, or nothing
  if [ -n "${COLLOQUY_POSTGRES_BIN:-}" ]; then echo "$COLLOQUY_POSTGRES_BIN"; return 0; fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
    if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  local postgres; postgres=$(command -v postgres 2>/dev/null || true)
  if [ -n "$postgres" ] && [ -x "$(dirname "$postgres")/initdb" ]; then dirname "$postgres"; fi
}

ensure_installed() {
  BIN=$(find_bin)
  [ -n "$BIN" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres.sh: installing Debian's postgresql package (once)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; } ||
      die "apt-get install postgresql failed"
    # Debian starts a cluster of its own on 5432; the tests do not use it.
    BIN=$(find_bin)
  fi
  [ -n "$BIN" ] || die "no PostgreSQL server found: install Debian's postgresql package (or set COLLOQUY_POSTGRES_BIN)"
}

# The server refuses to run as root: then it runs as the `postgres` user Debian creates.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to own the test server"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

accepts() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; }

our_pid() { # the pid of our running server, or nothing
  [ -f "$DATA/postmaster.pid" ] || return 0
  local pid; pid=$(head -n 1 "$DATA/postmaster.pid" 2>/dev/null || true)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid" || true
}

stop_server() {
  local pid; pid=$(our_pid)
  [ -n "$pid" ] || return 0
  kill -INT "$pid" 2>/dev/null || true # fast shutdown
  for _ in $(seq 1 75); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  echo "postgres.sh: PostgreSQL (pid $pid) ignored a fast shutdown for 15 s, sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

start() {
  ensure_installed
  stop_server # our previous server on this port, if any
  if accepts; then
    echo "postgres.sh: 127.0.0.1:$PORT is in use by a server this script did not start; use another port, e.g. COLLOQUY_POSTGRES_PORT=$((PORT + 10))" >&2
    exit 3
  fi
  rm -rf "$DATA" "$SOCKETS"
  mkdir -p "$DATA" "$SOCKETS"
  [ "$(id -u)" = 0 ] && chown postgres: "$BASE" "$DATA" "$SOCKETS"
  chmod 700 "$DATA"
  local t0=$SECONDS
  as_owner "$BIN/initdb" -D "$DATA" -U "$USER_NAME" --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOG.initdb" 2>&1 ||
    as_owner "$BIN/initdb" -D "$DATA" -U "$USER_NAME" --auth=trust -E UTF8 --locale=C >"$LOG.initdb" 2>&1 ||
    { cat "$LOG.initdb" >&2; die "initdb failed (see above)"; }
  touch "$LOG" && { [ "$(id -u)" != 0 ] || chown postgres: "$LOG"; }
  # Only 127.0.0.1 and a socket folder of our own; fsync off: a test server loses nothing
  # the tests need when colloquy's processes die, only when the machine does.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${1:-}" = --durable ] && durability="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t "$START_TIMEOUT" start -o \
    "-h 127.0.0.1 -p $PORT -k $SOCKETS $durability -c max_connections=400 -c shared_buffers=64MB" \
    >/dev/null || { tail -n 30 "$LOG" >&2; die "PostgreSQL did not start on 127.0.0.1:$PORT (log above)"; }
  as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" "$DATABASE" ||
    die "could not create the database $DATABASE"
  local version; version=$("$BIN/postgres" --version | sed -E 's/.*\(PostgreSQL\) ([0-9.]+).*/\1/')
  echo "PostgreSQL $version running at 127.0.0.1:$PORT (pid $(our_pid), up in $((SECONDS - t0)) s, data in $DATA); $URL"
}

stop() {
  BIN=$(find_bin)
  [ -n "$BIN" ] || return 0
  stop_server
}

status() {
  BIN=$(find_bin)
  [ -n "$BIN" ] || die "no PostgreSQL server installed"
  if accepts; then echo "PostgreSQL accepts connections at 127.0.0.1:$PORT"; else
    echo "PostgreSQL is not accepting connections at 127.0.0.1:$PORT" >&2; return 1; fi
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop | status) "$1" ;;
  env) echo "export COLLOQUY_TEST_POSTGRES=$URL" ;;
  *) die "usage: scripts/postgres.sh start|stop|status|env" ;;
esac
