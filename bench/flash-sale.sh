#!/usr/bin/env bash
# Flash sale: runs FlashSaleIT (500 simultaneous checkouts for 100 units through two packaged instances,
# against PostgreSQL storefront_test and Redis DB 1, like the test suite) RUNS times and prints its table
# for each run. Usage: bench/flash-sale.sh   (RUNS=3 by default; each run rebuilds the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RUNS=${RUNS:-3}
quiet_check
for run in $(seq 1 "$RUNS"); do
  echo "== run $run of $RUNS (CPU ${CPU_BUSY}% busy before the first run)"
  JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -B -q -ntp verify -Dtest=NONE \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FlashSaleIT >"$LOG_DIR/flash-sale-$run.log" 2>&1 \
    || die "FlashSaleIT failed; see target/failsafe-reports"
  sed -n '/^Flash sale:/,/^busy (503)/p' "$LOG_DIR/flash-sale-$run.log"
done
