/**
 * What a JSONata state decides, computed asynchronously (JSONata evaluation is async) and without
 * touching the execution record: the interpreter applies a plan in one synchronous step. Each
 * function follows AWS's order for its state type: on entry every field sees `$states.input`,
 * `$states.context` and the variables as they were when the state was entered; a Task's, Parallel's
 * or Map's Output and Assign also see `$states.result`, a Catch's `$states.errorOutput`.
 */
import type {
  Assignment,
  Catcher,
  ChoiceState,
  CompiledState,
  FailState,
  MapState,
  TaskState,
  WaitState,
} from "./definition.ts";
import { StatesError, StatesErrors } from "./errors.ts";
import type { BatchLimits } from "./item-reader.ts";
import {
  unexpectedType,
  type CompiledJsonataValue,
  type JsonataRuntime,
  type JsonataScope,
} from "./jsonata.ts";
import { waitTimestampMillis } from "./timestamps.ts";

export type Assigned = Readonly<Record<string, unknown>> | undefined;

export type EntryPlan =
  /** Pass and Succeed: leave with this output. */
  | { readonly kind: "leave"; readonly output: unknown; readonly assigned: Assigned }
  | { readonly kind: "choice"; readonly next: string; readonly output: unknown; readonly assigned: Assigned }
  | {
      readonly kind: "wait";
      readonly untilMillis: number;
      readonly output: unknown;
      readonly assigned: Assigned;
    }
  | { readonly kind: "fail"; readonly error?: string; readonly cause?: string }
  | { readonly kind: "parallel"; readonly input: unknown }
  | {
      readonly kind: "map";
      readonly inputs: readonly unknown[];
      readonly maxConcurrency: number;
      readonly toleratedFailureCount?: number;
      readonly toleratedFailurePercentage?: number;
      readonly batcher?: BatchLimits;
      readonly resultWriter?: { readonly bucket?: unknown; readonly prefix?: unknown };
    };

export interface TaskAttemptPlan {
  readonly arguments: unknown;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
}

export interface ExitPlan {
  readonly output: unknown;
  readonly assigned: Assigned;
}

/** Evaluates an Assign of either query language against a JSONata scope (JSONata) — see `assignValues`. */
async function assignJsonata(
  assignment: Assignment | undefined,
  scope: JsonataScope,
  runtime: JsonataRuntime,
) {
  if (!assignment) return undefined;
  if (assignment.language !== "JSONata") return undefined;
  return (await assignment.value.evaluate(scope, runtime)) as Record<string, unknown>;
}

async function optional(
  value: CompiledJsonataValue | undefined,
  scope: JsonataScope,
  runtime: JsonataRuntime,
): Promise<unknown> {
  return value ? value.evaluate(scope, runtime) : undefined;
}

async function integerField(
  value: CompiledJsonataValue | undefined,
  scope: JsonataScope,
  runtime: JsonataRuntime,
  minimum: number,
): Promise<number | undefined> {
  if (!value) return undefined;
  const result = await value.evaluate(scope, runtime);
  if (typeof result !== "number" || !Number.isInteger(result)) throw unexpectedType(value, "integer", result);
  if (result < minimum) {
    throw new StatesError(
      StatesErrors.QueryEvaluationError,
      `The value of the field '${value.field}' must be at least ${minimum}, but was ${result}.`,
    );
  }
  return result;
}

function timestampMillis(value: CompiledJsonataValue, result: unknown): number {
  if (typeof result !== "string") throw unexpectedType(value, "string", result);
  const millis = waitTimestampMillis(result);
  if (millis === undefined) {
    throw new StatesError(
      StatesErrors.QueryEvaluationError,
      `The Timestamp field does not reference a valid ISO-8601 extended offset date-time format string: ${JSON.stringify(result)}`,
    );
  }
  return millis;
}

async function waitPlan(state: WaitState, scope: JsonataScope, runtime: JsonataRuntime): Promise<EntryPlan> {
  const fields = state.jsonata!;
  let untilMillis: number;
  if (fields.seconds) {
    untilMillis = runtime.nowMillis + (await integerField(fields.seconds, scope, runtime, 0))! * 1000;
  } else if (fields.timestamp) {
    untilMillis = timestampMillis(fields.timestamp, await fields.timestamp.evaluate(scope, runtime));
  } else if (state.seconds !== undefined) {
    untilMillis = runtime.nowMillis + state.seconds * 1000;
  } else {
    untilMillis = Math.floor(Date.parse(state.timestamp!) / 1000) * 1000;
  }
  return {
    kind: "wait",
    untilMillis: Math.max(untilMillis, runtime.nowMillis),
    output: fields.output ? await fields.output.evaluate(scope, runtime) : scope.input,
    assigned: await assignJsonata(state.assign, scope, runtime),
  };
}

async function choicePlan(
  state: ChoiceState,
  scope: JsonataScope,
  runtime: JsonataRuntime,
): Promise<EntryPlan> {
  for (const rule of state.choices) {
    const matched = await rule.condition!.evaluate(scope, runtime);
    if (typeof matched !== "boolean") throw unexpectedType(rule.condition!, "boolean", matched);
    if (!matched) continue;
    const output = rule.output ?? state.jsonata!.output;
    return {
      kind: "choice",
      next: rule.next,
      output: output ? await output.evaluate(scope, runtime) : scope.input,
      // When a rule matches, only that rule's Assign runs.
      assigned: await assignJsonata(rule.assign, scope, runtime),
    };
  }
  if (state.defaultNext === undefined) {
    throw new StatesError(StatesErrors.NoChoiceMatched, "No Choice Rule matched and there was no Default");
  }
  const output = state.jsonata!.output;
  return {
    kind: "choice",
    next: state.defaultNext,
    output: output ? await output.evaluate(scope, runtime) : scope.input,
    assigned: await assignJsonata(state.assign, scope, runtime),
  };
}

async function failPlan(state: FailState, scope: JsonataScope, runtime: JsonataRuntime): Promise<EntryPlan> {
  const text = async (expression: CompiledJsonataValue | undefined, literal: typeof state.error) => {
    if (expression) {
      const value = await expression.evaluate(scope, runtime);
      if (typeof value !== "string") throw unexpectedType(expression, "string", value);
      return value;
    }
    return literal && "literal" in literal ? literal.literal : undefined;
  };
  return {
    kind: "fail",
    error: await text(state.jsonata!.error, state.error),
    cause: await text(state.jsonata!.cause, state.cause),
  };
}

async function mapPlan(
  state: MapState,
  scope: JsonataScope,
  runtime: JsonataRuntime,
  readItems?: unknown[],
): Promise<EntryPlan> {
  const fields = state.jsonata!;
  const items = readItems ?? (fields.items ? await fields.items.evaluate(scope, runtime) : scope.input);
  if (!Array.isArray(items)) {
    if (fields.items) throw unexpectedType(fields.items, "array", items);
    throw new StatesError(
      StatesErrors.QueryEvaluationError,
      `Map state input must be an array but was: ${JSON.stringify(items)}`,
    );
  }
  const inputs: unknown[] = [];
  if (fields.itemSelector) {
    const context = scope.context as Record<string, unknown>;
    for (let index = 0; index < items.length; index++) {
      const itemScope: JsonataScope = {
        ...scope,
        context: { ...context, Map: { Item: { Index: index, Value: items[index], Source: "STATE_DATA" } } },
      };
      inputs.push(await fields.itemSelector.evaluate(itemScope, runtime));
    }
  } else {
    // One at a time: spreading 200,000 items into push() overflows the call stack.
    for (const item of items) inputs.push(item);
  }
  const percentage = fields.toleratedFailurePercentage
    ? await fields.toleratedFailurePercentage.evaluate(scope, runtime)
    : state.toleratedFailurePercentage;
  if (percentage !== undefined && (typeof percentage !== "number" || percentage < 0 || percentage > 100)) {
    throw new StatesError(
      StatesErrors.QueryEvaluationError,
      "ToleratedFailurePercentage must be between 0 and 100.",
    );
  }
  const batcher = state.itemBatcher;
  const writer = state.resultWriter?.arguments
    ? ((await state.resultWriter.arguments.evaluate(scope, runtime)) as Record<string, unknown>)
    : undefined;
  return {
    kind: "map",
    inputs,
    batcher: batcher
      ? {
          maxItems: batcher.maxItemsPerBatch,
          maxBytes: batcher.maxInputBytesPerBatch,
          batchInput: batcher.batchInputJsonata
            ? await batcher.batchInputJsonata.evaluate(scope, runtime)
            : undefined,
        }
      : undefined,
    resultWriter: state.resultWriter ? { bucket: writer?.Bucket, prefix: writer?.Prefix } : undefined,
    maxConcurrency: (await integerField(fields.maxConcurrency, scope, runtime, 0)) ?? state.maxConcurrency,
    toleratedFailureCount:
      (await integerField(fields.toleratedFailureCount, scope, runtime, 0)) ?? state.toleratedFailureCount,
    toleratedFailurePercentage: percentage as number | undefined,
  };
}

/** Everything a JSONata state decides when it is entered (Task states: see `planTaskAttempt`). */
export async function planEntry(
  state: CompiledState,
  scope: JsonataScope,
  runtime: JsonataRuntime,
  /** Items a Distributed Map's ItemReader already read. */
  readItems?: unknown[],
): Promise<EntryPlan> {
  const fields = state.jsonata!;
  switch (state.type) {
    case "Pass":
      return {
        kind: "leave",
        output: fields.output ? await fields.output.evaluate(scope, runtime) : scope.input,
        assigned: await assignJsonata(state.assign, scope, runtime),
      };
    case "Succeed":
      return {
        kind: "leave",
        output: fields.output ? await fields.output.evaluate(scope, runtime) : scope.input,
        assigned: undefined,
      };
    case "Wait":
      return waitPlan(state, scope, runtime);
    case "Choice":
      return choicePlan(state, scope, runtime);
    case "Fail":
      return failPlan(state, scope, runtime);
    case "Parallel":
      return {
        kind: "parallel",
        input: fields.arguments ? await fields.arguments.evaluate(scope, runtime) : scope.input,
      };
    case "Map":
      return mapPlan(state, scope, runtime, readItems);
    case "Task":
      throw new Error("Task states are planned per attempt");
  }
}

/** One attempt of a JSONata Task: its Arguments and time limits. */
export async function planTaskAttempt(
  state: TaskState,
  scope: JsonataScope,
  runtime: JsonataRuntime,
): Promise<TaskAttemptPlan> {
  const fields = state.jsonata!;
  return {
    timeoutSeconds: (await integerField(fields.timeoutSeconds, scope, runtime, 1)) ?? state.timeoutSeconds,
    heartbeatSeconds:
      (await integerField(fields.heartbeatSeconds, scope, runtime, 1)) ?? state.heartbeatSeconds,
    arguments: (await optional(fields.arguments, scope, runtime)) ?? scope.input,
  };
}

/** A Task's, Parallel's or Map's Output and Assign, once its result is known. */
export async function planExit(
  state: CompiledState,
  scope: JsonataScope,
  runtime: JsonataRuntime,
): Promise<ExitPlan> {
  const output = state.jsonata!.output;
  return {
    output: output ? await output.evaluate(scope, runtime) : scope.result,
    assigned: await assignJsonata(state.assign, scope, runtime),
  };
}

/** A matching catcher's Output (default: the error output) and Assign. */
export async function planCatch(
  catcher: Catcher,
  scope: JsonataScope,
  runtime: JsonataRuntime,
): Promise<ExitPlan> {
  return {
    output: catcher.output ? await catcher.output.evaluate(scope, runtime) : scope.errorOutput,
    assigned: await assignJsonata(catcher.assign, scope, runtime),
  };
}
