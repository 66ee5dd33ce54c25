#!/usr/bin/env bash
# The shopper mix: guest shoppers with real sessions, CSRF tokens and carts against the packaged app with the demo
# catalog (storefront_bench_mix), weighted like real traffic (MIX below), at fixed offered rates and at saturation.
# Offered rates: an open-loop generator (bench/MixLoad.java, JDK 25): each request is sent at its due time whatever
# the earlier answers were, and its latency counts from that due time (no coordinated omission). Saturation: wrk with
# bench/mix.lua, a closed loop (CONNECTIONS connections, each sending when its previous answer is in).
# Usage: bench/mix.sh [RATES="250 500 1000 2000"] [DURATION=30]
#   SATURATION_S  length of the wrk run (default DURATION; 0 skips it); CONNECTIONS wrk's (default 32)
#   SHOPPERS      guest shoppers per run (default 2000); WARMUP_S open-loop warm-up, not reported (default 20)
#   SMOKE=1       seconds only (one rate, 2 s each, a few shoppers): checks that the script and the mix work, and
#                 fails on answers other than 2xx/3xx/503 or when no order was placed; its numbers mean nothing
set -euo pipefail
BENCH_DB=${BENCH_DB:-storefront_bench_mix}
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MIX=category=10,product=10,cart=3,add=2,search=2,home=1,checkout=1
if [[ ${SMOKE:-0} == 1 ]]; then
    rates=${1:-${RATES:-20}} duration=${2:-${DURATION:-2}} saturation=${SATURATION_S:-2} connections=${CONNECTIONS:-4}
    shoppers=${SHOPPERS:-40} warmup=${WARMUP_S:-2} warmup_rate=20
else
    rates=${1:-${RATES:-250 500 1000 2000}} duration=${2:-${DURATION:-30}} connections=${CONNECTIONS:-32}
    saturation=${SATURATION_S:-$duration} shoppers=${SHOPPERS:-2000} warmup=${WARMUP_S:-20} warmup_rate=250
fi
# in_range VALUE MIN MAX: a whole number from MIN to MAX.
in_range() { [[ $1 =~ ^[0-9]{1,5}$ ]] && ((10#$1 >= $2 && 10#$1 <= $3)); }
for rate in $rates; do
    in_range "$rate" 1 9999 || die "RATES are 1-9999 requests/s, got '$rate'"
done
in_range "$duration" 1 300 || die "DURATION must be 1-300 s, got '$duration'"
in_range "$saturation" 0 300 || die "SATURATION_S must be 0-300 s, got '$saturation'"
in_range "$warmup" 0 300 || die "WARMUP_S must be 0-300 s, got '$warmup'"
in_range "$connections" 1 999 || die "CONNECTIONS must be 1-999, got '$connections'"
in_range "$shoppers" 1 99999 || die "SHOPPERS must be 1-99999, got '$shoppers'"
command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
command -v redis-cli >/dev/null || die "redis-cli is missing"

quiet_check
# Orders come from 127.0.0.1 with one X-Forwarded-For address per shopper (198.18.0.0/15) and a new e-mail address
# per order; a shopper places several over the runs, so the open-order limit per client is lifted. The confirmation
# e-mails go to Quarkus's mock mailer (no SMTP relay here).
demo_catalog_start "$LOG_DIR/mix.log" STOREFRONT_CHECKOUT_MAX_UNPAID_ORDERS_PER_CLIENT=1000000 QUARKUS_MAILER_MOCK=true

# What the shoppers ask for: every category, the active products, a few searches, and 40 SKUs to buy with plenty of
# stock (an increase moves the SKU's restock mark, so the stock gate in Redis takes it up).
targets=$BENCH_TMP/targets.txt
{
    echo "home /"
    bench_sql "SELECT 'category /category/' || slug FROM catalog.category ORDER BY id"
    bench_sql "SELECT 'product /product/' || slug FROM catalog.product WHERE status = 'active' ORDER BY id"
    for q in jacket boots tent backpack shirt headphones sleeping+bag running waterproof wool; do echo "search /search?q=$q"; done
    bench_sql "SELECT 'sku ' || v.sku FROM catalog.variant v JOIN catalog.product p ON p.id = v.product_id
        WHERE p.status = 'active' AND v.weight_grams <= 2000 ORDER BY v.id LIMIT 40"
} >"$targets"
bench_sql "UPDATE catalog.variant SET stock_on_hand = 1000000 WHERE sku IN (
    SELECT substring(line FROM 5) FROM regexp_split_to_table('$(grep '^sku ' "$targets" | paste -sd'|')', '\|') AS line)" >/dev/null
redis-cli -h 127.0.0.1 -n "$BENCH_REDIS_DB" INCR catalog:version:all >/dev/null

# Bound on the generator: shoppers made, warm-up, each rate and its answers' drain.
bound=$((600 + warmup + $(wc -w <<<"$rates") * (duration + 30)))
loadgen=(timeout "$bound" "$JAVA" -Xmx512m "$BENCH_DIR/MixLoad.java" --base="$BASE_URL" --targets="$targets" --weights="$MIX" --timeout-s=10)

rows=()
fail=0
# Orders in the database: the smoke's proof that checkout works, whether or not a slow answer reached the generator.
orders() { bench_sql "SELECT count(*) FROM orders.customer_order"; }
orders_before=$(orders)
# check RESULT_LINE: in a smoke, answers other than 2xx/3xx/503 mean the mix is broken.
check() {
    local statuses
    statuses=$(field statuses "$1")
    if [[ ${SMOKE:-0} == 1 && $statuses != - ]] && tr ',' '\n' <<<"$statuses" | grep -qv '^503:'; then
        echo "error: the mix answered $statuses: $1" >&2
        fail=1
    fi
}
field() { sed -E "s/.* $1=([^ ]*).*/\\1/" <<<"$2"; }

# One generator process: the warm-up (not reported) and every rate; then its shoppers go on to the wrk run.
# shellcheck disable=SC2086 # the rates are a list
"${loadgen[@]}" --shoppers="$shoppers" --warmup-s="$warmup" --warmup-rate="$warmup_rate" --rates="$(tr ' ' ',' <<<$rates)" \
    --seconds="$duration" --shoppers-out="$BENCH_TMP/shoppers.tsv" >"$LOG_DIR/mix-open.txt"
while read -r line; do
    check "$line"
    rows+=("$(printf '%-12s %8s %9s %8s %8s %9s %7s %7s  %s' "open-loop" "$(field rate "$line")" "$(field achieved "$line")" \
        "$(field p50 "$line")" "$(field p99 "$line")" "$(field p999 "$line")" "$(field errors "$line")" \
        "$(field placed "$line")" "$(field statuses "$line"),timeouts:$(field timeouts "$line")")")
done < <(grep '^result ' "$LOG_DIR/mix-open.txt")

if ((saturation > 0)); then
    timeout $((saturation + 60)) wrk -t2 -c"$connections" -d"${saturation}s" --timeout 10s -s "$BENCH_DIR/mix.lua" "$BASE_URL" \
        -- "$targets" "$BENCH_TMP/shoppers.tsv" "$MIX" 2 >"$LOG_DIR/mix-wrk.txt"
    line=$(grep '^result ' "$LOG_DIR/mix-wrk.txt") || die "no result from wrk (see $LOG_DIR/mix-wrk.txt)"
    if [[ ${SMOKE:-0} == 1 ]] && (($(field statuses "$line") > 0)); then
        echo "error: under wrk the mix had $(field statuses "$line") answers >= 400" >&2
        fail=1
    fi
    rows+=("$(printf '%-12s %8s %9s %8s %8s %9s %7s %7s  %s' "saturation" "closed" "$(field achieved "$line")" \
        "$(field p50 "$line")" "$(field p99 "$line")" "$(field p999 "$line")" "$(field errors "$line")" "$(field placed "$line")" \
        ">=400:$(field statuses "$line"),timeouts:$(field timeouts "$line"),socket:$(field socket_errors "$line")")")
fi

echo "mix: $MIX; $shoppers guest shoppers; ${duration}s per rate after a ${warmup}s warm-up; saturation: wrk -t2" \
    "-c$connections -d${saturation}s; app, PostgreSQL, Redis and generator on this machine ($(nproc) cores);" \
    "CPU ${CPU_BUSY}% busy before (latencies in ms)"
printf '%-12s %8s %9s %8s %8s %9s %7s %7s  %s\n' generator offered achieved p50 p99 p99.9 errors orders "error detail"
printf '%s\n' "${rows[@]}"
if grep -q '^refusal ' "$LOG_DIR/mix-open.txt"; then
    echo "first refusal of each kind and status (open loop):"
    grep '^refusal ' "$LOG_DIR/mix-open.txt" | sort -u -k2,3 | cut -c1-300
fi
if [[ ${SMOKE:-0} == 1 ]]; then
    (($(orders) > orders_before)) || { echo "error: the mix placed no order" >&2; fail=1; }
    exit "$fail"
fi
