#!/usr/bin/env bash
# Lighthouse scores (mobile preset: a mid-range phone on a slow 4G link, simulated) of the pages a shopper
# walks through: home, a category, a product, the cart with one item and the checkout's first step. Runs the
# packaged app with the demo catalog and its pictures (S3 on moto_server, 127.0.0.1:4566) in its own database,
# storefront_bench_lighthouse, seeded at the first run and kept for the next. Debian's Chromium renders.
# Usage: bench/lighthouse.sh [RUNS=3]   (the median score of RUNS runs per page)
#   SMOKE=1  one run of the cart page only: checks that the script works
#   READY_TIMEOUT_S  bound on start-up incl. seeding (default 600); LIGHTHOUSE_TIMEOUT_S per run (default 180)
set -euo pipefail
BENCH_DB=${BENCH_DB:-storefront_bench_lighthouse}
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=${1:-${RUNS:-3}}
[[ ${SMOKE:-0} == 1 ]] && runs=${1:-1}
[[ $runs =~ ^[1-9]$ ]] || die "RUNS must be 1-9, got '$runs'"
CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
[[ -x $CHROME_PATH ]] || die "no Chromium at $CHROME_PATH (apt-get install chromium)"
export CHROME_PATH
command -v jq >/dev/null || die "jq is missing (apt-get install jq)"
LIGHTHOUSE_VERSION=13.5.0
tools=${XDG_CACHE_HOME:-$HOME/.cache}/storefront-bench/npm
lighthouse=$tools/node_modules/.bin/lighthouse
if [[ ! -x $lighthouse ]]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --silent --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
quiet_check
demo_catalog_start "$LOG_DIR/lighthouse.log"

# A cart with one item, for the cart and checkout pages, made through the cart API (catalog pages carry no CSRF
# token to post a form with): its cookie is sent as a header, since it is Secure and Lighthouse's Chromium would not
# store it from plain http.
read -r slug sku < <(bench_sql "SELECT p.slug, v.sku FROM catalog.product p JOIN catalog.variant v ON v.product_id = p.id
    WHERE p.status = 'active' AND v.stock_on_hand > 5 AND p.id IN (SELECT product_id FROM catalog.product_image)
    ORDER BY p.id LIMIT 1" | tr '|' ' ')
[[ -n $sku ]] || die "no product in stock with a picture in $BENCH_DB"
cookies() { grep -i '^set-cookie:' "$1" | sed -E 's/^[Ss]et-[Cc]ookie: *([^;]*).*/\1/' | paste -sd';' | sed 's/;/; /g'; }
added=$(curl -s --max-time 30 -D "$BENCH_TMP/add.headers" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    --data "{\"sku\":\"$sku\",\"quantity\":1}" "$BASE_URL/api/v1/cart/items")
[[ $added == 200 ]] || die "adding $sku to a cart answered $added"
jar=$(cookies "$BENCH_TMP/add.headers")
[[ -n $jar ]] || die "adding $sku to a cart set no cookie"
headers=$(jq -cn --arg c "$jar" '{Cookie: $c}')

pages=("home /" "category /category/clothing" "product /product/$slug" "cart /cart" "checkout /checkout/address")
# The smoke: the page with the most set-up (a session's cart) only.
[[ ${SMOKE:-0} == 1 ]] && pages=("cart /cart")
printf '%-9s %-30s %11s %13s %14s %4s\n' page path performance accessibility best-practices seo
for entry in "${pages[@]}"; do
    name=${entry%% *}
    path=${entry#* }
    for ((i = 1; i <= runs; i++)); do
        timeout "${LIGHTHOUSE_TIMEOUT_S:-180}" "$lighthouse" "$BASE_URL$path" --quiet --output=json \
            --output-path="$LOG_DIR/$name-$i.json" --extra-headers="$headers" \
            --only-categories=performance,accessibility,best-practices,seo \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
            >/dev/null 2>"$LOG_DIR/lighthouse-$name-$i.err" || die "lighthouse failed on $path (log $LOG_DIR/lighthouse-$name-$i.err)"
        final=$(jq -r '.finalDisplayedUrl // .finalUrl' "$LOG_DIR/$name-$i.json")
        [[ $final == "$BASE_URL$path" ]] || die "$path ended at $final"
    done
    scores=()
    for category in performance accessibility best-practices seo; do
        mapfile -t each < <(for ((i = 1; i <= runs; i++)); do
            jq -r --arg c "$category" '(.categories[$c].score * 100) | round' "$LOG_DIR/$name-$i.json"
        done)
        scores+=("$(median "${each[@]}")")
    done
    printf '%-9s %-30s %11s %13s %14s %4s\n' "$name" "${path:0:30}" "${scores[@]}"
done
echo "lighthouse $LIGHTHOUSE_VERSION, mobile preset (simulated throttling), $("$CHROME_PATH" --version 2>/dev/null | head -n1)," \
    "median of $runs run(s); CPU ${CPU_BUSY}% busy before the run; $(nproc) cores"
