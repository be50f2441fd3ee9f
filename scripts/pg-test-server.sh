#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the store tests. Sourced by
# scripts/run-tests.sh:
#
#   source scripts/pg-test-server.sh
#   trap pg_test_stop EXIT
#   pg_test_start        # exports CURLEW_TEST_PG_URL=postgresql://...
#
# The cluster lives in a temporary directory, listens on a loopback port only
# (54329 or the next free one), trusts local connections and is stopped and
# deleted by pg_test_stop. As root, the server runs as the unprivileged
# `postgres` user (PostgreSQL refuses to run as root).

PG_TEST_BIN=${PG_TEST_BIN:-/usr/lib/postgresql/15/bin}
PG_TEST_DIR=""
PG_TEST_RUN=()

pg_test_start() {
  if [[ ! -x "$PG_TEST_BIN/initdb" ]]; then
    echo "pg-test-server: $PG_TEST_BIN/initdb not found (Debian package postgresql)" >&2
    return 1
  fi
  PG_TEST_DIR=$(mktemp -d /tmp/curlew-pg.XXXXXX) || return 1
  PG_TEST_RUN=()
  if [[ $(id -u) -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "pg-test-server: running as root and no 'postgres' user exists" >&2
      return 1
    fi
    chown postgres "$PG_TEST_DIR"
    PG_TEST_RUN=(runuser -u postgres --)
  fi
  chmod 700 "$PG_TEST_DIR"
  if ! "${PG_TEST_RUN[@]}" "$PG_TEST_BIN/initdb" -D "$PG_TEST_DIR/data" \
      -U curlew --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$PG_TEST_DIR/initdb.log" 2>&1; then
    echo "pg-test-server: initdb failed:" >&2
    cat "$PG_TEST_DIR/initdb.log" >&2
    return 1
  fi
  local port
  for port in $(seq 54329 54349); do
    if "${PG_TEST_RUN[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -w -t 30 \
        -l "$PG_TEST_DIR/server.log" \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $PG_TEST_DIR -c fsync=off" \
        start >/dev/null 2>&1; then
      export CURLEW_TEST_PG_URL="postgresql://curlew@127.0.0.1:$port/postgres"
      echo "pg-test-server: PostgreSQL test cluster at $CURLEW_TEST_PG_URL" >&2
      return 0
    fi
  done
  echo "pg-test-server: could not start PostgreSQL on ports 54329-54349:" >&2
  tail -n 5 "$PG_TEST_DIR/server.log" >&2 2>/dev/null
  return 1
}

pg_test_stop() {
  if [[ -n "$PG_TEST_DIR" && -d "$PG_TEST_DIR" ]]; then
    if [[ -f "$PG_TEST_DIR/data/postmaster.pid" ]]; then
      "${PG_TEST_RUN[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate \
        -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TEST_DIR"
  fi
  PG_TEST_DIR=""
  unset CURLEW_TEST_PG_URL
}
