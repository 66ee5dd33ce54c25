#!/usr/bin/env bash
# Generates the demo catalog into storefront_bench at start-up (replacing what is there) and reports
# how long the COPY-based load took and how long the app took to become ready.
# Usage: bench/catalog-load.sh [PRODUCTS=100000]     (READY_TIMEOUT_S, default 600, bounds the wait)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

products=${1:-${PRODUCTS:-100000}}
[[ $products =~ ^[1-9][0-9]*$ ]] || die "PRODUCTS must be a positive number, got '$products'"

bench_db_create
quiet_check
app_start "$LOG_DIR/catalog-load.log" STOREFRONT_DEMO_CATALOG_ENABLED=true \
    STOREFRONT_DEMO_CATALOG_PRODUCTS="$products" STOREFRONT_DEMO_CATALOG_REPLACE=true
wait_ready "${READY_TIMEOUT_S:-600}"

seeded=$(grep -m1 -o 'Seeded demo catalog: [0-9]* products, [0-9]* SKUs in [0-9]* ms' "$APP_LOG") ||
    die "no 'Seeded demo catalog' line in the log"
read -r log_products log_skus load_ms < <(sed -E 's/[^0-9]+/ /g' <<<"$seeded")
app_stop
read -r db_products db_skus < <(catalog_counts)
db_size=$(bench_sql "SELECT pg_size_pretty(pg_database_size('$BENCH_DB'))")

printf '%-28s %s\n' "metric" "value"
printf '%-28s %s\n' "products (log / db)" "$log_products / $db_products"
printf '%-28s %s\n' "SKUs (log / db)" "$log_skus / $db_skus"
printf '%-28s %s\n' "catalog load (ms)" "$load_ms"
printf '%-28s %s\n' "process start -> ready (ms)" "$READY_MS"
printf '%-28s %s\n' "database size" "$db_size"
printf '%-28s %s\n' "CPU busy before (%)" "$CPU_BUSY"
