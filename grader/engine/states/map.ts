/**
 * Map: the items (ItemsPath/Items or an ItemReader), ItemSelector and ItemBatcher, then one child frame
 * per item, at most MaxConcurrency at a time; a failed iteration fails the Map (inline) unless tolerated.
 */
import { applyInputPath, pathScope, pathValueInvalid, selectOrFail } from "../dataflow/jsonpath-stages.ts";
import type { MapState } from "../definition.ts";
import { StatesError, StatesErrors } from "../errors.ts";
import { stateFailed } from "../flow/error-handling.ts";
import { takeRedriveMemo } from "../flow/redrive.ts";
import { appendEvent } from "../history/append.ts";
import { noteInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import { batchItems } from "../item-reader.ts";
import type { CompiledPath, PathScope } from "../jsonpath.ts";
import { uuidFrom } from "../random.ts";
import { newFrame } from "../record/create.ts";
import { json } from "../record/json-text.ts";
import { DISTRIBUTED_MAP_CONCURRENCY, INLINE_MAP_CONCURRENCY } from "../record/quotas.ts";
import type { Frame, Join, MapRun } from "../record/types.ts";
import { failureTolerated, readItems, readerSource, startChildExecution } from "./distributed-map.ts";
import { abortChildren, joinCompleted } from "./join.ts";

export function startMap(run: Interpreter, frame: Frame, state: MapState): void {
  const scope = pathScope(run, frame, state, frame.effective);
  if (state.itemReader) {
    const parameters = state.itemReader.parameters
      ? state.itemReader.parameters.evaluate(scope, run.intrinsicEnv)
      : {};
    readItems(run, frame, state, parameters, (items) => mapItemsReady(run, frame, state, items));
    return;
  }
  let items: unknown;
  if (state.items !== undefined) items = state.items;
  else if (state.itemsPath === undefined) items = frame.effective;
  else if (state.itemsPath === null) items = {};
  else items = selectOrFail(run, state.itemsPath, scope, "ItemsPath");
  if (!Array.isArray(items)) {
    throw new StatesError(StatesErrors.Runtime, `Map state input must be an array but was: ${json(items)}`);
  }
  mapItemsReady(run, frame, state, items);
}

export function mapItemsReady(run: Interpreter, frame: Frame, state: MapState, items: unknown[]): void {
  const scope = pathScope(run, frame, state, frame.effective);
  noteInspection(run, frame, { afterItemsPath: items });
  const maxConcurrency = state.maxConcurrencyPath
    ? maxConcurrencyAt(run, state.maxConcurrencyPath, scope)
    : state.maxConcurrency;
  const tolerance = toleranceAt(run, state, scope);
  const source = state.itemReader ? readerSource(run, frame, state) : "STATE_DATA";
  let inputs = items.map((item, index) =>
    state.itemSelector
      ? state.itemSelector.evaluate(
          pathScope(run, frame, state, frame.effective, {
            Map: { Item: { Index: index, Value: item, Source: source } },
          }),
          run.intrinsicEnv,
        )
      : item,
  );
  if (state.itemSelector) noteInspection(run, frame, { afterItemSelector: inputs });
  if (state.itemBatcher) {
    const batcher = state.itemBatcher;
    const numberAt = (path: CompiledPath | undefined, literal: number | undefined) => {
      if (!path) return literal;
      const value = selectOrFail(
        run,
        path,
        scope,
        path === batcher.maxItemsPerBatchPath ? "MaxItemsPerBatchPath" : "MaxInputBytesPerBatchPath",
      );
      return typeof value === "number" ? value : literal;
    };
    inputs = batchItems(inputs, {
      maxItems: numberAt(batcher.maxItemsPerBatchPath, batcher.maxItemsPerBatch),
      maxBytes: numberAt(batcher.maxInputBytesPerBatchPath, batcher.maxInputBytesPerBatch),
      batchInput: batcher.batchInput?.evaluate(scope, run.intrinsicEnv),
    });
    noteInspection(run, frame, { afterItemBatcher: inputs });
  }
  let writer: MapRun["resultWriter"];
  if (state.resultWriter?.parameters) {
    const target = state.resultWriter.parameters.evaluate(scope, run.intrinsicEnv) as Record<string, unknown>;
    writer = { bucket: target?.Bucket, prefix: target?.Prefix };
  } else if (state.resultWriter) {
    const target = (state.resultWriter.arguments?.literal ?? {}) as Record<string, unknown>;
    writer = { bucket: target.Bucket, prefix: target.Prefix };
  }
  startMapWith(run, frame, state, inputs, maxConcurrency, tolerance, writer);
}

/**
 * MaxConcurrencyPath: an integer (a number is truncated, an integer string read) that is not negative.
 * AWS's causes as recorded by LocalStack's AWS-validated snapshot tests.
 */
function maxConcurrencyAt(run: Interpreter, path: CompiledPath, scope: PathScope): number {
  const value = selectOrFail(run, path, scope, "MaxConcurrencyPath");
  const number = typeof value === "number" ? Math.trunc(value) : integerText(value);
  if (number === undefined) {
    throw new StatesError(
      StatesErrors.Runtime,
      pathValueInvalid("MaxConcurrencyPath", value, "integer", path.text),
    );
  }
  if (number < 0) {
    throw new StatesError(
      StatesErrors.Runtime,
      `Expected non-negative integer for MaxConcurrency, got '${number}' instead.`,
    );
  }
  return number;
}

function integerText(value: unknown): number | undefined {
  return typeof value === "string" && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * ToleratedFailureCountPath must select a non-negative integer, ToleratedFailurePercentagePath a number
 * from 0 to 100 (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html);
 * anything else fails the state with States.Runtime.
 */
function toleranceAt(
  run: Interpreter,
  state: MapState,
  scope: PathScope,
): Pick<Join, "toleratedFailureCount" | "toleratedFailurePercentage"> {
  const tolerance: { toleratedFailureCount?: number; toleratedFailurePercentage?: number } = {};
  if (state.toleratedFailureCountPath) {
    const path = state.toleratedFailureCountPath;
    const value = selectOrFail(run, path, scope, "ToleratedFailureCountPath");
    if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new StatesError(
        StatesErrors.Runtime,
        pathValueInvalid("ToleratedFailureCountPath", value, "integer", path.text),
      );
    }
    if (value < 0) throw new StatesError(StatesErrors.Runtime, "ToleratedFailureCount cannot be negative.");
    tolerance.toleratedFailureCount = value;
  }
  if (state.toleratedFailurePercentagePath) {
    const path = state.toleratedFailurePercentagePath;
    const value = selectOrFail(run, path, scope, "ToleratedFailurePercentagePath");
    if (typeof value !== "number") {
      throw new StatesError(
        StatesErrors.Runtime,
        pathValueInvalid("ToleratedFailurePercentagePath", value, "float", path.text),
      );
    }
    if (value < 0 || value > 100) {
      throw new StatesError(StatesErrors.Runtime, "ToleratedFailurePercentage must be between 0 and 100.");
    }
    tolerance.toleratedFailurePercentage = value;
  }
  return tolerance;
}

export function startMapWith(
  run: Interpreter,
  frame: Frame,
  state: MapState,
  inputs: readonly unknown[],
  maxConcurrency: number,
  tolerance: Pick<Join, "toleratedFailureCount" | "toleratedFailurePercentage">,
  resultWriter?: MapRun["resultWriter"],
): void {
  const items = inputs;
  const distributed = state.mode === "DISTRIBUTED";
  noteInspection(run, frame, { maxConcurrency });
  frame.lastEventId = appendEvent(
    run.record,
    frame.lastEventId,
    "MapStateStarted",
    "mapStateStartedEventDetails",
    {
      // The size of the array for Map state iterations; 0 when an ItemReader supplies them.
      length: state.itemReader ? 0 : items.length,
    },
  );
  if (distributed) {
    const { identity } = run.record;
    const id = uuidFrom(() => run.random());
    const mapRunArn =
      `arn:aws:states:${identity.region}:${identity.accountId}:mapRun:` +
      `${identity.stateMachineName}/${state.label ?? state.name}:${id}`;
    (run.record.mapRuns ??= {})[frame.id] = { mapRunArn, id, ...(resultWriter ? { resultWriter } : {}) };
    frame.lastEventId = appendEvent(
      run.record,
      frame.lastEventId,
      "MapRunStarted",
      "mapRunStartedEventDetails",
      {
        mapRunArn,
      },
    );
  }
  frame.stage = { kind: "joining" };
  frame.join = {
    total: items.length,
    results: new Array(items.length).fill(null),
    started: 0,
    running: 0,
    finished: 0,
    failures: 0,
    limit:
      maxConcurrency === 0
        ? distributed
          ? DISTRIBUTED_MAP_CONCURRENCY
          : INLINE_MAP_CONCURRENCY
        : maxConcurrency,
    pendingInputs: [...inputs],
    childIds: [],
    startedEventId: frame.lastEventId,
    ...tolerance,
  };
  if (items.length === 0) {
    joinCompleted(run, frame, state);
    return;
  }
  startMapIterations(run, frame, state);
}

export function startMapIterations(run: Interpreter, frame: Frame, state: MapState): void {
  const join = frame.join!;
  const reused = takeRedriveMemo(run, frame, state);
  while (join.running < join.limit && join.started < join.total) {
    const index = join.started++;
    if (reused && index in reused) {
      join.results[index] = reused[index];
      (join.succeeded ??= {})[index] = reused[index];
      join.finished++;
      continue;
    }
    join.running++;
    if (state.mode === "DISTRIBUTED") {
      startChildExecution(run, frame, state, index, join.pendingInputs![index]);
      continue;
    }
    // Concurrent iterations all follow MapStateStarted; one at a time, each follows the previous one's end.
    const eventId = appendEvent(
      run.record,
      join.limit === 1 ? frame.lastEventId : join.startedEventId,
      "MapIterationStarted",
      "mapIterationStartedEventDetails",
      {
        name: state.name,
        index,
      },
    );
    const child = newFrame(run.record, frame.id, index, state.processor, join.pendingInputs![index], eventId);
    join.childIds.push(child.id);
    run.record.ready.push(child.id);
  }
}

export function mapIterationFailed(
  run: Interpreter,
  frame: Frame,
  state: MapState,
  child: Frame,
  error: string,
  cause: string | undefined,
): void {
  const join = frame.join!;
  const distributed = state.mode === "DISTRIBUTED";
  // A Distributed Map's children are separate executions: the parent history has no iteration events.
  const failingEventId = distributed ? frame.lastEventId : child.lastEventId;
  if (!distributed) {
    appendEvent(run.record, failingEventId, "MapIterationFailed", "mapIterationFailedEventDetails", {
      name: state.name,
      index: child.childIndex,
    });
  }
  join.running--;
  join.failures++;
  if (state.mode === "DISTRIBUTED" && failureTolerated(run, state, join)) {
    join.finished++;
    join.results[child.childIndex] = cause === undefined ? { Error: error } : { Error: error, Cause: cause };
    startMapIterations(run, frame, state);
    if (join.finished === join.total) joinCompleted(run, frame, state);
    return;
  }
  // A Distributed Map tolerates no failure unless told otherwise: one failed child fails the Map Run.
  const exceeded = distributed;
  abortChildren(
    run,
    frame,
    "MapStateFailed",
    failingEventId,
    exceeded
      ? {
          error: StatesErrors.ExceedToleratedFailureThreshold,
          cause: "The specified tolerated failure threshold was exceeded",
        }
      : undefined,
  );
  if (exceeded) {
    stateFailed(
      run,
      frame,
      state,
      StatesErrors.ExceedToleratedFailureThreshold,
      "The specified tolerated failure threshold was exceeded",
    );
  } else {
    stateFailed(run, frame, state, error, cause);
  }
}

/** Map entered (JSONPath): InputPath, then the items. */
export function enterMap(run: Interpreter, frame: Frame, state: MapState): void {
  frame.effective = applyInputPath(run, frame, state, state.inputPath);
  startMap(run, frame, state);
}
