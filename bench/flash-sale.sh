#!/usr/bin/env bash
# Flash sale: runs FlashSaleIT (500 simultaneous checkouts for 100 units through two packaged instances,
# against PostgreSQL storefront_test and Redis DB 1, like the test suite) RUNS times and prints its table
# for each run. Usage: bench/flash-sale.sh   (RUNS=3 by default; each run rebuilds the jar)
#   FROM_LOG=FILE  no run: prints the table from the log of a build that ran FlashSaleIT, failing if it holds none
#                  (the test suite runs it at full size, so .ci/run's smoke reads the suite's log)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RUNS=${RUNS:-3}
[[ $RUNS =~ ^[1-9]$ ]] || die "RUNS must be 1-9, got '$RUNS'"
# table LOG: FlashSaleIT's table in a build log: its title, then the rows of a measure and its value.
table() { awk '/^Flash sale:/ { on = 1; print; next } on && /^(measure|.{28} +-?[0-9.]+$)/ { print; next } { on = 0 }' "$1"; }

if [[ -n ${FROM_LOG:-} ]]; then
  [[ -f $FROM_LOG ]] || die "no log at $FROM_LOG"
  [[ -n $(table "$FROM_LOG") ]] || die "no flash sale table in $FROM_LOG (did FlashSaleIT run?)"
  table "$FROM_LOG"
  exit 0
fi
quiet_check
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS (CPU ${CPU_BUSY}% busy before the first run)"
  JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -B -q -ntp verify -Dtest=NONE \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FlashSaleIT >"$LOG_DIR/flash-sale-$run.log" 2>&1 \
    || die "FlashSaleIT failed; see target/failsafe-reports"
  table "$LOG_DIR/flash-sale-$run.log"
done
