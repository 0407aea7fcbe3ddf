/**
 * The JSON Schema runs pre-compiled (ajv standalone): the browser page has a strict Content Security
 * Policy without 'unsafe-eval'. The committed module must match what the build script generates.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSchemaModule } from "../../scripts/validator-schema-codegen.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const GENERATED = join(ROOT, "grader", "validator", "generated");

describe("pre-compiled schema", () => {
  it("regenerating gives byte-identical files (run `npm run build:schema` after editing the schema)", () => {
    const { js, dts } = generateSchemaModule();
    expect(readFileSync(join(GENERATED, "asl-schema.js"), "utf8")).toBe(js);
    expect(readFileSync(join(GENERATED, "asl-schema.d.ts"), "utf8")).toBe(dts);
  });

  it("the generated module has no eval, no new Function and no imports", () => {
    const js = readFileSync(join(GENERATED, "asl-schema.js"), "utf8");
    expect(js).not.toMatch(/new\s+Function|\beval\s*\(|\bFunction\s*\(/);
    expect(js).not.toMatch(/^\s*import\s|\brequire\s*\(/m);
    expect(js).toContain("export const machine");
  });
});

describe("the validator under a no-eval policy", () => {
  const original = { eval: globalThis.eval, Function: globalThis.Function };

  beforeAll(() => {
    const refuse = () => {
      throw new Error("CSP: unsafe-eval");
    };
    globalThis.eval = refuse as typeof eval;
    globalThis.Function = new Proxy(original.Function, { apply: refuse, construct: refuse });
  });

  afterAll(() => {
    globalThis.eval = original.eval;
    globalThis.Function = original.Function;
  });

  it("loads and validates JSONPath, JSONata and YAML without calling eval or Function", async () => {
    expect(() => new Function("return 1")).toThrow("unsafe-eval");
    // A fresh instance of the module graph (the query string), loaded while eval/Function refuse to run.
    const specifier = "../../grader/validator/index.ts?csp";
    const { validateSource } = (await import(
      /* @vite-ignore */ specifier
    )) as typeof import("../../grader/validator/index.ts");
    const json = readFileSync(join(import.meta.dirname, "corpus", "aws-jsonata-order.asl.json"), "utf8");
    const report = validateSource(json, { fileName: "jsonata.asl.json" });
    expect(report.stateMachines[0]!.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const bad = validateSource("StartAt: A\nStates:\n  A: { Type: Pass, Retry: 1, End: true }\n", {
      fileName: "a.yaml",
    });
    expect(bad.stateMachines[0]!.diagnostics.map((d) => d.location)).toEqual(["/States/A/Retry"]);
  });
});
