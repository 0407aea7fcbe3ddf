/**
 * The scenario list of a Step Functions Local mock file, read without the engine (so the engine can load
 * only when the student runs a workflow): the test case names of its first state machine, or why there are
 * none — a located syntax error, or a file without `StateMachines → … → TestCases`. The engine's
 * parseMockConfig checks the whole file when it runs.
 */
import { ui } from "../i18n/pt-BR.ts";
import { readJson, type JsonProblem } from "./read-json.ts";

export interface Scenarios {
  readonly cases: readonly string[];
  /** Why the file lists no scenario (absent for an empty file, which simply has none). */
  readonly problem?: JsonProblem | { readonly message: string };
}

export function readScenarios(mocks: string): Scenarios {
  if (mocks.trim() === "") return { cases: [] };
  const read = readJson(mocks);
  if (!read.ok) return { cases: [], problem: read.problem };
  const machines = isObject(read.value) ? read.value["StateMachines"] : undefined;
  const [machine] = isObject(machines) ? Object.values(machines) : [];
  const cases = isObject(machine) ? machine["TestCases"] : undefined;
  return isObject(cases)
    ? { cases: Object.keys(cases) }
    : { cases: [], problem: { message: ui.playground.mocksNoScenarios } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
