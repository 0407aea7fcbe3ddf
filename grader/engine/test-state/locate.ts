/**
 * Which state a TestState request tests: the definition itself when it is one state, or — with
 * `stateName` — the state of that name anywhere in a full state machine (Parallel branches and Map
 * processors included), with the query language it inherits.
 */
import { aws, awsGeneric, explain } from "./messages.ts";
import { TestStateError } from "./types.ts";

export interface LocatedState {
  readonly name: string;
  readonly state: Record<string, unknown>;
  /** The machine-level QueryLanguage the state inherits (a state's own field overrides it). */
  readonly queryLanguage?: unknown;
  /** True when the state sits inside a Map's ItemProcessor (or legacy Iterator). */
  readonly insideMap: boolean;
  /** The full definition, when the request gave one (validated as a whole). */
  readonly machine?: Record<string, unknown>;
}

/** The name a lone state runs under. */
export const LONE_STATE_NAME = "TestState";

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Every nested scope's states: Parallel branches, Map ItemProcessor / Iterator. */
function* scopesOf(state: Record<string, unknown>): Generator<{ states: unknown; insideMap: boolean }> {
  if (Array.isArray(state.Branches)) {
    for (const branch of state.Branches)
      if (isObject(branch)) yield { states: branch.States, insideMap: false };
  }
  for (const key of ["ItemProcessor", "Iterator"]) {
    const processor = state[key];
    if (isObject(processor)) yield { states: processor.States, insideMap: true };
  }
}

function find(
  states: unknown,
  name: string,
  insideMap: boolean,
  depth: number,
): { state: Record<string, unknown>; insideMap: boolean } | undefined {
  if (!isObject(states) || depth > 64) return undefined;
  const direct = states[name];
  if (Object.hasOwn(states, name) && isObject(direct)) return { state: direct, insideMap };
  for (const state of Object.values(states)) {
    if (!isObject(state)) continue;
    for (const scope of scopesOf(state)) {
      const found = find(scope.states, name, insideMap || scope.insideMap, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Names of every state nested inside `state` (its branches or processor, at any depth). */
export function nestedStateNames(state: Record<string, unknown>, depth = 0): Set<string> {
  const names = new Set<string>();
  if (depth > 64) return names;
  for (const scope of scopesOf(state)) {
    if (!isObject(scope.states)) continue;
    for (const [name, inner] of Object.entries(scope.states)) {
      names.add(name);
      if (isObject(inner)) for (const nested of nestedStateNames(inner, depth + 1)) names.add(nested);
    }
  }
  return names;
}

export function locateState(
  definition: Record<string, unknown>,
  stateName: string | undefined,
): LocatedState {
  const isMachine = "States" in definition || "StartAt" in definition;
  if (stateName === undefined) {
    if (isMachine) {
      throw new TestStateError(
        "InvalidDefinition",
        awsGeneric.InvalidDefinition,
        explain.definitionNeedsStateName,
      );
    }
    return { name: LONE_STATE_NAME, state: definition, insideMap: false };
  }
  if (!isMachine) {
    throw new TestStateError("ValidationException", aws.stateNotFound, explain.stateNameOnSingleState);
  }
  const found = find(definition.States, stateName, false, 0);
  if (!found)
    throw new TestStateError("ValidationException", aws.stateNotFound, explain.stateNotFound(stateName));
  return {
    name: stateName,
    state: found.state,
    queryLanguage: definition.QueryLanguage,
    insideMap: found.insideMap,
    machine: definition,
  };
}
