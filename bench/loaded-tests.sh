#!/usr/bin/env bash
# Runs the README's test command RUNS times in a row (default 3) on a fresh clone of HEAD while stress-ng keeps
# both cores busy, and prints one row per run: result, wall time, tests run and failed. A suite that passes here
# waits on events, not on guessed times. Each run is bounded by RUN_TIMEOUT_S (default 2700), the hog by the sum.
# Exits 1 when a run failed. SMOKE=1: one run of `mvnw -o validate` instead of the suite (seconds: checks the clone,
# the hog, Maven and the table, not the tests).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
run_timeout="${RUN_TIMEOUT_S:-2700}"
goal=(verify)
if [[ ${SMOKE:-0} == 1 ]]; then
  runs=1 run_timeout="${RUN_TIMEOUT_S:-300}" goal=(-o validate)
fi
[[ $runs =~ ^[1-9]$ ]] || { echo "RUNS must be 1-9, got '$runs'" >&2; exit 1; }
[[ $run_timeout =~ ^[1-9][0-9]{0,4}$ ]] || { echo "RUN_TIMEOUT_S must be 1-99999, got '$run_timeout'" >&2; exit 1; }
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
logs="${BENCH_LOG_DIR:-$(mktemp -d)}"
clone="$(mktemp -d)/storefront"
command -v stress-ng >/dev/null || { echo "stress-ng not installed (apt-get install stress-ng)" >&2; exit 1; }

git clone -q . "$clone"
stress-ng --cpu 2 --timeout "$((runs * run_timeout))s" --quiet &
hog=$!
trap 'kill "$hog" 2>/dev/null || true; rm -rf "$clone"' EXIT

failures=0
printf '%-4s %-6s %8s %7s %7s  %s\n' run result seconds tests failed log
for i in $(seq 1 "$runs"); do
  log="$logs/loaded-run-$i.log"
  start=$(date +%s)
  if (cd "$clone" && JAVA_HOME="$jdk" MAVEN_ARGS="--batch-mode --no-transfer-progress" timeout "$run_timeout" ./mvnw "${goal[@]}" >"$log" 2>&1); then
    result=pass
  else
    result=FAIL
    failures=1
  fi
  # surefire's and failsafe's summary lines: "Tests run: N, Failures: F, Errors: E, Skipped: S"
  # (none when the build stopped before the tests)
  totals=$({ grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' "$log" || true; } \
    | awk -F'[:,]' '{ run += $2; failed += $4 + $6 } END { printf "%d %d", run, failed }')
  read -r tests failed <<<"$totals"
  printf '%-4s %-6s %8s %7s %7s  %s\n' "$i" "$result" "$(($(date +%s) - start))" "$tests" "$failed" "$log"
done
exit "$failures"
