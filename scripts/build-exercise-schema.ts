/**
 * Compiles the exercise file schema ahead of time (the browser page runs without `unsafe-eval`, so
 * no schema is compiled at run time) into grader/grading/generated/, and writes
 * exercises/exercise.schema.json for editors. `--check` exits 1 when the committed files are stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateExerciseSchemaFiles } from "./exercise-schema-codegen.ts";

const root = join(import.meta.dirname, "..");
const { js, dts, json } = generateExerciseSchemaFiles();
const files: Record<string, string> = {
  "grader/grading/generated/exercise-schema.js": js,
  "grader/grading/generated/exercise-schema.d.ts": dts,
  "exercises/exercise.schema.json": json,
};
if (process.argv.includes("--check")) {
  let stale = false;
  for (const [name, content] of Object.entries(files)) {
    let current = "";
    try {
      current = readFileSync(join(root, name), "utf8");
    } catch {
      // missing: stale
    }
    if (current !== content) {
      console.error(`${name} está desatualizado: rode 'node scripts/build-exercise-schema.ts'.`);
      stale = true;
    }
  }
  process.exit(stale ? 1 : 0);
}
for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
console.log(`Gerados ${Object.keys(files).join(", ")}`);
