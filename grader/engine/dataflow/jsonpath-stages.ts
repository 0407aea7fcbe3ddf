/**
 * JSONPath data-flow stages: InputPath, ResultPath, OutputPath, a JSONPath Assign, and the scope
 * (`$`, `$$`, variables) paths and Parameters/ResultSelector templates read.
 */
import { contextObject } from "./context-object.ts";
import { variablesOf } from "./variables.ts";
import type { Assignment, CompiledState, OptionalPath } from "../definition.ts";
import { StatesError, StatesErrors } from "../errors.ts";
import { noteInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import type { Assigned } from "../jsonata-plans.ts";
import { type CompiledPath, type PathScope, applyResultPath } from "../jsonpath.ts";
import { json } from "../record/json-text.ts";
import type { Frame } from "../record/types.ts";

export function pathScope(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  data: unknown,
  extraContext?: object,
): PathScope {
  return {
    data,
    context: state.readsContext ? contextObject(run, frame, state, extraContext) : undefined,
    variables: variablesOf(run, frame),
  };
}

/** A JSONPath state's Assign: `.$` keys read `data` (see `jsonPathAssignData`), variables, `$$`. */
export function evaluateJsonPathAssign(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  assignment: Assignment | undefined,
  data: unknown,
): Assigned {
  if (!assignment || assignment.language !== "JSONPath") return undefined;
  return assignment.template.evaluate(pathScope(run, frame, state, data), run.intrinsicEnv) as Record<
    string,
    unknown
  >;
}

export function applyInputPath(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  path: OptionalPath,
): unknown {
  let value: unknown;
  if (path === undefined) value = frame.input;
  else if (path === null) value = {};
  else value = selectOrFail(run, path, pathScope(run, frame, state, frame.input), "InputPath");
  noteInspection(run, frame, { afterInputPath: value });
  return value;
}

/** AWS's cause when a reference path selects nothing (asl-semantics.md b15). */
export function pathNotFound(path: string, field: string, input: unknown): string {
  return `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${json(input)}'`;
}

/**
 * A value a `…Path` field selected is not what the field needs: AWS's wording, quoting a string as
 * it is and anything else as JSON.
 */
export function pathValueInvalid(field: string, value: unknown, expected: string, path: string): string {
  const text = typeof value === "string" ? value : json(value);
  return `The ${field} field refers to value "${text}" which is not a valid ${expected}: ${path}`;
}

export function selectOrFail(run: Interpreter, path: CompiledPath, scope: PathScope, field: string): unknown {
  const value = path.select(scope);
  if (value === undefined) {
    const source = path.text.startsWith("$$") ? scope.context : scope.data;
    throw new StatesError(StatesErrors.Runtime, pathNotFound(path.text, field, source));
  }
  return value;
}

export function applyStateResultPath(
  run: Interpreter,
  frame: Frame,
  resultPath: string | null,
  result: unknown,
): unknown {
  const value = resultPath === null ? frame.input : applyResultPath(frame.input, resultPath, result);
  noteInspection(run, frame, { afterResultPath: value });
  return value;
}

export function applyOutputPath(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  value: unknown,
): unknown {
  if (state.outputPath === undefined) return value;
  if (state.outputPath === null) return {};
  return selectOrFail(run, state.outputPath, pathScope(run, frame, state, value), "OutputPath");
}
