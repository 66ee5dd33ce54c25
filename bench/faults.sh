#!/usr/bin/env bash
# Fault table: runs FaultsIT (two packaged instances behind HAProxy; kill -9 of one, PostgreSQL and Redis each cut
# for 20 s through proxies the test controls, the order pipeline across a database outage) and prints its table
# (target/fault-table.md) for issue 16's closing note, also when an expectation failed (the run then exits 1).
# It uses the test suite's PostgreSQL and Redis (storefront_test and Redis DB 1 unless _TEST_LOCAL_SERVICES_DATABASE /
# _TEST_LOCAL_SERVICES_REDIS_DATABASE say otherwise), port TEST_PORT and ports BASE_PORT to BASE_PORT+3. It rebuilds
# the jar; it needs haproxy.
# Usage: bench/faults.sh
#   TEST_PORT=8081  BASE_PORT=18100
#   NO_RUN=1  prints the table the last run left in target/ (the test suite's, say), failing if there is none
set -euo pipefail
cd "$(dirname "$0")/.."

TABLE=target/fault-table.md
TEST_PORT=${TEST_PORT:-8081}
BASE_PORT=${BASE_PORT:-18100}
die() { echo "error: $*" >&2; exit 1; }

if [[ ${NO_RUN:-0} == 1 ]]; then
  [[ -f $TABLE ]] || die "no fault table at $TABLE (did FaultsIT run?)"
  cat "$TABLE"
  exit 0
fi
command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || die "haproxy not installed (apt-get install haproxy)"
mkdir -p target
rm -f "$TABLE"
status=0
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ./mvnw -B -q -ntp verify -Dtest=NONE \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultsIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dquarkus.http.test-port="$TEST_PORT" -Dfaults.base-port="$BASE_PORT" >target/faults.log 2>&1 || status=$?
[[ -f $TABLE ]] || die "FaultsIT wrote no table; see target/faults.log"
cat "$TABLE"
((status == 0)) || echo "FaultsIT failed (an expectation above did not hold); see target/faults.log and target/failsafe-reports" >&2
exit "$status"
