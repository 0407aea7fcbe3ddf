/**
 * Structural features of a state machine that explain a wrong answer at a glance ("no Retry", "the Catch
 * has no ResultPath", "no Parallel: the branches run in sequence"). A feature is only worth showing
 * when the reference solution does not have it too, so every detector is read against the solution.
 * Browser-safe: plain data in, plain data out.
 */
import { allStates, type DefinitionState } from "../../grading/checks.ts";
import type { SectionId } from "../../validator/messages.ts";
import { classMessages as m } from "./messages.ts";

export interface StructuralFeature {
  /** Stable id, e.g. `no-retry`, `missing-type:Parallel`, `missing-state:NotificarFalhaPagamento`. */
  readonly id: string;
  /** pt-BR, for the instructor. */
  readonly label: string;
  /** The lesson section that teaches it; undefined: the exercise's own section. */
  readonly section?: SectionId;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const entries = (state: Json, field: string): Json[] => {
  const list = state[field];
  return Array.isArray(list) ? list.filter(isObject) : [];
};

const WILDCARDS = new Set(["States.ALL", "States.TaskFailed"]);

/** Fields whose absence changes what data flows: reported when the solution uses them and the student never does. */
const DATA_FIELDS: Readonly<Record<string, SectionId>> = {
  ResultPath: "anatomy",
  ResultSelector: "anatomy",
  InputPath: "anatomy",
  OutputPath: "anatomy",
  Parameters: "anatomy",
  ItemSelector: "parallel",
  TimeoutSeconds: "errors",
  HeartbeatSeconds: "errors",
};

const TYPE_SECTIONS: Readonly<Record<string, SectionId>> = {
  Parallel: "parallel",
  Map: "parallel",
  Choice: "anatomy",
  Wait: "anatomy",
  Pass: "anatomy",
  Fail: "errors",
  Succeed: "anatomy",
  Task: "anatomy",
};

interface Detector {
  readonly id: string;
  readonly section: SectionId;
  readonly present: (states: readonly DefinitionState[]) => boolean;
}

const DETECTORS: readonly Detector[] = [
  {
    id: "no-retry",
    section: "errors",
    present: (states) => !states.some(({ state }) => entries(state, "Retry").length > 0),
  },
  {
    id: "no-catch",
    section: "errors",
    present: (states) => !states.some(({ state }) => entries(state, "Catch").length > 0),
  },
  {
    id: "catch-replaces-input",
    section: "errors",
    present: (states) =>
      states.some(({ state }) => entries(state, "Catch").some((catcher) => !("ResultPath" in catcher))),
  },
  {
    id: "retry-wildcard",
    section: "errors",
    present: (states) =>
      states.some(({ state }) =>
        entries(state, "Retry").some(
          (retrier) =>
            Array.isArray(retrier["ErrorEquals"]) &&
            retrier["ErrorEquals"].some((name) => typeof name === "string" && WILDCARDS.has(name)),
        ),
      ),
  },
  {
    id: "constant-backoff",
    section: "errors",
    present: (states) =>
      states.some(({ state }) =>
        entries(state, "Retry").some(
          (retrier) => typeof retrier["BackoffRate"] === "number" && retrier["BackoffRate"] <= 1,
        ),
      ),
  },
];

function typesOf(states: readonly DefinitionState[]): Set<string> {
  return new Set(states.map(({ state }) => String(state["Type"])));
}

function fieldsOf(states: readonly DefinitionState[]): Set<string> {
  const found = new Set<string>();
  for (const { state } of states) {
    for (const field of Object.keys(state)) found.add(field);
    for (const catcher of entries(state, "Catch")) if ("ResultPath" in catcher) found.add("ResultPath");
  }
  return found;
}

/** What the solution looks like, computed once per class. */
export interface ReferenceShape {
  readonly detectors: ReadonlySet<string>;
  readonly types: ReadonlySet<string>;
  readonly fields: ReadonlySet<string>;
  readonly stateNames: readonly string[];
  readonly starterKey?: string;
}

/** Key order and whitespace do not matter: the same data gives the same key. */
export function canonicalKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(",")}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

export function referenceShape(solution: unknown, starter?: unknown): ReferenceShape {
  const states = allStates(solution);
  return {
    detectors: new Set(DETECTORS.filter((d) => d.present(states)).map((d) => d.id)),
    types: typesOf(states),
    fields: fieldsOf(states),
    stateNames: states.map(({ name }) => name),
    ...(starter !== undefined ? { starterKey: canonicalKey(withoutComments(starter)) } : {}),
  };
}

function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "Comment")
      .map(([key, inner]) => [key, withoutComments(inner)]),
  );
}

/** The features this definition has and the reference solution does not, in a fixed order. */
export function structuralFeatures(definition: unknown, reference: ReferenceShape): StructuralFeature[] {
  if (
    reference.starterKey !== undefined &&
    canonicalKey(withoutComments(definition)) === reference.starterKey
  )
    return [{ id: "starter-unchanged", label: m.feature.starterUnchanged }];
  const states = allStates(definition);
  const found: StructuralFeature[] = [];
  for (const detector of DETECTORS)
    if (!reference.detectors.has(detector.id) && detector.present(states))
      found.push({
        id: detector.id,
        label: m.feature.detector[detector.id] ?? detector.id,
        section: detector.section,
      });
  const types = typesOf(states);
  for (const type of [...reference.types].sort())
    if (!types.has(type))
      found.push({
        id: `missing-type:${type}`,
        label: m.feature.missingType(type),
        section: TYPE_SECTIONS[type] ?? "anatomy",
      });
  const fields = fieldsOf(states);
  for (const field of Object.keys(DATA_FIELDS))
    if (reference.fields.has(field) && !fields.has(field))
      found.push({
        id: `missing-field:${field}`,
        label: m.feature.missingField(field),
        section: DATA_FIELDS[field],
      });
  const names = new Set(states.map(({ name }) => name));
  for (const name of reference.stateNames)
    if (!names.has(name)) found.push({ id: `missing-state:${name}`, label: m.feature.missingState(name) });
  return found;
}
