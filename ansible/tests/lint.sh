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
shellcheck -x tests/*.sh
python3 -m py_compile roles/storefront/files/render-env
echo "ansible/: lint clean"
