/**
 * The committed schema artefacts match grader/grading/exercise-schema.ts: the pre-compiled validator
 * parseExercise runs (no run-time compilation in the browser) and the JSON copy editors read.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { generateExerciseSchemaFiles } from "../../scripts/exercise-schema-codegen.ts";

const root = join(import.meta.dirname, "..", "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

it("generated exercise schema files are up to date (node scripts/build-exercise-schema.ts)", () => {
  const { js, dts, json } = generateExerciseSchemaFiles();
  expect(read("grader/grading/generated/exercise-schema.js")).toBe(js);
  expect(read("grader/grading/generated/exercise-schema.d.ts")).toBe(dts);
  expect(read("exercises/exercise.schema.json")).toBe(json);
});

it("the generated validator never compiles code at run time", () => {
  expect(read("grader/grading/generated/exercise-schema.js")).not.toMatch(/new Function|eval\(|require\(/);
});
