#!/usr/bin/env bash
# Run by Maven (profile local-services) when no Docker engine is there for Dev Services:
# checks that PostgreSQL and Redis listen on their default local ports and creates the
# storefront's dev and test databases when missing, and starts an S3-compatible server (moto_server) on
# 127.0.0.1:4566 for product images when nothing listens there. Idempotent; changes nothing else.
set -euo pipefail

fail() {
  cat >&2 <<MSG

  ✗ $1 is not reachable on 127.0.0.1:$2.
    The storefront needs PostgreSQL (5432) and Redis (6379) when Docker is not available.
    Start it, for example:
      $3
    or start a Docker engine so that Quarkus Dev Services can run both in containers.

MSG
  exit 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_open 5432 || fail PostgreSQL 5432 "pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
port_open 6379 || fail Redis 6379 "redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no"

if command -v psql >/dev/null; then
  for db in storefront_dev storefront_test; do
    exists=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$db'")
    [ "$exists" = 1 ] || psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db" >/dev/null
  done
else
  echo "psql not found: make sure databases storefront_dev and storefront_test exist." >&2
fi

# Product images: the app talks S3 to moto_server (its buckets live in memory until it stops). Started once and
# left running for later builds; its log is target/moto_server.log of the build that started it.
S3_PORT=4566
if ! port_open "$S3_PORT"; then
  moto=$(command -v moto_server || true)
  [ -n "$moto" ] || [ ! -x /root/.pyenv/shims/moto_server ] || moto=/root/.pyenv/shims/moto_server
  if [ -z "$moto" ]; then
    cat >&2 <<MSG

  ✗ No S3-compatible server on 127.0.0.1:$S3_PORT, and moto_server is not installed to start one.
    Install it (pip install 'moto[server]') or start any S3-compatible server on that port,
    or start a Docker engine so that Quarkus Dev Services run LocalStack.

MSG
    exit 1
  fi
  log="$(cd "$(dirname "$0")/../.." && pwd)/target/moto_server.log"
  mkdir -p "$(dirname "$log")"
  # Its own session, so that stopping the build (Ctrl+C) does not stop the server the next build reuses.
  setsid nohup "$moto" -H 127.0.0.1 -p "$S3_PORT" >"$log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    port_open "$S3_PORT" && break
    sleep 0.5
  done
  port_open "$S3_PORT" || { echo "moto_server did not start on port $S3_PORT; see $log" >&2; exit 1; }
  echo "Started moto_server on 127.0.0.1:$S3_PORT (log: $log)"
fi
