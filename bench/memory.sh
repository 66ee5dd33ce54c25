#!/usr/bin/env bash
# Resident memory of the packaged app under load, for choosing JVM flags: starts it against the loaded
# storefront_bench (bench/catalog-load.sh first), records RSS once idle, runs wrk over the catalog pages
# (category, product, search, home, API; LOAD_S seconds each, 32 connections), and records RSS after the load
# and its peak (VmHWM). JAVA_OPTS holds the flags under test and LABEL names them in the table.
# Usage: LABEL=production bench/memory.sh ; LABEL=jvm-defaults JAVA_OPTS= bench/memory.sh   (lib.sh: unset JAVA_OPTS = production flags)
#   SETTLE_S  seconds idle before each RSS reading (default 5); SMOKE=1: 2 s of load per page, 1 s settling (a check
#             that the script works, not a measurement)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ${SMOKE:-0} == 1 ]]; then
    load_s=${LOAD_S:-2} settle_s=${SETTLE_S:-1}
else
    load_s=${LOAD_S:-10} settle_s=${SETTLE_S:-5}
fi
[[ $settle_s =~ ^[0-9]{1,2}$ ]] || die "SETTLE_S must be 0-99 seconds, got '$settle_s'"
[[ $load_s =~ ^[1-9][0-9]?$ ]] || die "LOAD_S must be 1-99 seconds, got '$load_s'"
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
read -r products skus < <(catalog_counts) || die "no catalog in $BENCH_DB: run bench/catalog-load.sh first"
product=$(bench_sql "SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1")
quiet_check

app_start "$LOG_DIR/memory.log"
wait_ready "${READY_TIMEOUT_S:-120}"
sleep "$settle_s"
idle=$(rss_mib "$APP_PID")
requests=0
for path in /category/clothing "/product/$product" "/search?q=jacket" / "/api/v1/products?category=clothing"; do
    served=$(wrk -t2 -c32 -d"${load_s}s" --timeout 10s "$BASE_URL$path" | awk '/requests in/ { print $1 }')
    requests=$((requests + served))
done
sleep "$settle_s"
after=$(rss_mib "$APP_PID")
peak=$(awk '/^VmHWM:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$APP_PID/status")
app_stop

echo "memory: ${LABEL:-default}, $products products / $skus SKUs, CPU ${CPU_BUSY}% busy before"
echo "JAVA_OPTS: ${JAVA_OPTS:-(none)}${MALLOC_ARENA_MAX:+, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
printf '%-16s %14s %16s %14s %10s\n' "variant" "idle RSS (MiB)" "after load (MiB)" "peak (MiB)" "requests"
printf '%-16s %14s %16s %14s %10s\n' "${LABEL:-default}" "$idle" "$after" "$peak" "$requests"
