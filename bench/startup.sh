#!/usr/bin/env bash
# Start-up time and memory of the packaged app as production runs it (the flags of src/main/jvm/jvm.options, the
# heap and MALLOC_ARENA_MAX of the ansible role; see lib.sh), against the already loaded BENCH_DB (no seeding):
#   1. records an AOT cache for the jar with those flags (a training run over the shopper pages, as
#      packer/build-artifact.sh does for the artefact), unless AOT_CACHE names one;
#   2. starts the app RUNS times on the plain JVM and RUNS times with the AOT cache, each time measuring the ms from
#      process start to the first 200 on /q/health/ready;
#   3. keeps the last AOT start running: RSS once idle IDLE_S seconds, then wrk over five catalog pages (LOAD_S
#      seconds in all, 32 connections), RSS after the load and its peak (VmHWM).
# Usage: bench/startup.sh [RUNS=5]           full run (about 3 minutes on 2 cores)
#        SMOKE=1 bench/startup.sh            one start each and 3 s of load: checks the script, not the numbers
# JAVA_OPTS replaces the flags under test (JAVA_OPTS= for the JVM's defaults) and LABEL names them in the table.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -n ${SMOKE:-} ]]; then
    runs=1 load_s=3 idle_s=1
else
    runs=${1:-${RUNS:-5}} load_s=${LOAD_S:-20} idle_s=${IDLE_S:-5}
fi
[[ $runs =~ ^[1-9][0-9]?$ ]] || die "RUNS must be 1-99, got '$runs'"
[[ $load_s =~ ^[1-9][0-9]{0,2}$ ]] || die "LOAD_S must be 1-999 seconds, got '$load_s'"
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
read -r products skus < <(catalog_counts) || die "no catalog in $BENCH_DB: run bench/catalog-load.sh first"
product=$(bench_sql "SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1")
pages=(/category/clothing "/product/$product" "/search?q=jacket" / "/api/v1/products?category=clothing")
base_opts=${JAVA_OPTS-}

# The part of RSS that is the process's own memory: the rest maps files (the jars, the AOT cache, the JDK's modules),
# which the kernel shares and can drop.
anon_mib() { awk '/^RssAnon:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"; }

# The pages and endpoints a shopper's first requests reach, so their classes are in the cache too.
train() {
    local round path
    for round in 1 2 3; do
        for path in "${pages[@]}" "/category/clothing?sort=price_asc" /cart /account/sign-in /api/v1/categories \
            "/api/v1/products/$product" /q/health/ready /q/health/live /sitemap.xml /nowhere; do
            curl -s --max-time 10 -o /dev/null "$BASE_URL$path" || echo "warning: training request $path failed (round $round)" >&2
        done
    done
}

aot=${AOT_CACHE:-}
if [[ -z $aot ]]; then
    aot=$BENCH_TMP/app.aot
    JAVA_OPTS="$base_opts -XX:AOTCacheOutput=$aot"
    app_start "$LOG_DIR/startup-training.log"
    # Recording slows the start by half or more; a busy machine needs more on top.
    wait_ready "$((3 * ${READY_TIMEOUT_S:-120}))"
    train
    # The JVM writes the cache as it exits (a second JVM assembles it), which takes longer than app_stop allows.
    kill -TERM "$APP_PID"
    for ((i = 0; i < 1200; i++)); do
        kill -0 "$APP_PID" 2>/dev/null || break
        sleep 0.25
    done
    app_stop
    [[ -s $aot ]] || die "the training run wrote no AOT cache (log: $LOG_DIR/startup-training.log)"
fi
[[ -s $aot ]] || die "no AOT cache at $aot"

quiet_check
plain=() cached=()
for ((i = 1; i <= runs; i++)); do
    JAVA_OPTS=$base_opts
    app_start "$LOG_DIR/startup-plain-$i.log"
    wait_ready "${READY_TIMEOUT_S:-120}"
    plain+=("$READY_MS")
    app_stop
    JAVA_OPTS="$base_opts -XX:AOTCache=$aot"
    app_start "$LOG_DIR/startup-aot-$i.log"
    wait_ready "${READY_TIMEOUT_S:-120}"
    cached+=("$READY_MS")
    ((i == runs)) || app_stop
done
grep -q 'AOTCache' /proc/"$APP_PID"/cmdline || die "the measured process is not the AOT one"

sleep "$idle_s"
idle=$(rss_mib "$APP_PID") idle_anon=$(anon_mib "$APP_PID")
requests=0 errors=0
per_page=$(((load_s + ${#pages[@]} - 1) / ${#pages[@]}))
for path in "${pages[@]}"; do
    out=$(wrk -t2 -c32 -d"${per_page}s" --timeout 10s "$BASE_URL$path")
    requests=$((requests + $(awk '/requests in/ { print $1 }' <<<"$out")))
    errors=$((errors + $(awk '/Non-2xx or 3xx responses:/ { n = $NF } END { print n + 0 }' <<<"$out")))
done
sleep "$idle_s"
after=$(rss_mib "$APP_PID") after_anon=$(anon_mib "$APP_PID")
peak=$(awk '/^VmHWM:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$APP_PID/status")
app_stop
((errors == 0)) || die "$errors non-2xx answers under load (logs: BENCH_LOG_DIR)"

echo "startup: ${LABEL:-production flags}, $products products / $skus SKUs, CPU ${CPU_BUSY}% busy before"
echo "JAVA_OPTS: ${base_opts:-(JVM defaults)}${MALLOC_ARENA_MAX:+, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}"
printf '%-22s %s\n' "ready, plain JVM (ms)" "median $(median "${plain[@]}")  (runs: ${plain[*]})"
printf '%-22s %s\n' "ready, AOT cache (ms)" "median $(median "${cached[@]}")  (runs: ${cached[*]})"
printf '%-22s %s\n' "RSS idle (MiB)" "$idle  (anonymous $idle_anon)"
printf '%-22s %s\n' "RSS after load (MiB)" "$after  (anonymous $after_anon, peak $peak; $requests requests in ${load_s} s, wrk -c32 over ${#pages[@]} pages)"
