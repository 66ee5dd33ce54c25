#!/usr/bin/env bash
# What a sign-in costs: starts the packaged app on storefront_bench, signs one customer up through the
# real form (with its CSRF token), then signs in ATTEMPTS times in a row and reports the server time per
# sign-in (curl's total on loopback: bcrypt verify + session write in Redis + redirect).
# The rate limit is raised for the run only. Usage: bench/sign-in.sh [ATTEMPTS=20]
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

attempts=${1:-${ATTEMPTS:-20}}
[[ $attempts =~ ^[1-9][0-9]?$ ]] || die "ATTEMPTS must be 1-99, got '$attempts'"
catalog_counts >/dev/null || die "no schema in $BENCH_DB: run bench/catalog-load.sh first"
quiet_check

app_start "$LOG_DIR/sign-in.log" STOREFRONT_ACCOUNT_SIGN_IN_ATTEMPTS_PER_MINUTE=1000
wait_ready "${READY_TIMEOUT_S:-120}"

jar=$BENCH_TMP/cookies
email="bench-$(date +%s%N)@example.com"
password="bench password $RANDOM"
token() { curl -s -c "$jar" -b "$jar" "$BASE_URL$1" | sed -n 's/.*name="csrf-token" value="\([^"]*\)".*/\1/p' | head -n1; }
post() {
    curl -s -o /dev/null -w '%{http_code} %{time_total}' -c "$jar" -b "$jar" --data-urlencode "csrf-token=$(token "$1")" \
        --data-urlencode "email=$email" --data-urlencode "password=$password" "$BASE_URL$1"
}

read -r code _ <<<"$(post /account/sign-up)"
[[ $code == 303 ]] || die "sign-up answered $code"
cost=$(bench_sql "SELECT substring(password_hash from 5 for 2) FROM account.customer WHERE email = '$email'")

times=()
for ((i = 1; i <= attempts; i++)); do
    read -r code seconds <<<"$(post /account/sign-in)"
    [[ $code == 303 ]] || die "sign-in $i answered $code"
    times+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
done

echo "sign-in: bcrypt cost $cost, $attempts sign-ins, CPU ${CPU_BUSY}% busy before"
printf '%-10s %10s %10s %10s\n' "" "median" "min" "max"
printf '%-10s %10s %10s %10s\n' "ms" "$(median "${times[@]}")" \
    "$(printf '%s\n' "${times[@]}" | sort -n | head -n1)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -n1)"
