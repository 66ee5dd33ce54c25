#!/usr/bin/env bash
# Builds the JVM artefact the AMI is baked from: target/storefront-<version>-<commit>.tar.gz holding
#   runtime/     a jlinked Java runtime (only the modules the app uses; no JDK on the instance)
#   app/         the Quarkus fast-jar, plus app.aot: a JDK AOT cache recorded by a training run with that runtime
#   jvm.options  the JVM flags the cache was recorded with (the role adds the heap size for the instance type)
#   BUILD-INFO   version, commit, runtime, time of build
# The AOT cache is only valid for the exact runtime and jar files it was recorded with, so it is recorded here,
# against the jlinked runtime, rather than taken from the test run (which used the full JDK). tar keeps the files'
# modification times, which the JVM checks before it uses the cache.
#
# Usage: packer/build-artifact.sh          (after ./mvnw package or verify; JAVA_HOME must be a JDK 25)
# The training run needs PostgreSQL and Redis on 127.0.0.1 (database storefront_aot, Redis database 3), as the
# tests do; it seeds the demo catalog there and requests the shopper pages, the API and the health checks.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "build-artifact: $*" >&2; exit 1; }

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[[ -x $JAVA_HOME/bin/jlink ]] || die "no jlink in JAVA_HOME=$JAVA_HOME (a JDK 25 is needed)"
[[ -f target/quarkus-app/quarkus-run.jar ]] || die "no target/quarkus-app: run ./mvnw package first"

# Modules the app's jars need (jdeps -summary over target/quarkus-app; jdk.compiler is only referenced by build-time
# code; java.rmi, which the transaction manager loads reflectively, it misses), plus jdk.localedata for the
# en-GB formats of prices and dates.
MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.rmi,java.security.jgss
MODULES+=,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.jfr,jdk.management,jdk.unsupported
MODULES+=,jdk.net,jdk.naming.dns,jdk.zipfs,jdk.localedata
TRAINING_PORT=${TRAINING_PORT:-8097}
TRAINING_DB=storefront_aot
# The heap production runs with (the storefront role's default).
TRAINING_HEAP=$(sed -n 's/^storefront_jvm_heap: *//p' ansible/roles/storefront/defaults/main.yml)
[[ -n $TRAINING_HEAP ]] || die "no storefront_jvm_heap in ansible/roles/storefront/defaults/main.yml"

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n1)
commit=$(git rev-parse --short=12 HEAD)
git diff --quiet HEAD -- src pom.xml || commit+=-dirty
name=storefront-$version-$commit
work=$(mktemp -d "${TMPDIR:-/tmp}/storefront-artifact.XXXXXX")
app_pid=
cleanup() {
    [[ -z $app_pid ]] || kill -KILL "$app_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
stage=$work/$name
mkdir -p "$stage"

echo "== jlink ($MODULES)"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --include-locales=en,en-GB --strip-debug --no-man-pages \
    --no-header-files --compress=zip-6 --output "$stage/runtime"
cp -a target/quarkus-app "$stage/app"
rm -f "$stage/app/app.aot"
cp src/main/jvm/jvm.options "$stage/jvm.options"

echo "== AOT training run (port $TRAINING_PORT, database $TRAINING_DB)"
psql -h 127.0.0.1 -U postgres -X -q -c "DROP DATABASE IF EXISTS $TRAINING_DB" -c "CREATE DATABASE $TRAINING_DB"
redis-cli -h 127.0.0.1 -n 3 flushdb >/dev/null
base=http://127.0.0.1:$TRAINING_PORT
(
    cd "$stage"
    exec env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$TRAINING_PORT" QUARKUS_MANAGEMENT_PORT=$((TRAINING_PORT + 1000)) \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$TRAINING_DB" QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_DATASOURCE_PASSWORD= QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379/3 QUARKUS_SHUTDOWN_DELAY=0s \
        STOREFRONT_BASE_URL="$base" STOREFRONT_SIGNING_KEY=aot-training-only-signing-key-not-secret \
        STOREFRONT_DEMO_CATALOG_ENABLED=true STOREFRONT_IMAGES_BUCKET=aot-training-unused \
        STOREFRONT_CHECKOUT_BANK_ACCOUNT_PAYEE="Training GmbH" \
        STOREFRONT_CHECKOUT_BANK_ACCOUNT_IBAN="DE89 3704 0044 0532 0130 00" \
        runtime/bin/java @jvm.options -Xms"$TRAINING_HEAP" -Xmx"$TRAINING_HEAP" -XX:AOTCacheOutput=app/app.aot \
        -jar app/quarkus-run.jar
) >"$work/training.log" 2>&1 &
app_pid=$!
ready=
for _ in $(seq 1 600); do
    if curl -sf --max-time 2 -o /dev/null "$base/q/health/ready"; then ready=yes; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
done
[[ -n $ready ]] || { tail -n 40 "$work/training.log" >&2; die "the training run did not become ready"; }
product=$(psql -h 127.0.0.1 -U postgres -X -Atq -d "$TRAINING_DB" \
    -c "SELECT slug FROM catalog.product WHERE status = 'active' ORDER BY id LIMIT 1")
for _ in 1 2 3; do
    for path in / /category/clothing "/category/clothing?sort=price_asc" "/product/$product" "/search?q=jacket" \
        /cart /account/sign-in /api/v1/categories "/api/v1/products?category=clothing" "/api/v1/products/$product" \
        /q/health/ready /q/health/live /sitemap.xml /nowhere; do
        curl -s --max-time 10 -o /dev/null "$base$path"
    done
done
curl -sf --max-time 10 -o /dev/null "http://127.0.0.1:$((TRAINING_PORT + 1000))/q/metrics"
kill -TERM "$app_pid"
# The JVM writes the cache as it exits (a second JVM assembles it); allow a slow machine its time.
for _ in $(seq 1 600); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$app_pid" 2>/dev/null && die "the training run did not exit"
wait "$app_pid" || true
app_pid=
[[ -s $stage/app/app.aot ]] || { tail -n 40 "$work/training.log" >&2; die "no AOT cache was written"; }

cat >"$stage/BUILD-INFO" <<INFO
version=$version
commit=$commit
built=$(date -u +%Y-%m-%dT%H:%M:%SZ)
runtime=$("$stage/runtime/bin/java" -version 2>&1 | head -n1)
modules=$MODULES
INFO
tar -C "$work" -czf "target/$name.tar.gz" "$name"
echo "== target/$name.tar.gz ($(du -h "target/$name.tar.gz" | cut -f1); runtime $(du -sh "$stage/runtime" | cut -f1), AOT cache $(du -h "$stage/app/app.aot" | cut -f1))"
