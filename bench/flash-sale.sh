#!/usr/bin/env bash
# Flash sale: runs FlashSaleIT (BUYERS shoppers checking out for UNITS units of one SKU through two packaged
# instances, AT_ONCE of them with a request in flight at a time) RUNS times and prints its table for each run.
# It uses the test suite's PostgreSQL and Redis (storefront_test and Redis DB 1 unless _TEST_LOCAL_SERVICES_DATABASE /
# _TEST_LOCAL_SERVICES_REDIS_DATABASE say otherwise) and ports TEST_PORT and SECOND_PORT. Each run rebuilds the jar.
# Usage: bench/flash-sale.sh
#   RUNS=3  BUYERS=5000  UNITS=1000  AT_ONCE=$BUYERS (one burst)  TEST_PORT=8081  SECOND_PORT=18082
#   JFR=1          records the second instance with JFR (target/flash-sale-<port>.jfr; `jfr view hot-methods` it)
#   FROM_LOG=FILE  no run: prints the table from the log of a build that ran FlashSaleIT, failing if it holds none
#                  (the test suite runs it at its small default size, 500 for 100, and .ci/run's smoke reads that log)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

RUNS=${RUNS:-3}
[[ $RUNS =~ ^[1-9]$ ]] || die "RUNS must be 1-9, got '$RUNS'"
BUYERS=${BUYERS:-5000}
UNITS=${UNITS:-1000}
AT_ONCE=${AT_ONCE:-$BUYERS}
TEST_PORT=${TEST_PORT:-8081}
SECOND_PORT=${SECOND_PORT:-18082}
JVM_OPTIONS=
if [[ ${JFR:-0} == 1 ]]; then
  JVM_OPTIONS="-XX:StartFlightRecording=filename=target/flash-sale-%p.jfr,settings=profile,dumponexit=true"
fi
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
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FlashSaleIT \
    -Dflash-sale.buyers="$BUYERS" -Dflash-sale.units="$UNITS" -Dflash-sale.at-once="$AT_ONCE" \
    -Dquarkus.http.test-port="$TEST_PORT" -Dsecond-instance.port="$SECOND_PORT" \
    -Dapp-instance.jvm-options="$JVM_OPTIONS" >"$LOG_DIR/flash-sale-$run.log" 2>&1 \
    || die "FlashSaleIT failed; see target/failsafe-reports"
  table "$LOG_DIR/flash-sale-$run.log"
done
