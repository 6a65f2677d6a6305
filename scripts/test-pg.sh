#!/usr/bin/env bash
# Runs the whole vitest suite against a real PostgreSQL server instead of embedded PGlite.
#
# A throwaway cluster is created with Debian's PostgreSQL binaries in a temp dir, listens on
# 127.0.0.1 only (trust auth, fsync off: it holds nothing but test data), and is always stopped and
# removed on exit. Works as root (CI: the server then runs as the `postgres` user) and as a normal
# user. Extra arguments go to vitest, e.g. `bash scripts/test-pg.sh server/test/jurisdiction.test.ts`.
#
#   TEST_PG_PORT=55432   pin the port (default: a free one)
set -euo pipefail

cd "$(dirname "$0")/.."

log() { printf '[test-pg] %s\n' "$*" >&2; }

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; fi
}

PGBIN=$(pg_bindir)
if [ -z "$PGBIN" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "PostgreSQL is not installed: installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(pg_bindir)
  fi
  if [ -z "$PGBIN" ]; then
    log "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin; install them with: sudo apt-get install -y postgresql"
    exit 1
  fi
fi

# As root the server must run as an unprivileged user (postgres refuses to run as root).
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    log "running as root but there is no 'postgres' user; install the postgresql package"
    exit 1
  fi
  as_pg() {
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  }
else
  as_pg() { "$@"; }
fi

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}
PORT=${TEST_PG_PORT:-$(free_port)}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/huijiu-pg.XXXXXX")
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$TMP"; fi
chmod 700 "$TMP"
DATA="$TMP/data"
LOGFILE="$TMP/postgres.log"

cleanup() {
  local status=$?
  set +e
  if [ -f "$DATA/postmaster.pid" ]; then
    (cd "$TMP" && as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1)
  fi
  if [ "$status" -ne 0 ] && [ -f "$LOGFILE" ]; then
    mkdir -p .tmp && cp "$LOGFILE" .tmp/test-pg-server.log
    log "server log kept in .tmp/test-pg-server.log; its last 20 lines:"
    tail -n 20 "$LOGFILE" >&2
  fi
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') in $TMP on 127.0.0.1:$PORT"
(cd "$TMP" && as_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --no-locale --no-sync >"$TMP/initdb.log" 2>&1) || {
  cat "$TMP/initdb.log" >&2
  exit 1
}
# Trust, but only over loopback TCP and the private socket dir.
as_pg sh -c "printf '%s\n' 'local all all trust' 'host all all 127.0.0.1/32 trust' > '$DATA/pg_hba.conf'"
(cd "$TMP" && as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$TMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c log_checkpoints=off" \
  start >/dev/null)

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
log "TEST_DATABASE_URL=$TEST_DATABASE_URL"
npx vitest run "$@"
