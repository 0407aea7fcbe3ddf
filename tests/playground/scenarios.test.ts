/** The scenario list read from a mock file, and why it is empty when the file is broken. */
import { describe, expect, it } from "vitest";
import { readJson } from "../../src/playground/read-json.ts";
import { readScenarios } from "../../src/playground/scenarios.ts";

const MOCKS = JSON.stringify(
  { StateMachines: { m: { TestCases: { Sucesso: {}, Falha: {} } } }, MockedResponses: {} },
  null,
  2,
);

describe("mock file scenarios", () => {
  it("lists the first state machine's test cases", () => {
    expect(readScenarios(MOCKS)).toEqual({ cases: ["Sucesso", "Falha"] });
    expect(readScenarios("  ")).toEqual({ cases: [] });
  });

  it("a syntax error is located and explained in Portuguese, not JSON.parse's English", () => {
    const { cases, problem } = readScenarios(MOCKS.replace('"StateMachines"', "StateMachines"));
    expect(cases).toEqual([]);
    expect(problem).toMatchObject({ line: 2, column: 3, from: 4 });
    expect(problem?.message).toMatch(/^Erro de sintaxe JSON: /);
    expect(problem?.message).not.toMatch(/Expected|position/);
  });

  it("valid JSON without StateMachines → TestCases says what a mock file needs", () => {
    expect(readScenarios('{ "Casos": {} }').problem?.message).toContain(
      '"StateMachines" → (nome da máquina) → "TestCases"',
    );
  });
});

describe("readJson (the run's input)", () => {
  it("reads JSON like JSON.parse, and locates a trailing comma", () => {
    expect(readJson('{ "a": [1, 2] }')).toEqual({ ok: true, value: { a: [1, 2] } });
    const read = readJson('{\n  "a": 1,\n}');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatchObject({ line: 3, column: 1 });
  });
});
