#!/usr/bin/env bash
# rollout.yml and rollback.yml end to end against moto on loopback, with tests/moto's test-only instance-refresh
# actions. Proves what the playbooks ask AWS for (launch-template version, pinned DesiredConfiguration,
# preferences, rollback) and how they judge the answers; what AWS then does with instances is not emulated.
# Needs: ansible-playbook, and a python3 (ROLLOUT_TEST_PYTHON, else python3 on PATH) with moto and a boto3 that
# knows AlarmSpecification; the playbooks' modules run on that python too.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ansible_dir=$(dirname "$here")
py=$("${ROLLOUT_TEST_PYTHON:-python3}" -c 'import sys; print(sys.executable)')
"$py" - <<'EOF' || { echo "FAIL: $py lacks moto or a boto3 that knows AlarmSpecification" >&2; exit 1; }
import boto3, moto  # noqa: F401
members = boto3.client("autoscaling", region_name="eu-west-1").meta.service_model.shape_for("RefreshPreferences").members
assert "AlarmSpecification" in members
EOF

work=$(mktemp -d)
moto_pid=
cleanup() {
  if [[ -n $moto_pid ]]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  [[ -n ${KEEP_WORK:-} ]] || rm -rf "$work"
}
trap cleanup EXIT

# The launcher binds port 0 and writes the port it got: no race for a "free" port.
"$py" "$here/moto/moto_with_instance_refresh.py" --host 127.0.0.1 --port 0 --port-file "$work/port" \
  >"$work/moto.log" 2>&1 &
moto_pid=$!
for _ in $(seq 100); do
  [[ -s $work/port ]] && break
  kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log" >&2; exit 1; }
  sleep 0.1
done
[[ -s $work/port ]] || { echo "FAIL: moto did not start within 10 s" >&2; exit 1; }
endpoint="http://127.0.0.1:$(cat "$work/port")"

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_DEFAULT_REGION=eu-west-1 AWS_REGION=eu-west-1
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_ENDPOINT_URL AWS_URL EC2_URL AWS_PROFILE

# Only the fixture gets the endpoint from the environment; the playbooks get it as aws_endpoint_url, so a task
# that forgot it would go to AWS (and fail with these credentials) instead of passing against moto.
fixture() { AWS_ENDPOINT_URL=$endpoint timeout 60 "$py" "$here/moto/fixture.py" "$@"; }

playbook_rc=0
play() { # play LOG PLAYBOOK ARGS...: runs a playbook against moto, its output in $work/LOG
  local log=$1
  shift
  playbook_rc=0
  (cd "$ansible_dir" && ANSIBLE_NOCOLOR=1 timeout 300 ansible-playbook -i inventory/localhost.yml "$@" \
    -e "ansible_python_interpreter=$py" -e "aws_endpoint_url=$endpoint" -e rollout_poll_delay=1 \
    -e rollback_poll_delay=1) >"$work/$log" 2>&1 || playbook_rc=$?
}

results=()
failures=0
check() { # check NAME CONDITION-EXIT-STATUS
  if [[ $2 == 0 ]]; then
    results+=("PASS  $1")
  else
    results+=("FAIL  $1")
    failures=$((failures + 1))
  fi
}
expect() { # expect NAME PYTHON-EXPRESSION: true of s, the JSON that fixture.py state wrote
  local rc=0
  "$py" -c 'import json, sys; s = json.load(open(sys.argv[1])); sys.exit(0 if eval("(%s)" % sys.argv[2]) else 1)' \
    "$work/state.json" "$2" || rc=$?
  check "$1" "$rc"
}
output_has() { # output_has NAME LOG TEXT
  local rc=0
  grep -qF -- "$3" "$work/$2" || rc=$?
  check "$1" "$rc"
}
show_on_failure() { [[ $playbook_rc == "$2" ]] || { echo "--- $1 (exit $playbook_rc)"; tail -40 "$work/$1"; }; }

start=$SECONDS
while IFS='=' read -r key value; do
  printf -v "$key" '%s' "$value"
done < <(fixture setup)
: "${OLD_AMI:?}" "${NEW_AMI:?}" "${LT_ID:?}" "${ASG:?}" "${STACK:?}" "${ALARMS:?}"

# 1. Rollout found through the stack's outputs, Successful after a few polls.
fixture tag moto-refresh-steps 3
play rollout.log rollout.yml -e "ami_id=$NEW_AMI" -e "stack_name=$STACK" -e rollout_instance_warmup=45 \
  -e rollout_checkpoint_delay=120
show_on_failure rollout.log 0
check "rollout.yml exits 0" "$playbook_rc"
output_has "rollout.yml reports success" rollout.log "Rollout of $NEW_AMI to $ASG succeeded (launch template version 2)"
output_has "rollout.yml reports status and percentage" rollout.log '"percentage complete: 100"'
fixture state "$work/state.json"
expect "new version 2 has the new AMI" "s['versions']['2']['LaunchTemplateData']['ImageId'] == '$NEW_AMI'"
expect "version 2 keeps the rest of version 1" "s['versions']['2']['LaunchTemplateData']['InstanceType'] == 't3.small'"
expect "version 2 records its source" "s['versions']['2']['VersionDescription'] == '$NEW_AMI (rollout from version 1)'"
expect "default version left at 1" "s['default_version'] == 1"
expect "one refresh, Successful" "[r['Status'] for r in s['refreshes']] == ['Successful']"
expect "DesiredConfiguration pins version 2" \
  "s['refreshes'][0]['DesiredConfiguration'] == {'LaunchTemplate': {'LaunchTemplateId': '$LT_ID', 'Version': '2'}}"
expect "preferences as asked" "s['refreshes'][0]['Preferences'] == {'MinHealthyPercentage': 90,
  'MaxHealthyPercentage': 200, 'InstanceWarmup': 45, 'CheckpointPercentages': [34, 100], 'CheckpointDelay': 120, 'SkipMatching': True,
  'AutoRollback': True, 'AlarmSpecification': {'Alarms': '$ALARMS'.split(',')},
  'ScaleInProtectedInstances': 'Wait', 'StandbyInstances': 'Wait'}"
expect "group runs version 2" "s['group_template']['Version'] == '2'"

# 2. Rollback with nothing in progress: a refresh pinned to the version 2 came from.
play rollback.log rollback.yml -e "launch_template_id=$LT_ID" -e "asg_name=$ASG"
show_on_failure rollback.log 0
check "rollback.yml exits 0" "$playbook_rc"
output_has "rollback.yml reports success" rollback.log "Rollback of $ASG succeeded: it runs launch template $LT_ID version 1"
fixture state "$work/state.json"
expect "rollback refresh pins version 1, no AutoRollback" \
  "s['refreshes'][0]['DesiredConfiguration']['LaunchTemplate']['Version'] == '1'
   and s['refreshes'][0]['Preferences']['AutoRollback'] is False and s['refreshes'][0]['Status'] == 'Successful'"
expect "group runs version 1 again" "s['group_template']['Version'] == '1'"

# 3. A refresh that AWS rolls back makes rollout.yml fail and say so.
second_ami=$(fixture ami storefront-second)
fixture tag moto-refresh-outcome RollbackSuccessful
play rolledback.log rollout.yml -e "ami_id=$second_ami" -e "launch_template_id=$LT_ID" -e "asg_name=$ASG" \
  -e "rollout_alarm_names=$ALARMS"
show_on_failure rolledback.log 2
check "rollout.yml fails when AWS rolled back" "$([[ $playbook_rc != 0 ]]; echo $?)"
output_has "... and says so" rolledback.log "Rollout of $second_ami to $ASG did not succeed"
output_has "... naming the status" rolledback.log "ended RollbackSuccessful"
fixture state "$work/state.json"
expect "group still on version 1" "s['group_template']['Version'] == '1'"
expect "that refresh pinned version 3 from version 1" \
  "s['refreshes'][0]['DesiredConfiguration']['LaunchTemplate']['Version'] == '3'
   and s['versions']['3']['VersionDescription'].endswith('(rollout from version 1)')"

# 3b. Check mode asks AWS nothing that changes state.
play check.log rollout.yml --check -e "ami_id=$second_ami" -e "stack_name=$STACK"
show_on_failure check.log 0
check "rollout.yml --check exits 0" "$playbook_rc"
fixture state "$work/state.json"
expect "... and creates no version and no refresh" "len(s['versions']) == 3 and len(s['refreshes']) == 3"

# 4. rollout_wait=false returns once started; a second rollout is refused; rollback.yml rolls the active one back.
fixture tag moto-refresh-outcome Successful
fixture tag moto-refresh-steps 50
play nowait.log rollout.yml -e "ami_id=$NEW_AMI" -e "stack_name=$STACK" -e rollout_wait=false
show_on_failure nowait.log 0
check "rollout_wait=false exits 0" "$playbook_rc"
output_has "... reporting the refresh as started" nowait.log "started (not waited for)"
play busy.log rollout.yml -e "ami_id=$second_ami" -e "stack_name=$STACK"
show_on_failure busy.log 2
check "second rollout refused" "$([[ $playbook_rc != 0 ]]; echo $?)"
output_has "... saying another refresh is active" busy.log "not starting another"
play rollback-active.log rollback.yml -e "stack_name=$STACK"
show_on_failure rollback-active.log 0
check "rollback.yml of the active refresh exits 0" "$playbook_rc"
output_has "... by RollbackInstanceRefresh" rollback-active.log "mode: rolled back refresh"
fixture state "$work/state.json"
expect "that refresh ended RollbackSuccessful" "s['refreshes'][0]['Status'] == 'RollbackSuccessful'"
expect "no new refresh was started for it" "len(s['refreshes']) == 4"

# 5. Bounded wait: a refresh that does not end within rollout_timeout fails the run with a clear message.
play timeout.log rollout.yml -e "ami_id=$NEW_AMI" -e "stack_name=$STACK" -e rollout_timeout=3
show_on_failure timeout.log 2
check "rollout.yml times out" "$([[ $playbook_rc != 0 ]]; echo $?)"
output_has "... saying it has not ended" timeout.log "has not ended within 3 s"

# 6. Input validation before any AWS call.
play badami.log rollout.yml -e ami_id=ami-nothex -e "stack_name=$STACK"
check "bad ami_id refused" "$([[ $playbook_rc != 0 ]]; echo $?)"
output_has "... with a clear message" badami.log "ami_id must be an AMI ID"

echo
echo "rollout/rollback against moto ($((SECONDS - start)) s)"
printf '%s\n' "${results[@]}"
echo "$(( ${#results[@]} - failures )) passed, $failures failed"
[[ $failures == 0 ]]
