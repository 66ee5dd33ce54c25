#!/usr/bin/env bash
# Throughput of the catalog pages against the physical limit of this machine: wrk on the packaged app (demo
# catalog with pictures, storefront_bench_pages) for category, product, home, search and the catalog API, and
# on nginx serving a saved copy of the category page. Each page gets a warm-up, then ROUNDS wrk runs; the
# table shows the median req/s and p99 and each page's req/s as a share of nginx's.
# Usage: bench/pages.sh [DURATION=20s] [ROUNDS=3] [CONNECTIONS=32] [THREADS=2]
#   NGINX_PORT  port of the static copy (default 8099); WARMUP requests per page before timing (default 500)
#   SMOKE=1     seconds only (1 s per page, one round, 20 warm-up requests, 8 connections): checks that the script
#               works, its numbers mean nothing
set -euo pipefail
BENCH_DB=${BENCH_DB:-storefront_bench_pages}
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ${SMOKE:-0} == 1 ]]; then
    defaults=(1s 1 8 2 20)
else
    defaults=(20s 3 32 2 500)
fi
duration=${1:-${DURATION:-${defaults[0]}}}
rounds=${2:-${ROUNDS:-${defaults[1]}}}
connections=${3:-${CONNECTIONS:-${defaults[2]}}}
threads=${4:-${THREADS:-${defaults[3]}}}
warmup=${WARMUP:-${defaults[4]}}
nginx_port=${NGINX_PORT:-8099}
[[ $duration =~ ^([1-9][0-9]*)s$ ]] || die "DURATION must look like 20s, got '$duration'"
((BASH_REMATCH[1] <= 120)) || die "DURATION is capped at 120s"
[[ $rounds =~ ^[1-9]$ ]] || die "ROUNDS must be 1-9, got '$rounds'"
[[ $connections =~ ^[1-9][0-9]{0,2}$ && $threads =~ ^[1-9][0-9]?$ ]] || die "CONNECTIONS 1-999, THREADS 1-99"
((threads <= connections)) || die "THREADS must not exceed CONNECTIONS"
[[ $warmup =~ ^[0-9]{1,5}$ ]] || die "WARMUP must be 0-99999"
[[ $nginx_port =~ ^[1-9][0-9]{3,4}$ && $nginx_port != "$BENCH_PORT" ]] || die "NGINX_PORT must be a port number other than BENCH_PORT"
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $nginx ]] || die "nginx is missing (apt-get install nginx)"

quiet_check
demo_catalog_start "$LOG_DIR/pages.log"
slug=$(bench_sql "SELECT slug FROM catalog.product WHERE status = 'active' AND id IN (SELECT product_id FROM catalog.product_image)
    ORDER BY id LIMIT 1")
[[ -n $slug ]] || die "no active product with a picture in $BENCH_DB"

# The static copy: the category page as the app serves it, from nginx with a minimal configuration.
mkdir -p "$BENCH_TMP/static"
code=$(curl -s --max-time 30 -o "$BENCH_TMP/static/category.html" -w '%{http_code}' "$BASE_URL/category/clothing")
[[ $code == 200 ]] || die "/category/clothing answered $code"
# nginx's workers run as an unprivileged user when started as root: they must reach the copy.
chmod 711 "$BENCH_TMP" && chmod 755 "$BENCH_TMP/static" && chmod 644 "$BENCH_TMP/static/category.html"
cat >"$BENCH_TMP/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $BENCH_TMP/nginx.pid;
error_log $BENCH_TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $BENCH_TMP/nginx-body;
    proxy_temp_path $BENCH_TMP/nginx-proxy;
    fastcgi_temp_path $BENCH_TMP/nginx-fastcgi;
    uwsgi_temp_path $BENCH_TMP/nginx-uwsgi;
    scgi_temp_path $BENCH_TMP/nginx-scgi;
    default_type text/html;
    server {
        listen 127.0.0.1:$nginx_port;
        root $BENCH_TMP/static;
    }
}
CONF
"$nginx" -c "$BENCH_TMP/nginx.conf" >"$LOG_DIR/nginx.log" 2>&1 &
nginx_pid=$!
stop_nginx() { kill -TERM "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
trap 'stop_nginx; bench_cleanup' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && break; sleep 0.1; done
static_url=http://127.0.0.1:$nginx_port/category.html
[[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$static_url") == 200 ]] || die "nginx does not serve the copy"

pages=("category|$BASE_URL/category/clothing" "product|$BASE_URL/product/$slug" "home|$BASE_URL/"
    "search|$BASE_URL/search?q=jacket" "api|$BASE_URL/api/v1/products?category=clothing" "nginx-copy|$static_url")

# p99 of a wrk --latency output in ms.
p99_ms() {
    awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
        else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }; printf "%.1f\n", v }' "$1"
}

declare -A rps p99
for entry in "${pages[@]}"; do
    name=${entry%%|*}
    url=${entry#*|}
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url") == 200 ]] || die "$url does not answer 200"
    for ((i = 0; i < warmup; i++)); do curl -s -o /dev/null --max-time 10 "$url"; done
    all_rps=() all_p99=()
    for ((r = 1; r <= rounds; r++)); do
        out=$LOG_DIR/wrk-$name-$r.txt
        timeout $((${duration%s} + 60)) wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency "$url" >"$out"
        grep -q 'Non-2xx' "$out" && die "$name answered non-2xx under load (see $out)"
        all_rps+=("$(awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$out")")
        all_p99+=("$(p99_ms "$out")")
    done
    rps[$name]=$(median "${all_rps[@]}")
    p99[$name]=$(median "${all_p99[@]}")
done

printf '%-11s %-40s %9s %9s %9s\n' page path req/s p99-ms of-nginx
for entry in "${pages[@]}"; do
    name=${entry%%|*}
    url=${entry#*|}
    path=/${url#http://*/}
    printf '%-11s %-40s %9s %9s %8s%%\n' "$name" "${path:0:40}" "${rps[$name]}" "${p99[$name]}" \
        "$(awk -v a="${rps[$name]}" -v b="${rps[nginx-copy]}" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')"
done
echo "wrk -t$threads -c$connections -d$duration, median of $rounds round(s) after $warmup warm-up requests per page;" \
    "app and wrk on this machine ($(nproc) cores); CPU ${CPU_BUSY}% busy before the run"
