#!/usr/bin/env bash
# Search latency at PRODUCTS products through the running app (GET /api/v1/search, the SQL path: the catalog
# cache epoch is bumped before every request), for correctly spelt searches (full text) and misspelt or joined
# ones (the typo-tolerant fallback). The catalog lives in its own database, storefront_bench_search, generated
# by the demo catalog at start-up unless it already holds PRODUCTS products.
# Usage: bench/search.sh [PRODUCTS=100000] [SAMPLES=30]
#   READY_TIMEOUT_S  bound on start-up incl. the load (default 600); RUN_TIMEOUT_S bound on the queries (default 300)
set -euo pipefail
BENCH_DB=${BENCH_DB:-storefront_bench_search}
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

products=${1:-${PRODUCTS:-100000}}
samples=${2:-${SAMPLES:-30}}
[[ $products =~ ^[1-9][0-9]{0,6}$ ]] || die "PRODUCTS must be 1-9999999, got '$products'"
[[ $samples =~ ^[1-9][0-9]{0,2}$ ]] || die "SAMPLES must be 1-999, got '$samples'"
command -v redis-cli >/dev/null || die "redis-cli is missing"
exact=("jacket" "sleeping bag" "headphones" "waterproof jacket" "backpack")
typo=("jakcet" "tshirt" "sleepingbag" "hedphones" "waterprof jaket")

bench_db_create
have=$(bench_sql "SELECT count(*) FROM catalog.product" 2>/dev/null || echo 0)
replace=false
[[ $have == "$products" ]] || replace=true
quiet_check
app_start "$LOG_DIR/search.log" STOREFRONT_DEMO_CATALOG_ENABLED=$replace STOREFRONT_DEMO_CATALOG_PRODUCTS="$products" \
    STOREFRONT_DEMO_CATALOG_REPLACE=$replace
wait_ready "${READY_TIMEOUT_S:-600}"
read -r db_products db_skus < <(catalog_counts)
deadline=$(($(now_ms) + ${RUN_TIMEOUT_S:-300} * 1000))

# percentile P FILE: the P-th percentile (nearest rank) of the numbers in FILE.
percentile() { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { r = int((p * NR + 99) / 100); print v[r < 1 ? 1 : r] }'; }

# measure KIND TEXT...: SAMPLES uncached searches per text; appends the ms to $BENCH_TMP/KIND and prints a row per text.
measure() {
    local kind=$1 text s total i
    shift
    for text in "$@"; do
        : >"$BENCH_TMP/one"
        total=$(curl -s --max-time 30 -G --data-urlencode "q=$text" "$BASE_URL/api/v1/search" | grep -o '"total":[0-9]*' | cut -d: -f2)
        for ((i = 0; i < samples; i++)); do
            (($(now_ms) < deadline)) || die "RUN_TIMEOUT_S passed"
            redis-cli -h 127.0.0.1 -n "$BENCH_REDIS_DB" INCR catalog:version:all >/dev/null
            s=$(curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}' -G --data-urlencode "q=$text" "$BASE_URL/api/v1/search")
            [[ $s == 200\ * ]] || die "search for '$text' answered ${s%% *}"
            awk -v s="${s#* }" 'BEGIN { printf "%.1f\n", s * 1000 }' | tee -a "$BENCH_TMP/$kind" >>"$BENCH_TMP/one"
        done
        printf '%-6s %-20s %8s %8s %8s %8s\n' "$kind" "$text" "${total:-?}" "$(percentile 50 "$BENCH_TMP/one")" \
            "$(percentile 95 "$BENCH_TMP/one")" "$(percentile 99 "$BENCH_TMP/one")"
    done
}

# One untimed pass warms the JIT and PostgreSQL's buffers.
for text in "${exact[@]}" "${typo[@]}"; do
    curl -s -o /dev/null --max-time 30 -G --data-urlencode "q=$text" "$BASE_URL/api/v1/search"
done
rows=$(measure exact "${exact[@]}"; measure typo "${typo[@]}")

echo "search: $db_products products / $db_skus SKUs in $BENCH_DB, $samples uncached GET /api/v1/search per text," \
    "one at a time, CPU ${CPU_BUSY}% busy before (times in ms, curl time_total)"
printf '%-6s %-20s %8s %8s %8s %8s\n' kind text results p50 p95 p99
echo "$rows"
for kind in exact typo; do
    printf '%-6s %-20s %8s %8s %8s %8s\n' "$kind" "(all $kind)" "" "$(percentile 50 "$BENCH_TMP/$kind")" \
        "$(percentile 95 "$BENCH_TMP/$kind")" "$(percentile 99 "$BENCH_TMP/$kind")"
done
