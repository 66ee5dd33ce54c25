# shellcheck shell=bash
# Shared helpers for the bench/*.sh scripts. Source it; do not run it.
#
# Settings (environment):
#   JAR          packaged app (default: <repo>/target/quarkus-app/quarkus-run.jar)
#   JAVA         java binary (default: $JAVA_HOME/bin/java, else Temurin 25, else java on PATH)
#   JAVA_OPTS    JVM options, split on whitespace; unset: production's (src/main/jvm/jvm.options and the storefront
#                role's heap), empty: the JVM's defaults
#   MALLOC_ARENA_MAX  unset: the storefront role's value, as in production
#   BENCH_PORT   HTTP port of the app, 1024-64535 (default 8090); its management interface (metrics) listens
#                on BENCH_PORT + 1000, so that benchmarks running side by side do not fight over Quarkus's 9000
#   BENCH_REDIS_DB  Redis logical DB of the app, 2-15 (default 2; 0 and 1 belong to dev and tests)
#   BENCH_LOG_DIR  keep the app logs there (default: a scratch directory removed on exit)
# The app always runs in the prod profile (whatever profile the jar was built with), listens on
# 127.0.0.1 only and uses PostgreSQL database storefront_bench (a script may set BENCH_DB to its own
# storefront_bench_<name>) and Redis logical DB BENCH_REDIS_DB on 127.0.0.1.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(git -C "$BENCH_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$BENCH_DIR/.." && pwd))
JAR=${JAR:-$REPO_ROOT/target/quarkus-app/quarkus-run.jar}
if [[ -z ${JAVA:-} ]]; then
    if [[ -n ${JAVA_HOME:-} ]]; then
        JAVA=$JAVA_HOME/bin/java
    elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
        JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
    else
        JAVA=java
    fi
fi
# Production's settings, read from where the instance gets them so that a change there reaches the numbers here.
role_default() { sed -n "s/^$1: *//p" "$REPO_ROOT/ansible/roles/storefront/defaults/main.yml"; }
if [[ -z ${JAVA_OPTS+set} ]]; then
    JAVA_OPTS="@$REPO_ROOT/src/main/jvm/jvm.options -Xms$(role_default storefront_jvm_heap) -Xmx$(role_default storefront_jvm_heap)"
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-$(role_default storefront_malloc_arena_max)}
BENCH_PORT=${BENCH_PORT:-8090}
BENCH_DB=${BENCH_DB:-storefront_bench}
BENCH_REDIS_DB=${BENCH_REDIS_DB:-2}
BASE_URL=http://127.0.0.1:$BENCH_PORT
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
APP_PID=
APP_LOG=
APP_START_MS=
READY_MS=
CPU_BUSY=

die() { echo "error: $*" >&2; exit 1; }

if ! [[ $BENCH_PORT =~ ^[1-9][0-9]{3,4}$ ]] || ((BENCH_PORT < 1024 || BENCH_PORT > 64535)); then
    die "BENCH_PORT must be 1024-64535, got '$BENCH_PORT'"
fi
[[ $BENCH_REDIS_DB =~ ^([2-9]|1[0-5])$ ]] || die "BENCH_REDIS_DB must be 2-15 (0 and 1 are dev's and the tests'), got '$BENCH_REDIS_DB'"
[[ $BENCH_DB =~ ^storefront_bench(_[a-z]+)?$ ]] || die "BENCH_DB must be storefront_bench or storefront_bench_<name>, got '$BENCH_DB'"
[[ -f $JAR ]] || die "no jar at $JAR (build it: ./mvnw -B -q package -DskipTests)"

now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }

# Creates the bench database when it is missing (the app's Flyway creates the schema).
bench_db_create() {
    if [[ -z $("${PSQL[@]}" -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'") ]]; then
        "${PSQL[@]}" -c "CREATE DATABASE $BENCH_DB"
    fi
}

# Runs SQL on the bench database, unaligned tuples only.
bench_sql() { "${PSQL[@]}" -d "$BENCH_DB" -Atc "$1"; }

# app_start LOGFILE [NAME=VALUE...]: starts the jar in the background with the bench settings plus the
# given ones; sets APP_PID, APP_LOG and APP_START_MS. Stop it with app_stop (scripts trap it on EXIT).
# No load balancer drains it here, so it stops without production's shutdown delay.
app_start() {
    APP_LOG=$1
    shift
    if (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null; then
        die "something already listens on port $BENCH_PORT"
    fi
    local -a java_opts=()
    read -r -a java_opts <<<"${JAVA_OPTS:-}"
    APP_START_MS=$(now_ms)
    env QUARKUS_PROFILE=prod QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$BENCH_PORT" \
        QUARKUS_MANAGEMENT_PORT=$((BENCH_PORT + 1000)) QUARKUS_SHUTDOWN_DELAY=0s \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" \
        QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
        QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$BENCH_REDIS_DB" \
        STOREFRONT_BASE_URL="$BASE_URL" STOREFRONT_SIGNING_KEY=bench-only-signing-key-not-for-production \
        STOREFRONT_DEMO_CATALOG_ENABLED=false STOREFRONT_IMAGES_BUCKET=bench-unused \
        STOREFRONT_CHECKOUT_BANK_ACCOUNT_PAYEE="Bench GmbH" \
        STOREFRONT_CHECKOUT_BANK_ACCOUNT_IBAN="DE89 3704 0044 0532 0130 00" \
        "$@" "$JAVA" "${java_opts[@]}" -jar "$JAR" >"$APP_LOG" 2>&1 &
    APP_PID=$!
}

# wait_ready TIMEOUT_S: polls /q/health/ready about every 10 ms until it answers 200 and sets READY_MS
# to the ms since app_start. Fails if the app exits or the timeout passes. (It sets a variable rather
# than printing, so that it runs in this shell and a signal's trap is not held up until it returns.)
wait_ready() {
    local deadline=$(($(now_ms) + $1 * 1000)) code
    while :; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE_URL/q/health/ready" || true)
        if [[ $code == 200 ]]; then
            # shellcheck disable=SC2034 # read by the scripts that source this file
            READY_MS=$(($(now_ms) - APP_START_MS))
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "error: app exited before it was ready; last log lines:" >&2
            tail -n 30 "$APP_LOG" >&2
            return 1
        fi
        if (($(now_ms) > deadline)); then
            echo "error: app not ready after $1 s; last log lines:" >&2
            tail -n 30 "$APP_LOG" >&2
            return 1
        fi
        sleep 0.01
    done
}

# Stops the app started by app_start: SIGTERM, then SIGKILL after 20 s. Safe to call twice.
app_stop() {
    [[ -n $APP_PID ]] || return 0
    if kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        local i
        for ((i = 0; i < 200; i++)); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
}

# S3 for the demo catalog's pictures: moto_server on 127.0.0.1:4566 (buckets in memory), as in dev and tests.
PICTURES_ENV=(STOREFRONT_DEMO_CATALOG_PICTURES=true STOREFRONT_IMAGES_BUCKET=storefront-media-bench
    STOREFRONT_IMAGES_CREATE_BUCKET=true QUARKUS_S3_ENDPOINT_OVERRIDE=http://127.0.0.1:4566
    QUARKUS_S3_PATH_STYLE_ACCESS=true QUARKUS_S3_AWS_REGION=eu-west-1 QUARKUS_S3_AWS_CREDENTIALS_TYPE=static
    QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID=bench
    QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY=bench-secret)

# Starts moto_server on 127.0.0.1:4566 unless something listens there already (it outlives the script, as in dev).
moto_ensure() {
    (exec 3<>/dev/tcp/127.0.0.1/4566) 2>/dev/null && return 0
    command -v moto_server >/dev/null || die "moto_server is missing (pip install 'moto[server]')"
    nohup moto_server -H 127.0.0.1 -p 4566 >"${TMPDIR:-/tmp}/storefront-bench-moto.log" 2>&1 &
    local i
    for ((i = 0; i < 300; i++)); do
        (exec 3<>/dev/tcp/127.0.0.1/4566) 2>/dev/null && return 0
        sleep 0.1
    done
    die "moto_server did not listen on 127.0.0.1:4566 within 30 s"
}

# demo_catalog_start LOGFILE [NAME=VALUE...]: the app on BENCH_DB (with the given settings too) with the 520-product demo catalog and its pictures, seeded
# at the first run and kept; re-seeded when moto (which keeps nothing) no longer has the pictures. Waits
# until it is ready and every picture's thumbnails exist (the outbox makes them after seeding).
demo_catalog_start() {
    local log=$1 seeded seed=false first deadline
    shift
    moto_ensure
    bench_db_create
    seeded=$(bench_sql "SELECT count(*) FROM catalog.product" 2>/dev/null || echo 0)
    ((seeded > 0)) || seed=true
    app_start "$log" STOREFRONT_DEMO_CATALOG_ENABLED=$seed "${PICTURES_ENV[@]}" "$@"
    wait_ready "${READY_TIMEOUT_S:-600}"
    first=$(bench_sql "SELECT storage_key FROM catalog.product_image ORDER BY id LIMIT 1")
    if [[ -n $first ]] && [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE_URL/media/$first") != 200 ]]; then
        app_stop
        app_start "${log%.log}-reseed.log" STOREFRONT_DEMO_CATALOG_ENABLED=true STOREFRONT_DEMO_CATALOG_REPLACE=true \
            "${PICTURES_ENV[@]}" "$@"
        wait_ready "${READY_TIMEOUT_S:-600}"
    fi
    deadline=$(($(now_ms) + ${READY_TIMEOUT_S:-600} * 1000))
    until [[ $(bench_sql "SELECT count(*) FROM catalog.product_image WHERE NOT thumbnails_ready") == 0 ]]; do
        (($(now_ms) < deadline)) || die "thumbnails not made within READY_TIMEOUT_S"
        sleep 1
    done
}

# Resident set size of a process in MiB (one decimal).
rss_mib() { awk '/^VmRSS:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"; }

# Median of the numbers given as arguments (mean of the middle two for an even count).
median() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# CPU use of the whole machine over one second, in percent.
cpu_busy() {
    local -a a b
    read -r -a a < <(head -n1 /proc/stat)
    sleep 1
    read -r -a b < <(head -n1 /proc/stat)
    awk -v t="$((($(IFS=+; echo "${b[*]:1}")) - ($(IFS=+; echo "${a[*]:1}"))))" -v i="$((b[4] + b[5] - a[4] - a[5]))" \
        'BEGIN { printf "%.0f\n", (t > 0 ? 100 * (t - i) / t : 0) }'
}

# Other work on the machine skews every number here (2 cores). Waits up to QUIET_WAIT_S (default 60)
# seconds for CPU use below 15 %, warns on stderr if it stays above, and sets CPU_BUSY to the last reading.
quiet_check() {
    local deadline=$(($(now_ms) + ${QUIET_WAIT_S:-60} * 1000))
    while CPU_BUSY=$(cpu_busy) && ((CPU_BUSY >= 15)) && (($(now_ms) < deadline)); do :; done
    ((CPU_BUSY < 15)) || echo "warning: CPU ${CPU_BUSY}% busy before the run; results will be noisy" >&2
}

# Products and SKUs in the bench catalog, as "PRODUCTS SKUS" (fails if the schema is missing).
catalog_counts() {
    bench_sql "SELECT (SELECT count(*) FROM catalog.product), (SELECT count(*) FROM catalog.variant)" | tr '|' ' '
}

# A fresh scratch directory, removed by bench_cleanup; app logs go to LOG_DIR.
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/storefront-bench.XXXXXX")
LOG_DIR=${BENCH_LOG_DIR:-$BENCH_TMP}
mkdir -p "$LOG_DIR"
bench_cleanup() {
    app_stop
    rm -rf "$BENCH_TMP"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
