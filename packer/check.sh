#!/usr/bin/env bash
# Offline checks of the AMI template, run as `bash packer/check.sh` (also from .ci/run):
#   - packer fmt -check on every directory holding *.pkr.hcl (Packer 1.6.6 has no fmt -recursive);
#   - packer validate with a dummy artefact and dummy version, commit and KMS key, for both artefact kinds
#     and both ways of connecting; it checks every builder, provisioner and post-processor setting, that
#     ansible-playbook runs and that ../ansible/site.yml exists;
#   - inputs and templates that must be rejected, so that a validate which accepts anything is noticed;
#   - packer/imds-v2.sh against a stand-in aws command: which instance and AMIs it changes, and how;
#   - shellcheck of packer/*.sh.
# No AWS credentials are used: validate needs none and makes no AWS call. To prove it, validate runs with the
# AWS variables and files masked and, where the kernel lets this user, in an empty network namespace.
# Works with Packer 1.6.6 and, after `packer init packer/plugins/required_plugins.pkr.hcl`, with newer Packer.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  printf '\n✗ packer/check.sh: %s\n' "$*" >&2
  exit 1
}
step() { printf '\n== %s\n' "$*"; }

for tool in packer ansible-playbook shellcheck jq; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: apt-get install packer ansible shellcheck jq)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/ansible-home"

# Only what Packer and Ansible need; no AWS_* variable gets through, and the SDK reads no profile.
isolate=(env -i "PATH=$PATH" "HOME=$HOME" "TMPDIR=$work" CHECKPOINT_DISABLE=1
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true
  "ANSIBLE_HOME=$work/ansible-home" "ANSIBLE_LOCAL_TEMP=$work/ansible-home/tmp")
[[ -z ${PACKER_PLUGIN_PATH:-} ]] || isolate+=("PACKER_PLUGIN_PATH=$PACKER_PLUGIN_PATH")
if unshare -n true 2>/dev/null; then
  isolate+=(unshare -n)
  network="no network at all (empty network namespace)"
else
  network="network reachable (unshare -n is not permitted here), AWS credentials masked"
fi

# Dummy inputs, each in the shape its validation rule expects.
jvm_artifact="$work/storefront-0.0.0-check.tar.gz"
native_artifact="$work/storefront-0.0.0-check-runner"
: >"$jvm_artifact"
: >"$native_artifact"
chmod +x "$native_artifact"
dummies=(
  -var storefront_version=0.0.0-check
  -var git_commit=0123456789abcdef0123456789abcdef01234567
  -var kms_key_id=arn:aws:kms:eu-central-1:000000000000:key/00000000-0000-0000-0000-000000000000
)
jvm=("${dummies[@]}" -var "storefront_artifact=$jvm_artifact")
native=("${dummies[@]}" -var "storefront_artifact=$native_artifact" -var storefront_artifact_kind=native
  -var environment=prod -var ssh_interface=session_manager -var ssm_instance_profile=packer-ssm
  -var subnet_id=subnet-0123456789abcdef0 -var 'ssh_allowed_cidrs=["192.0.2.10/32"]')

# validate_ok NAME DIR ARGS…: the template in DIR must validate.
validate_ok() {
  local name=$1 dir=$2
  shift 2
  if ! "${isolate[@]}" packer validate "$@" "$dir" >"$work/out" 2>&1; then
    cat "$work/out" >&2
    fail "validate failed: $name"
  fi
  echo "ok       $name"
}

# validate_rejects NAME EXPECTED DIR ARGS…: validate must fail, and for the expected reason.
validate_rejects() {
  local name=$1 expected=$2 dir=$3
  shift 3
  if "${isolate[@]}" packer validate "$@" "$dir" >"$work/out" 2>&1; then
    fail "validate accepted what it must reject: $name"
  fi
  if ! tr -s ' \n' ' ' <"$work/out" | grep -qF -- "$expected"; then
    cat "$work/out" >&2
    fail "validate rejected '$name', but not with: $expected"
  fi
  echo "rejected $name"
}

step "packer $(packer version | head -n1) — fmt"
mapfile -t template_dirs < <(find packer -name '*.pkr.hcl' -printf '%h\n' | sort -u)
((${#template_dirs[@]})) || fail "no *.pkr.hcl under packer/"
for dir in "${template_dirs[@]}"; do
  packer fmt -check -diff "$dir" || fail "$dir is not formatted: run packer fmt $dir"
  echo "ok       fmt $dir"
done

step "plugin requirements stay out of the template directory"
# Packer 1.6.6 loads every *.pkr.hcl in packer/ and rejects a required_plugins block.
if grep -lE '^[[:space:]]*required_plugins[[:space:]]*\{' packer/*.pkr.hcl; then
  fail "required_plugins must stay in packer/plugins/, not in packer/"
fi
echo "ok       packer/*.pkr.hcl have no required_plugins"

step "validate ($network)"
validate_ok "jvm tarball, public IP, defaults" packer/ "${jvm[@]}"
validate_ok "native executable, Session Manager, prod" packer/ "${native[@]}"

step "validate rejects bad inputs"
validate_rejects "missing artefact" "must be an existing file" packer/ \
  "${dummies[@]}" -var "storefront_artifact=$work/absent.tar.gz"
validate_rejects "unknown artefact kind" "must be jvm or native" packer/ \
  "${jvm[@]}" -var storefront_artifact_kind=docker
validate_rejects "short commit hash" "full 40-character" packer/ \
  "${jvm[@]}" -var git_commit=0123456
validate_rejects "version unusable in an AMI name" "must be a version like" packer/ \
  "${jvm[@]}" -var 'storefront_version=1.0 final'
validate_rejects "KMS alias name instead of ARN" "must be a KMS key ARN" packer/ \
  "${jvm[@]}" -var kms_key_id=alias/storefront
validate_rejects "environment name the stack would refuse" "must be a stack environment name" packer/ \
  "${jvm[@]}" -var environment=Prod_1
validate_rejects "bad CIDR" "list of IPv4 CIDR blocks" packer/ \
  "${jvm[@]}" -var 'ssh_allowed_cidrs=["10.0.0.0/33"]'
validate_rejects "Session Manager without instance profile" "no iam_instance_profile defined" packer/ \
  "${jvm[@]}" -var ssh_interface=session_manager
validate_rejects "artefact, commit and key left unset" 'Unset variable "storefront_artifact"' packer/ \
  -var storefront_version=0.0.0-check

step "validate rejects broken templates"
# A copy beside a link to the real ansible/, so that path.root/../ansible resolves as in the repository.
copy="$work/repo"
mkdir -p "$copy/packer"
cp packer/*.pkr.hcl packer/*.sh "$copy/packer/"
ln -s "$PWD/ansible" "$copy/ansible"
validate_ok "unchanged copy (control)" "$copy/packer/" "${jvm[@]}"
cp packer/storefront.pkr.hcl "$work/storefront.pkr.hcl"
sed 's/var\.kms_key_id/var.kms_key_idd/' "$work/storefront.pkr.hcl" >"$copy/packer/storefront.pkr.hcl"
validate_rejects "reference to an undeclared variable" "kms_key_idd" "$copy/packer/" "${jvm[@]}"
cp "$work/storefront.pkr.hcl" "$copy/packer/storefront.pkr.hcl"
rm "$copy/packer/variables.pkr.hcl"
validate_rejects "variables file missing" "Undefined -var variable" "$copy/packer/" "${jvm[@]}"
cp packer/variables.pkr.hcl "$copy/packer/"
sed 's|/../ansible/site.yml|/../ansible/absent.yml|' "$work/storefront.pkr.hcl" >"$copy/packer/storefront.pkr.hcl"
validate_rejects "playbook path that does not resolve" "absent.yml" "$copy/packer/" "${jvm[@]}"

step "imds-v2.sh against a stand-in aws command"
# It answers as EC2 would and records the calls; ami-0already has ImdsSupport v2.0 already.
mkdir -p "$work/stub"
cat >"$work/stub/aws" <<'STUB'
#!/usr/bin/env bash
echo "$*" >>"$AWS_STUB_LOG"
case "$2" in
  describe-instances) printf 'applied\trequired\n' ;;
  describe-images) if [[ $* == *ami-0already* ]]; then echo v2.0; else echo None; fi ;;
esac
STUB
chmod +x "$work/stub/aws"
cat >"$work/manifest.json" <<'JSON'
{"builds": [
  {"artifact_id": "eu-central-1:ami-0earlier", "packer_run_uuid": "run-1"},
  {"artifact_id": "eu-central-1:ami-0new,eu-west-1:ami-0already", "packer_run_uuid": "run-2"}
], "last_run_uuid": "run-2"}
JSON
imds() { env PATH="$work/stub:$PATH" AWS_STUB_LOG="$work/aws.log" bash packer/imds-v2.sh "$@"; }
: >"$work/aws.log"
imds instance eu-central-1 i-0123456789abcdef0 >/dev/null
grep -qx 'ec2 modify-instance-metadata-options --region eu-central-1 --instance-id i-0123456789abcdef0 --http-tokens required --http-endpoint enabled --http-put-response-hop-limit 1' "$work/aws.log" \
  || fail "imds-v2.sh instance did not require IMDSv2: $(cat "$work/aws.log")"
echo "ok       instance: HttpTokens required, hop limit 1"
: >"$work/aws.log"
imds ami "$work/manifest.json" >/dev/null
mapfile -t changed < <(grep modify-image-attribute "$work/aws.log")
[[ ${#changed[@]} == 1 && ${changed[0]} == 'ec2 modify-image-attribute --region eu-central-1 --image-id ami-0new --imds-support v2.0' ]] \
  || fail "imds-v2.sh ami changed the wrong AMIs: $(cat "$work/aws.log")"
echo "ok       ami: only the last run's AMI without v2.0 changed"
if imds instance eu-central-1 Null >/dev/null 2>&1; then
  fail "imds-v2.sh accepted a build id that is no instance id"
fi
echo "ok       instance: refuses a non-instance id"

step "shellcheck packer/*.sh"
shellcheck packer/*.sh
echo "ok       shellcheck"

printf '\n✓ packer/check.sh: all checks passed\n'
