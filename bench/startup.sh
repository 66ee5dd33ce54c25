#!/usr/bin/env bash
# Starts the packaged app RUNS times against the already loaded storefront_bench (no seeding) and
# reports the ms from process start to the first 200 on /q/health/ready, their median, and the RSS
# once the app has idled IDLE_S seconds after ready. Extra JVM options go in JAVA_OPTS (e.g. an AOT
# cache: JAVA_OPTS=-XX:AOTCache=app.aot bench/startup.sh) and LABEL names the variant in the table.
# Usage: bench/startup.sh [RUNS=5]     (READY_TIMEOUT_S, default 120, bounds each start)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=${1:-${RUNS:-5}}
idle_s=${IDLE_S:-5}
[[ $runs =~ ^[1-9][0-9]?$ ]] || die "RUNS must be 1-99, got '$runs'"
read -r products skus < <(catalog_counts) || die "no catalog in $BENCH_DB: run bench/catalog-load.sh first"
quiet_check

ready=() rss=()
for ((i = 1; i <= runs; i++)); do
    app_start "$LOG_DIR/startup-$i.log"
    wait_ready "${READY_TIMEOUT_S:-120}"
    ready+=("$READY_MS")
    sleep "$idle_s"
    rss+=("$(rss_mib "$APP_PID")")
    app_stop
done

echo "startup: ${LABEL:-default} (JAVA_OPTS='${JAVA_OPTS:-}'), $products products / $skus SKUs, CPU ${CPU_BUSY}% busy before"
printf '%-6s %14s %14s\n' "run" "ready (ms)" "idle RSS (MiB)"
for ((i = 0; i < runs; i++)); do
    printf '%-6s %14s %14s\n' "$((i + 1))" "${ready[i]}" "${rss[i]}"
done
printf '%-6s %14s %14s\n' "median" "$(median "${ready[@]}")" "$(median "${rss[@]}")"
