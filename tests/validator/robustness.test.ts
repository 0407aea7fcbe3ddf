/**
 * The editor validates on every keystroke: half-typed files and definitions of the wrong shape must give
 * diagnostics, never an exception.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileStateMachine, DefinitionError } from "../../grader/engine/index.ts";
import { validateDefinition, validateSource } from "../../grader/validator/index.ts";

const CORPUS = join(import.meta.dirname, "corpus");

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  "",
  "x",
  "$..",
  "{% %}",
  "{% $ %}",
  true,
  [],
  [1],
  {},
  { a: 1 },
];

/** Replaces one randomly chosen value anywhere in the tree with an odd one. */
function mutate(value: unknown, next: () => number): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(value, []);
  const copy = structuredClone(value);
  const path = paths[Math.floor(next() * paths.length)]!;
  if (path.length === 0) return ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path.at(-1)!] = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
  return copy;
}

const jsonFiles = readdirSync(CORPUS).filter((f) => f.endsWith(".json"));

describe("robustness", () => {
  it("definitions with a value of the wrong type anywhere never throw, and get an error or pass", () => {
    const next = random(14);
    let withErrors = 0;
    for (const file of jsonFiles) {
      const definition = JSON.parse(readFileSync(join(CORPUS, file), "utf8"));
      for (let i = 0; i < 40; i++) {
        const mutated = mutate(definition, next);
        const diagnostics = validateDefinition(mutated);
        if (diagnostics.some((d) => d.severity === "error")) withErrors++;
        for (const d of diagnostics) expect(d.message.length).toBeGreaterThan(10);
      }
    }
    // Most random replacements break something; the validator must notice.
    expect(withErrors).toBeGreaterThan(jsonFiles.length * 20);
  });

  it("whenever the engine refuses a definition, the validator reports an error too", () => {
    const next = random(2026);
    const missed: string[] = [];
    for (const file of jsonFiles.filter((f) => !f.startsWith("cfn-"))) {
      const definition = JSON.parse(readFileSync(join(CORPUS, file), "utf8"));
      for (let i = 0; i < 30; i++) {
        const mutated = mutate(definition, next);
        let refused = false;
        try {
          compileStateMachine(mutated);
        } catch (error) {
          if (!(error instanceof DefinitionError)) throw error;
          refused = true;
        }
        if (refused && !validateDefinition(mutated).some((d) => d.severity === "error")) {
          missed.push(`${file}: ${JSON.stringify(mutated).slice(0, 200)}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it("every prefix of a file (as while typing) yields diagnostics, not exceptions", () => {
    for (const file of ["aws-jsonata-order.asl.json", "sam-template.yaml", "cfn-definitionstring-sub.yaml"]) {
      const text = readFileSync(join(CORPUS, file), "utf8");
      for (let end = 0; end < text.length; end += 7) {
        const report = validateSource(text.slice(0, end), { fileName: file });
        const all = [...report.fileDiagnostics, ...report.stateMachines.flatMap((m) => m.diagnostics)];
        // A JSON object cut before its closing brace is incomplete: it must be reported as an error.
        if (file.endsWith(".json") && text.slice(end).trim() !== "") {
          expect(all.some((d) => d.severity === "error")).toBe(true);
        }
      }
    }
  });

  it("an empty DefinitionString is an error, not silence", () => {
    const text =
      "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString:\n";
    const report = validateSource(text, { fileName: "t.yaml" });
    expect(report.fileDiagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["IAC_DEFINITION_UNREADABLE", "error"],
    ]);
  });

  it("odd top-level values are reported at '/'", () => {
    for (const value of [null, 1, "texto", [], { States: [] }, { StartAt: 1, States: { A: 1 } }]) {
      const diagnostics = validateDefinition(value);
      expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
    }
  });
});
