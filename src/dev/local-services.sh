#!/usr/bin/env bash
# Run by Maven (profile local-services) when no Docker engine is there for Dev Services:
# checks that PostgreSQL and Redis listen on their default local ports and creates the
# storefront's dev and test databases when missing. Idempotent; changes nothing else.
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
