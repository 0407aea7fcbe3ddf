/**
 * Distributed Map: the ItemReader read (answered by the Map state's mock), the Map Run, and child
 * workflow executions with their own histories; ToleratedFailureCount/Percentage.
 */
import { awaitOpaque } from "../dataflow/jsonata-stages.ts";
import { pathScope, selectOrFail } from "../dataflow/jsonpath-stages.ts";
import type { MapState } from "../definition.ts";
import { EngineFault, StatesError, StatesErrors } from "../errors.ts";
import { completeWithResult } from "../flow/leave-state.ts";
import { NOT_TRUNCATED, appendEvent, iso } from "../history/append.ts";
import type { Interpreter } from "../interpreter.ts";
import { itemsFromRead } from "../item-reader.ts";
import { uuidFrom } from "../random.ts";
import { newFrame } from "../record/create.ts";
import { forgetSerialized, json } from "../record/json-text.ts";
import type { ChildExecution, Frame, HistoryEvent, Join } from "../record/types.ts";
import type { TaskOutcome } from "../task-resolver.ts";

/** Writes a Distributed Map child execution's final event in its own history. */

export function endChildExecution(
  run: Interpreter,
  frame: Frame,
  status: "SUCCEEDED" | "FAILED" | "ABORTED",
  outcome: { output?: unknown; error?: string; cause?: string },
): void {
  const child = run.record.childExecutions![frame.history!]!;
  if (child.status !== "RUNNING") return;
  child.status = status;
  Object.assign(child, outcome);
  const details: Record<string, unknown> = {};
  if (status === "SUCCEEDED")
    Object.assign(details, { output: json(outcome.output), outputDetails: NOT_TRUNCATED });
  if (outcome.error !== undefined) details.error = outcome.error;
  if (outcome.cause !== undefined) details.cause = outcome.cause;
  const type =
    status === "SUCCEEDED"
      ? "ExecutionSucceeded"
      : status === "FAILED"
        ? "ExecutionFailed"
        : "ExecutionAborted";
  const key =
    status === "SUCCEEDED"
      ? "executionSucceededEventDetails"
      : status === "FAILED"
        ? "executionFailedEventDetails"
        : "executionAbortedEventDetails";
  const events = child.events;
  const entry = {
    id: events.length + 1,
    previousEventId: events.length,
    timestamp: new Date(run.record.now).toISOString(),
    type,
    [key]: details,
  };
  events.push(entry as unknown as HistoryEvent);
}

/**
 * A Distributed Map's ItemReader: the read is a request to the task resolver for the Map state
 * (answered by its mock); what it returns is parsed as the ReaderConfig says.
 */
export function readItems(
  run: Interpreter,
  frame: Frame,
  state: MapState,
  parameters: unknown,
  then: (items: unknown[]) => void,
): void {
  const reader = state.itemReader!;
  const record = run.record;
  const invocationIndex = record.invocationCounts[state.name] ?? 0;
  record.invocationCounts[state.name] = invocationIndex + 1;
  let outcome: TaskOutcome | Promise<TaskOutcome>;
  try {
    outcome = run.env.resolveTask({
      stateName: state.name,
      resource: reader.resource,
      parameters,
      invocationIndex,
      retryCount: frame.retryCount,
      taskToken: undefined,
      stateMachineName: record.identity.stateMachineName,
    });
  } catch (error) {
    forgetSerialized();
    throw new EngineFault(
      "Partitura.TaskResolverFailed",
      error instanceof Error ? error.message : String(error),
    );
  }
  forgetSerialized();
  const settle = (result: TaskOutcome) => {
    if (result.kind === "failure") {
      throw new StatesError(StatesErrors.ItemReaderFailed, result.cause ?? result.error);
    }
    if (result.kind === "pending") {
      throw new StatesError(StatesErrors.ItemReaderFailed, "The ItemReader cannot wait for a callback.");
    }
    let items = itemsFromRead(reader, result.output);
    let maxItems = reader.maxItems;
    if (reader.maxItemsPath) {
      const value = selectOrFail(
        run,
        reader.maxItemsPath,
        pathScope(run, frame, state, frame.effective),
        "MaxItemsPath",
      );
      if (typeof value === "number" && Number.isInteger(value) && value >= 0) maxItems = value;
    }
    if (maxItems !== undefined && maxItems > 0) items = items.slice(0, maxItems);
    then(items);
  };
  if (outcome instanceof Promise) awaitOpaque(run, frame, outcome, (_current, result) => settle(result));
  else settle(outcome);
}

/** `$$.Map.Item.Source` for items read by an ItemReader: the S3 object or bucket. */
export function readerSource(run: Interpreter, frame: Frame, state: MapState): string {
  const parameters = state.itemReader?.parameters?.evaluate(
    pathScope(run, frame, state, frame.effective),
    run.intrinsicEnv,
  ) as { Bucket?: unknown; Key?: unknown; Prefix?: unknown } | undefined;
  const bucket = String(parameters?.Bucket ?? "");
  const key = parameters?.Key ?? parameters?.Prefix;
  return key === undefined ? `S3://${bucket}` : `S3://${bucket}/${String(key)}`;
}

/** Starts one child workflow execution of a Distributed Map's Map Run, with its own history. */
export function startChildExecution(
  run: Interpreter,
  frame: Frame,
  state: MapState,
  index: number,
  input: unknown,
): void {
  const mapRun = run.record.mapRuns![frame.id]!;
  const name = `${mapRun.id}:${uuidFrom(() => run.random())}`;
  const key = `${mapRun.mapRunArn}#${index}`;
  const child: ChildExecution = {
    name,
    mapRunArn: mapRun.mapRunArn,
    index,
    input,
    status: "RUNNING",
    events: [
      {
        id: 1,
        previousEventId: 0,
        timestamp: iso(run.record.now),
        type: "ExecutionStarted",
        executionStartedEventDetails: {
          input: json(input),
          inputDetails: NOT_TRUNCATED,
          roleArn: run.record.identity.roleArn,
        },
      } as unknown as HistoryEvent,
    ],
  };
  (run.record.childExecutions ??= {})[key] = child;
  const frameOfChild = newFrame(run.record, frame.id, index, state.processor, input, 0);
  frameOfChild.history = key;
  frame.join!.childIds.push(frameOfChild.id);
  run.record.ready.push(frameOfChild.id);
}

export function failureTolerated(run: Interpreter, state: MapState, join: Join): boolean {
  const count = join.toleratedFailureCount ?? state.toleratedFailureCount;
  const percentage = join.toleratedFailurePercentage ?? state.toleratedFailurePercentage;
  if (count === undefined && percentage === undefined) return false;
  // "If you specify both values, the workflow fails when it exceeds either value."
  const withinCount = count === undefined || join.failures <= count;
  const withinPercentage = percentage === undefined || (join.failures / join.total) * 100 <= percentage;
  return withinCount && withinPercentage;
}

/**
 * A Distributed Map's children all ended: its Map Run succeeds. With a ResultWriter the results go to
 * S3 (not simulated) and the state's result names the manifest, as AWS shows it; returns true then.
 */
export function endMapRun(run: Interpreter, frame: Frame, state: MapState): boolean {
  frame.lastEventId = appendEvent(run.record, frame.lastEventId, "MapRunSucceeded");
  const mapRun = run.record.mapRuns![frame.id]!;
  delete run.record.mapRuns![frame.id];
  if (!mapRun.resultWriter) return false;
  const prefix = mapRun.resultWriter.prefix;
  const result = {
    MapRunArn: mapRun.mapRunArn,
    ResultWriterDetails: {
      Bucket: mapRun.resultWriter.bucket,
      Key: `${typeof prefix === "string" && prefix !== "" ? `${prefix.replace(/\/$/, "")}/` : ""}${mapRun.id}/manifest.json`,
    },
  };
  appendEvent(run.record, frame.lastEventId, "MapStateSucceeded");
  frame.join = undefined;
  completeWithResult(run, frame, state, result);
  return true;
}
