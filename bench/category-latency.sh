#!/usr/bin/env bash
# Load-tests category pages of the app running on the loaded storefront_bench with wrk: per page a
# bounded warm-up, then `wrk --latency` for DURATION, and the RSS after the load. Category listings are
# cached in Redis, so wrk measures the cache-hit path; "uncached" (after the warm-up) times single
# requests right after the catalog cache epoch was bumped (what the app does after a bulk load), i.e.
# the SQL path.
# Usage: bench/category-latency.sh [DURATION=20s] [CONNECTIONS=16] [THREADS=2]
#   PAGE           first page (default /category/clothing: a parent category with sub-categories)
#   FILTERED_PAGE  second page (default: jackets, sorted and filtered); empty to skip
#   WARMUP         requests before each wrk run (default 200)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

duration=${1:-${DURATION:-20s}}
connections=${2:-${CONNECTIONS:-16}}
threads=${3:-${THREADS:-2}}
warmup=${WARMUP:-200}
uncached_samples=5
pages=("${PAGE:-/category/clothing}")
filtered=${FILTERED_PAGE-/category/jackets?sort=price-asc&in_stock=true}
[[ -n $filtered ]] && pages+=("$filtered")

[[ $duration =~ ^([1-9][0-9]*)(s|m)?$ ]] || die "DURATION must look like 20s or 2m, got '$duration'"
seconds=${BASH_REMATCH[1]}
[[ ${BASH_REMATCH[2]} == m ]] && seconds=$((seconds * 60))
((seconds <= 600)) || die "DURATION is capped at 10 minutes"
[[ $connections =~ ^[1-9][0-9]{0,2}$ && $threads =~ ^[1-9][0-9]?$ ]] || die "CONNECTIONS 1-999, THREADS 1-99"
((threads <= connections)) || die "THREADS must not exceed CONNECTIONS"
[[ $warmup =~ ^[0-9]{1,4}$ ]] || die "WARMUP must be 0-9999"
for page in "${pages[@]}"; do
    [[ $page == /* ]] || die "pages are paths on the app, got '$page'"
done
command -v wrk >/dev/null || die "wrk is missing (apt-get install -y wrk)"
command -v redis-cli >/dev/null || die "redis-cli is missing"
read -r products skus < <(catalog_counts) || die "no catalog in $BENCH_DB: run bench/catalog-load.sh first"

# wrk prints 812.00us, 1.20ms or 1.05s; this gives milliseconds.
to_ms() {
    awk '{ v = $1; f = 1
           if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1; else if (v ~ /m$/) f = 60000; else if (v ~ /s$/) f = 1000
           sub(/[a-z]+$/, "", v); printf "%.2f\n", v * f }'
}

# warm_up URL COUNT: COUNT sequential requests over one connection; prints how many were not 200.
warm_up() {
    local -a args=()
    local i ok
    if (($2 == 0)); then echo 0; return; fi
    for ((i = 0; i < $2; i++)); do args+=(-o /dev/null "$1"); done
    ok=$(timeout 300 curl -s --max-time 10 -w '%{http_code}\n' "${args[@]}" | grep -c '^200$' || true)
    echo $(($2 - ok))
}

# uncached URL: median ms of single requests, each right after the catalog cache epoch was bumped.
uncached() {
    local -a ms=()
    local i s
    for ((i = 0; i < uncached_samples; i++)); do
        redis-cli -h 127.0.0.1 -n "$BENCH_REDIS_DB" INCR catalog:version:all >/dev/null
        s=$(curl -s -o /dev/null --max-time 30 -w '%{http_code} %{time_total}' "$1")
        [[ $s == 200\ * ]] || die "uncached request to $1 answered ${s%% *}"
        ms+=("$(awk -v s="${s#* }" 'BEGIN { printf "%.1f", s * 1000 }')")
    done
    median "${ms[@]}"
}

quiet_check
app_start "$LOG_DIR/category-latency.log"
wait_ready "${READY_TIMEOUT_S:-120}"

rows=()
for ((n = 0; n < ${#pages[@]}; n++)); do
    page=${pages[n]}
    url=$BASE_URL$page
    warm_fail=$(warm_up "$url" "$warmup")
    uncached_ms=$(uncached "$url")
    out=$LOG_DIR/wrk-$n.txt
    timeout $((seconds + 60)) wrk --latency -t "$threads" -c "$connections" -d "${seconds}s" --timeout 5s "$url" >"$out"
    p50=$(awk '$1 == "50%" { print $2 }' "$out" | to_ms)
    p99=$(awk '$1 == "99%" { print $2 }' "$out" | to_ms)
    rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$out")
    total=$(awk '/requests in/ { print $1 }' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
    errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")
    rows+=("$(printf '%-9s %9s %8s %8s %9s %9s %8s %7s %9s  %s' "$uncached_ms" "$warm_fail" "$p50" "$p99" "$rps" \
        "$total" "${non2xx:-0}" "${errors:-0}" "$(rss_mib "$APP_PID")" "$page")")
done

echo "category-latency: $products products / $skus SKUs, wrk -t$threads -c$connections -d${seconds}s," \
    "warm-up $warmup, ready in $READY_MS ms, CPU ${CPU_BUSY}% busy before (times in ms, RSS in MiB)"
printf '%-9s %9s %8s %8s %9s %9s %8s %7s %9s  %s\n' uncached warm-fail median p99 req/s requests non-2xx errors RSS-after page
printf '%s\n' "${rows[@]}"
