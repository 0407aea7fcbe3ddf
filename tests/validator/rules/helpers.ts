/** Small definitions for the rule tests: each differs from its near miss in the one detail a rule is about. */
import { validateDefinition, type Diagnostic } from "../../../grader/validator/index.ts";

export type Json = Record<string, unknown>;

export const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:Pagar";
export const RETRY = [{ ErrorEquals: ["States.TaskFailed"] }];

/** A machine from a States object (StartAt = first state). */
export function machine(states: Json, extra: Json = {}): Json {
  return { StartAt: Object.keys(states)[0], States: states, ...extra };
}

export function task(extra: Json = {}): Json {
  return { Type: "Task", Resource: LAMBDA, Retry: RETRY, End: true, ...extra };
}

export function found(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

export function locations(definition: unknown, code: string, options = {}): string[] {
  return found(validateDefinition(definition, options), code).map((d) => d.location);
}

export function errors(definition: unknown, options = {}): string[] {
  return validateDefinition(definition, options)
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.location}`);
}

/** Where SCHEMA_VALIDATION_FAILED is reported. */
export const schema = (definition: unknown, options = {}) =>
  locations(definition, "SCHEMA_VALIDATION_FAILED", options);

/** `depth` Parallels nested inside each other. */
export function nestedParallels(depth: number): Json {
  let inner: Json = machine({ [`Folha${depth}`]: { Type: "Pass", End: true } });
  for (let level = depth; level > 0; level--) {
    inner = machine({ [`Nivel${level}`]: { Type: "Parallel", Branches: [inner], End: true } });
  }
  return inner;
}
