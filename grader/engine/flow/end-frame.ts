/**
 * The end of a frame: a branch or iteration reports to its Parallel/Map, the top-level frame ends the
 * execution (ExecutionSucceeded / ExecutionFailed / ExecutionTimedOut), an engine fault fails it.
 */
import type { MapState, ParallelState } from "../definition.ts";
import { EngineFault } from "../errors.ts";
import { NOT_TRUNCATED, appendEvent, inHistoryOf } from "../history/append.ts";
import { closeInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import { json } from "../record/json-text.ts";
import { cancelTimers } from "../record/timers.ts";
import type { ExecutionStatus, Frame } from "../record/types.ts";
import { endChildExecution } from "../states/distributed-map.ts";
import { childSucceeded } from "../states/join.ts";
import { mapIterationFailed } from "../states/map.ts";
import { parallelBranchFailed } from "../states/parallel.ts";

/** A frame ended in failure: its parent (Parallel/Map) fails, or the execution does. */

export function frameFailed(
  run: Interpreter,
  frame: Frame,
  error: string | undefined,
  cause: string | undefined,
): void {
  closeInspection(run, frame, "FAILED", { error, cause });
  frame.stage = { kind: "finished" };
  cancelTimers(run.record, frame.id);
  if (frame.parentId === null) {
    failExecution(run, error, cause, frame.lastEventId);
    return;
  }
  const parent = run.record.frames[frame.parentId]!;
  delete run.record.frames[frame.id];
  const parentState = run.stateOf(parent);
  if (frame.history) {
    endChildExecution(run, frame, "FAILED", { error, cause });
    inHistoryOf(run, parent, () =>
      mapIterationFailed(run, parent, parentState as MapState, frame, error ?? "", cause),
    );
    return;
  }
  if (parentState.type === "Map") mapIterationFailed(run, parent, parentState, frame, error ?? "", cause);
  else parallelBranchFailed(run, parent, parentState as ParallelState, frame, error ?? "", cause);
}

export function frameSucceeded(run: Interpreter, frame: Frame, output: unknown): void {
  if (frame.parentId === null) {
    run.record.output = output;
    endExecution(run, "SUCCEEDED", "ExecutionSucceeded", "executionSucceededEventDetails", {
      output: json(output),
      outputDetails: NOT_TRUNCATED,
    });
    return;
  }
  const parent = run.record.frames[frame.parentId]!;
  if (frame.history) {
    endChildExecution(run, frame, "SUCCEEDED", { output });
    inHistoryOf(run, parent, () => childSucceeded(run, parent, frame, output));
    return;
  }
  childSucceeded(run, parent, frame, output);
}

export function failExecution(
  run: Interpreter,
  error: string | undefined,
  cause: string | undefined,
  previousEventId: number,
): void {
  // A Fail state without Error/Cause gives empty details, as AWS records it.
  const details: { error?: string; cause?: string } = {};
  if (error !== undefined) details.error = error;
  if (cause !== undefined) details.cause = cause;
  endExecution(run, "FAILED", "ExecutionFailed", "executionFailedEventDetails", details, previousEventId);
}

export function engineFault(run: Interpreter, fault: EngineFault): void {
  failExecution(run, fault.errorName, fault.message, run.record.events.length);
}

export function endExecution(
  run: Interpreter,
  status: ExecutionStatus,
  type: string,
  detailsKey: string,
  details: { error?: string; cause?: string; output?: string; outputDetails?: object },
  previousEventId = run.record.events.length,
): void {
  const record = run.record;
  if (record.status !== "RUNNING") return;
  if (run.rootEvents && record.events !== run.rootEvents) {
    // A failure raised inside a child execution (an engine fault) ends the parent execution.
    const events = record.events;
    record.events = run.rootEvents;
    try {
      endExecution(run, status, type, detailsKey, details);
    } finally {
      record.events = events;
    }
    return;
  }
  record.status = status;
  record.error = details.error;
  record.cause = details.cause;
  record.stopTime = record.now;
  appendEvent(record, previousEventId, type, detailsKey, details);
  record.ready = [];
  record.timers = [];
  record.waitingTasks = {};
  run.env.inFlight.clear();
}
