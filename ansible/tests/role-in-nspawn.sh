#!/usr/bin/env bash
# Applies ansible/site.yml (the playbook Packer bakes the AMI with) for real to a Debian 12 root filesystem booted
# with systemd under systemd-nspawn, then checks the instance the way the ASG and the ALB will use it:
#   - the role applies, and a second run changes nothing;
#   - after a reboot the units start by themselves: settings rendered from SSM Parameter Store and Secrets Manager
#     (moto_server on loopback stands in for AWS), the storefront reaches PostgreSQL and Redis and serves pages;
#   - "started" means ready (/q/health/ready answers the moment systemctl start returns), with the AOT cache mapped;
#   - a stop drains cleanly (no kill after the timeout), and under a bounded load through HAProxy, with a second
#     instance beside it, stopping the unit loses no request because readiness drops first;
#   - systemd-analyze security scores the unit at 2.0 or better.
# It prints a table of timings: role apply, start -> ready with and without the AOT cache, stop.
#
# Usage: ansible/tests/role-in-nspawn.sh [ARTEFACT]   (default: the newest target/storefront-*.tar.gz)
# Needs root, systemd-nspawn, debootstrap, haproxy, wrk, ansible-playbook, moto_server and the local PostgreSQL and
# Redis. The container shares the host's network (loopback only is used); its base image is cached in
# $STOREFRONT_CI_CACHE (default /var/cache/storefront-ci).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

die() { echo "role-in-nspawn: FAILED: $*" >&2; exit 1; }
say() { printf '\n== %s\n' "$*"; }
now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }

artefact=${1:-$(find target -maxdepth 1 -name 'storefront-*.tar.gz' -printf '%T@ %p\n' 2>/dev/null | sort -rn | head -n1 | cut -d' ' -f2)}
[[ -n $artefact && -f $artefact ]] || die "no artefact: run packer/build-artifact.sh first"
artefact=$(realpath "$artefact")
for tool in systemd-nspawn debootstrap haproxy wrk ansible-playbook moto_server aws nsenter jq socat; do
    command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || die "$tool is missing"
done
((EUID == 0)) || die "must run as root (debootstrap, systemd-nspawn)"

CACHE=${STOREFRONT_CI_CACHE:-/var/cache/storefront-ci}
BASE=$CACHE/bookworm-base
APP_PORT=18080 APP_MANAGEMENT_PORT=19000 PEER_PORT=18081 PEER_MANAGEMENT_PORT=19001 PROXY_PORT=18000
DB=storefront_nspawn REDIS_DB=4 REGION=eu-central-1 PARAMETER_PATH=/storefront/ci/
SIGNING_KEY=nspawn-test-signing-key-not-a-secret
[[ $(ss -Htln "( sport = :$APP_PORT or sport = :$PEER_PORT or sport = :$PROXY_PORT )" | wc -l) == 0 ]] ||
    die "ports $APP_PORT, $PEER_PORT or $PROXY_PORT are taken"

run=$(mktemp -d /var/tmp/storefront-nspawn.XXXXXX)
root=$run/rootfs
nspawn_pid='' moto_pid='' peer_pid='' proxy_pid='' leader=''
cleanup() {
    local status=$?
    if ((status != 0)); then
        echo "--- last lines of the container's storefront journal and console:" >&2
        [[ -z $leader ]] || in_container journalctl -u storefront-env -u storefront --no-pager -n 40 -o cat >&2 || true
        tail -n 20 "$run/console.log" >&2 2>/dev/null || true
    fi
    [[ -z $leader ]] || in_container systemctl poweroff >/dev/null 2>&1 || true
    local i
    for ((i = 0; i < 300 && ${#nspawn_pid}; i++)); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
    for pid in $nspawn_pid $moto_pid $peer_pid $proxy_pid; do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$run"
    exit "$status"
}
trap cleanup EXIT

# --- A Debian 12 root filesystem, as on the official AMI: systemd, python3, sudo, curl ---
if [[ ! -f $BASE/.complete ]]; then
    say "debootstrap bookworm into $BASE (once; cached)"
    rm -rf "$BASE.tmp" "$BASE"
    mkdir -p "$CACHE"
    debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,python3,python3-apt,curl,ca-certificates,sudo,iproute2 \
        bookworm "$BASE.tmp" http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1 ||
        { tail -n 20 "$CACHE/debootstrap.log" >&2; die "debootstrap failed"; }
    touch "$BASE.tmp/.complete"
    mv "$BASE.tmp" "$BASE"
fi
cp -a "$BASE" "$root"
echo storefront-ci >"$root/etc/hostname"
: >"$root/etc/machine-id"
mkdir -p "$CACHE/apt-archives/partial"

boot() {
    systemd-nspawn -b --register=no --keep-unit --machine=storefront-ci -D "$root" \
        --bind="$CACHE/apt-archives:/var/cache/apt/archives" >>"$run/console.log" 2>&1 </dev/null &
    nspawn_pid=$!
    leader=''
    local i state
    for ((i = 0; i < 600; i++)); do
        leader=$(pgrep -P "$nspawn_pid" -x systemd || true)
        if [[ -n $leader ]]; then
            state=$(in_container systemctl is-system-running 2>/dev/null || true)
            [[ $state == running || $state == degraded ]] && return 0
        fi
        kill -0 "$nspawn_pid" 2>/dev/null || die "the container exited while booting"
        sleep 0.2
    done
    die "the container did not finish booting (state: ${state:-none})"
}
poweroff() {
    in_container systemctl poweroff || true
    local i
    for ((i = 0; i < 600; i++)); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$nspawn_pid" 2>/dev/null && die "the container did not power off"
    wait "$nspawn_pid" || true
    nspawn_pid='' leader=''
}
in_container() { nsenter --target "$leader" --mount --uts --ipc --net --pid -- "$@"; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || true; }

# --- Stand-ins for AWS and the database: moto (SSM, Secrets Manager), a fresh database ---
say "moto_server, settings in SSM and Secrets Manager, database $DB"
moto_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$moto_port" >"$run/moto.log" 2>&1 &
moto_pid=$!
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_DEFAULT_REGION=$REGION AWS_PAGER=''
awsm() { aws --endpoint-url "http://127.0.0.1:$moto_port" --cli-connect-timeout 5 --cli-read-timeout 10 "$@"; }
for ((i = 0; i < 100; i++)); do awsm ssm describe-parameters >/dev/null 2>&1 && break; sleep 0.2; done
# The AWS CLI would fetch a value that looks like a URL, so the parameters go in as JSON.
put() {
    awsm ssm put-parameter --cli-input-json "$(jq -n --arg n "$PARAMETER_PATH$1" --arg v "$2" --arg t "${3:-String}" \
        '{Name: $n, Value: $v, Type: $t}')" >/dev/null
}
put QUARKUS_DATASOURCE_JDBC_URL "jdbc:postgresql://127.0.0.1:5432/$DB"
put QUARKUS_REDIS_HOSTS "redis://127.0.0.1:6379/$REDIS_DB"
put STOREFRONT_READ_REPLICA_URL "jdbc:postgresql://127.0.0.1:5432/$DB"
put STOREFRONT_TRUSTED_PROXIES 127.0.0.1/32
put STOREFRONT_BASE_URL "http://127.0.0.1:$PROXY_PORT"
put STOREFRONT_SIGNING_KEY "$SIGNING_KEY" SecureString
put STOREFRONT_DEMO_CATALOG_ENABLED true
# Required, but never touched at start-up: the app runs here without S3 (demo products get no pictures).
put STOREFRONT_IMAGES_BUCKET storefront-ci-images
put STOREFRONT_CHECKOUT_BANK_ACCOUNT_PAYEE "Storefront CI GmbH"
put STOREFRONT_CHECKOUT_BANK_ACCOUNT_IBAN "DE89 3704 0044 0532 0130 00"
secret_arn=$(awsm secretsmanager create-secret --name storefront/ci/database \
    --secret-string '{"username":"postgres","password":"unused-with-trust-auth"}' --query ARN --output text)
put _secrets/QUARKUS_DATASOURCE_USERNAME "$secret_arn#username"
put _secrets/QUARKUS_DATASOURCE_PASSWORD "$secret_arn#password"
psql -h 127.0.0.1 -U postgres -X -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
redis-cli -h 127.0.0.1 -n "$REDIS_DB" flushdb >/dev/null

# --- The playbook, applied the way Packer applies it (a host in storefront_instances, become) ---
cat >"$run/inventory.yml" <<EOF
storefront_instances:
  hosts:
    nspawn:
      ansible_connection: community.docker.nsenter
      ansible_python_interpreter: /usr/bin/python3
EOF
cat >"$run/vars.yml" <<EOF
storefront_artifact: $artefact
# The image's default path is not the test's: the path must come from instance.env, as the stack's user data writes it.
storefront_environment: production
storefront_aws_endpoint_url: http://127.0.0.1:$moto_port
storefront_aws_region: $REGION
storefront_aws_test_credentials: true
storefront_http_port: $APP_PORT
storefront_management_port: $APP_MANAGEMENT_PORT
cloudwatch_agent_prometheus_target: 127.0.0.1:$APP_MANAGEMENT_PORT
# No internet downloads in CI: the AWS agents' .deb packages are fetched only when baking a real AMI.
base_install_ssm_agent: false
cloudwatch_agent_install: false
EOF
apply() {
    ANSIBLE_CONFIG=$repo/ansible/ansible.cfg ANSIBLE_NSENTER_PID=$leader ANSIBLE_STDOUT_CALLBACK=default \
        ansible-playbook -i "$run/inventory.yml" -e "@$run/vars.yml" "$repo/ansible/site.yml" >"$run/apply-$1.log" 2>&1 ||
        { tail -n 40 "$run/apply-$1.log" >&2; die "ansible-playbook failed ($1 run)"; }
    recap=$(grep -E '^nspawn +:' "$run/apply-$1.log")
    echo "$recap"
}

say "boot the container"
boot
say "apply site.yml (first run)"
t0=$(now_ms)
apply first
apply_ms=$(($(now_ms) - t0))
[[ $(in_container systemctl is-enabled storefront.service) == enabled ]] || die "storefront.service is not enabled"

say "apply site.yml again: nothing may change"
recap=$(apply second)
[[ $recap =~ changed=0 ]] || { grep -B3 -E '^changed:' "$run/apply-second.log" >&2 || true; die "second run changed something: $recap"; }

say "reboot: the units start by themselves, as on an instance launched from the AMI"
poweroff
# What the launch template's user data (cloud-init write_files) gives every instance at first boot.
mkdir -p "$root/etc/storefront"
printf 'STOREFRONT_ENVIRONMENT=ci\nSTOREFRONT_SSM_PATH=%s\nAWS_REGION=%s\n' "$PARAMETER_PATH" "$REGION" \
    >"$root/etc/storefront/instance.env"
boot
t0=$(now_ms)
for ((i = 0; i < 900; i++)); do
    state=$(in_container systemctl is-active storefront.service || true)
    [[ $state == active || $state == failed ]] && break
    sleep 0.2
done
[[ $state == active ]] || die "storefront.service is '$state' after boot"
[[ $(http_code "http://127.0.0.1:$APP_PORT/q/health/ready") == 200 ]] || die "not ready although the unit is active"
environment=$(in_container stat -c '%a %U' /run/storefront/environment)
[[ $environment == "600 root" ]] || die "/run/storefront/environment is '$environment', not 600 root"
in_container grep -q '^QUARKUS_DATASOURCE_PASSWORD="unused-with-trust-auth"$' /run/storefront/environment ||
    die "the password from Secrets Manager is not in the environment file"
# PostgreSQL and Redis stay out of readiness (either one down would take every instance out of the ALB at once); the
# instance reaches both, as their own health groups say.
ready=$(curl -s --max-time 10 "http://127.0.0.1:$APP_PORT/q/health/ready")
! grep -qi 'database\|postgres\|redis' <<<"$ready" || die "readiness depends on PostgreSQL or Redis: $ready"
for group in database redis; do
    [[ $(http_code "http://127.0.0.1:$APP_PORT/q/health/group/$group") == 200 ]] ||
        die "the $group health group is not UP: $(curl -s --max-time 10 "http://127.0.0.1:$APP_PORT/q/health/group/$group")"
done
for path in / /category/clothing "/search?q=jacket" /api/v1/categories; do
    [[ $(http_code "http://127.0.0.1:$APP_PORT$path") == 200 ]] || die "GET $path did not answer 200"
done
main_pid=$(in_container systemctl show -p MainPID --value storefront.service)
in_container grep -q 'app/app.aot' "/proc/$main_pid/maps" || die "the JVM did not map its AOT cache"
user=$(in_container stat -c %U "/proc/$main_pid")
[[ $user == storefront ]] || die "the app runs as '$user', not storefront"

in_container tail -n1 /var/log/storefront/storefront.log | jq -e .message >/dev/null ||
    die "/var/log/storefront/storefront.log (what the CloudWatch agent ships) does not hold JSON lines"

say "CloudWatch agent configuration for this instance, and the metric it scrapes"
in_container sh -c 'set -a; . /etc/storefront/instance.env; exec /usr/local/libexec/storefront/cloudwatch-agent-config'
agent_json=$(in_container cat /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.d/storefront.json)
jq -e '[.. | .file_path? // empty] | index("/var/log/storefront/storefront.log")' <<<"$agent_json" >/dev/null ||
    die "the agent does not ship /var/log/storefront/storefront.log: $agent_json"
jq -e '[.. | .log_group_name? // empty] | index("/storefront/ci/app")' <<<"$agent_json" >/dev/null ||
    die "the agent's log groups do not name the instance's environment: $agent_json"
in_container grep -q "127.0.0.1:$APP_MANAGEMENT_PORT" /opt/aws/amazon-cloudwatch-agent/etc/storefront-prometheus.yaml ||
    die "the agent does not scrape the management port"
curl -s --max-time 10 "http://127.0.0.1:$APP_MANAGEMENT_PORT/q/metrics" | grep -q '^storefront_outbox_dead_letters' ||
    die "/q/metrics on the management port has no storefront_outbox_dead_letters (the dead-letter alarm's metric)"

say "systemd-analyze security"
security=$(in_container systemd-analyze security --no-pager storefront.service | tail -n1)
score=$(grep -oE '[0-9]+\.[0-9]+' <<<"$security" | head -n1)
echo "$security"
awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }' || die "exposure $score is above 2.0"

# start -> ready: systemctl start returns once ExecStartPost has seen /q/health/ready answer 200.
timed_start() {
    local t
    in_container systemctl stop storefront.service
    t=$(now_ms)
    in_container systemctl start storefront.service || die "systemctl start failed"
    start_ms=$(($(now_ms) - t))
    [[ $(http_code "http://127.0.0.1:$APP_PORT/q/health/ready") == 200 ]] || die "start returned before ready"
}

say "stop drains cleanly, start -> ready with the AOT cache"
since=$(in_container date '+%Y-%m-%d %H:%M:%S')
t0=$(now_ms)
timed_start
aot_start_ms=$start_ms
journal=$(in_container journalctl -u storefront.service --since "$since" --no-pager -o cat)
grep -qE 'stopped in [0-9.]+s' <<<"$journal" || die "no graceful shutdown in the journal: $journal"
! grep -qiE 'timed out|Killing process|SIGKILL' <<<"$journal" || die "the stop was not clean: $journal"
[[ $(in_container systemctl show -p Result --value storefront.service) == success ]] || die "unit result is not success"

say "start -> ready without the AOT cache (plain JVM)"
release=$(in_container readlink -f /opt/storefront/current)
in_container mkdir -p /run/systemd/system/storefront.service.d
in_container sh -c "printf '[Service]\nExecStart=\nExecStart=$release/runtime/bin/java @$release/jvm.options -Xms\${STOREFRONT_HEAP} -Xmx\${STOREFRONT_HEAP} -jar $release/app/quarkus-run.jar\n' >/run/systemd/system/storefront.service.d/plain-jvm.conf"
in_container systemctl daemon-reload
timed_start
plain_start_ms=$start_ms
in_container rm /run/systemd/system/storefront.service.d/plain-jvm.conf
in_container systemctl daemon-reload
timed_start

say "systemctl stop under load through HAProxy, with a second instance beside it"
peer=$run/peer
mkdir -p "$peer"
tar -C "$peer" -xzf "$artefact" --strip-components=1
(
    cd "$peer"
    exec env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PEER_PORT QUARKUS_MANAGEMENT_PORT=$PEER_MANAGEMENT_PORT \
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_DATASOURCE_USERNAME=postgres \
        QUARKUS_REDIS_HOSTS="redis://127.0.0.1:6379/$REDIS_DB" STOREFRONT_BASE_URL="http://127.0.0.1:$PROXY_PORT" \
        STOREFRONT_SIGNING_KEY=$SIGNING_KEY STOREFRONT_CHECKOUT_BANK_ACCOUNT_PAYEE="Storefront CI GmbH" \
        STOREFRONT_CHECKOUT_BANK_ACCOUNT_IBAN="DE89 3704 0044 0532 0130 00" STOREFRONT_IMAGES_BUCKET=storefront-ci-images \
        runtime/bin/java @jvm.options -Xms256m -Xmx256m -XX:AOTCache=app/app.aot -jar app/quarkus-run.jar
) >"$run/peer.log" 2>&1 &
peer_pid=$!
for ((i = 0; i < 900; i++)); do
    [[ $(http_code "http://127.0.0.1:$PEER_PORT/q/health/ready") == 200 ]] && break
    kill -0 "$peer_pid" 2>/dev/null || { tail -n 20 "$run/peer.log" >&2; die "the second instance exited"; }
    sleep 0.2
done
cat >"$run/haproxy.cfg" <<EOF
global
    stats socket $run/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
frontend storefront
    bind 127.0.0.1:$PROXY_PORT
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /q/health/ready
    default-server inter 1s fall 2 rise 2
    server container 127.0.0.1:$APP_PORT check
    server peer 127.0.0.1:$PEER_PORT check
EOF
haproxy -f "$run/haproxy.cfg" -db >"$run/haproxy.log" 2>&1 &
proxy_pid=$!
for ((i = 0; i < 300; i++)); do
    up=$( (echo "show stat" | socat - "UNIX-CONNECT:$run/haproxy.sock" 2>/dev/null || true) |
        awk -F, '$1 == "instances" && $18 == "UP"' | wc -l)
    ((up == 2)) && break
    sleep 0.2
done
((up == 2)) || die "HAProxy does not see both instances up"
wrk -t2 -c8 -d35s --timeout 10s "http://127.0.0.1:$PROXY_PORT/category/clothing" >"$run/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 5
t0=$(now_ms)
in_container systemctl stop storefront.service
stop_ms=$(($(now_ms) - t0))
wait "$wrk_pid" || die "wrk failed: $(cat "$run/wrk.txt")"
served=$(echo "show stat" | socat - "UNIX-CONNECT:$run/haproxy.sock" | awk -F, '$1 == "instances" && $2 == "container" { print $8 }')
cat "$run/wrk.txt"
requests=$(awk '/requests in/ { print $1 }' "$run/wrk.txt")
! grep -qE 'Non-2xx|Socket errors' "$run/wrk.txt" || die "requests were lost while the unit stopped"
((served > 0)) || die "HAProxy sent nothing to the container"
((stop_ms >= 15000)) || die "the unit stopped in ${stop_ms} ms, before the 15 s shutdown delay"

say "summary"
printf '%-48s %10s\n' "measure" "value"
printf '%-48s %10s\n' "site.yml first run (ms)" "$apply_ms"
printf '%-48s %10s\n' "systemctl start -> ready, AOT cache (ms)" "$aot_start_ms"
printf '%-48s %10s\n' "systemctl start -> ready, plain JVM (ms)" "$plain_start_ms"
printf '%-48s %10s\n' "systemctl stop under load (ms)" "$stop_ms"
printf '%-48s %10s\n' "requests through HAProxy / lost" "$requests / 0"
printf '%-48s %10s\n' "systemd-analyze security exposure" "$score"
echo "role-in-nspawn: all checks passed"
