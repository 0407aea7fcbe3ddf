/**
 * `npm run build:schema`: compiles the ASL JSON Schema ahead of time with ajv's standalone mode into
 * grader/validator/generated/asl-schema.js (+ .d.ts). The browser page runs under a strict Content
 * Security Policy without `unsafe-eval`, so no schema may be compiled at run time.
 *
 * `node scripts/build-validator-schema.ts --check` exits 1 when the committed files are out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSchemaModule } from "./validator-schema-codegen.ts";

const outDir = join(import.meta.dirname, "..", "grader", "validator", "generated");
const { js, dts } = generateSchemaModule();
const files = { "asl-schema.js": js, "asl-schema.d.ts": dts };
if (process.argv.includes("--check")) {
  let stale = false;
  for (const [name, content] of Object.entries(files)) {
    let current: string;
    try {
      current = readFileSync(join(outDir, name), "utf8");
    } catch {
      current = "";
    }
    if (current !== content) {
      console.error(`${name} está desatualizado: rode 'npm run build:schema'.`);
      stale = true;
    }
  }
  process.exit(stale ? 1 : 0);
}
for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
console.log(`Gerados ${Object.keys(files).join(", ")} em ${outDir}`);
