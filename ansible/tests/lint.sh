#!/usr/bin/env bash
# Static checks of everything under ansible/: ansible-lint in the production profile (ansible/.ansible-lint), a
# syntax check of each playbook, cfn-lint on the CloudFormation template, shellcheck on the test scripts.
set -euo pipefail
cd "$(dirname "$0")/.."

ansible-lint --nocolor
for playbook in site.yml stack.yml rollout.yml rollback.yml; do
    ansible-playbook --syntax-check -i inventory/localhost.yml "$playbook" >/dev/null
done
cfn-lint cloudformation/*.yaml
# rollout.yml and rollback.yml read these outputs of the stack (the moto test fakes the stack, so check them here).
for output in LaunchTemplateId AutoScalingGroupName RolloutAlarmNames; do
    awk -v name="  $output:" '/^Outputs:/ { outputs = 1; next } /^[A-Za-z]/ { outputs = 0 } outputs && $0 == name { found = 1 }
        END { exit !found }' cloudformation/storefront.yaml ||
        { echo "cloudformation/storefront.yaml: no output $output, which the rollout playbooks read" >&2; exit 1; }
done
shellcheck -x tests/*.sh
python3 -c 'import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])' roles/storefront/files/render-env
echo "ansible/: lint clean"
