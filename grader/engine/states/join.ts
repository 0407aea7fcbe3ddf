/**
 * The join of a Parallel or Map: collects its children's results, completes the state when all are
 * done, and aborts the remaining children when one fails.
 */
import type { MapState, ParallelState } from "../definition.ts";
import { completeWithResult } from "../flow/leave-state.ts";
import { appendEvent } from "../history/append.ts";
import { closeInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import { cancelTimers } from "../record/timers.ts";
import type { Frame } from "../record/types.ts";
import { endChildExecution, endMapRun } from "./distributed-map.ts";
import { startMapIterations } from "./map.ts";
import { forgetWaitingTasks } from "./task.ts";

/** A branch or iteration succeeded: record its result in the parent's join. */

export function childSucceeded(run: Interpreter, parent: Frame, frame: Frame, output: unknown): void {
  delete run.record.frames[frame.id];
  const join = parent.join!;
  join.results[frame.childIndex] = output;
  (join.succeeded ??= {})[frame.childIndex] = output;
  join.running--;
  join.finished++;
  const parentState = run.stateOf(parent);
  if (parentState.type === "Map" && parentState.mode === "DISTRIBUTED") {
    startMapIterations(run, parent, parentState);
  } else if (parentState.type === "Map") {
    const succeededId = appendEvent(
      run.record,
      frame.lastEventId,
      "MapIterationSucceeded",
      "mapIterationSucceededEventDetails",
      { name: parentState.name, index: frame.childIndex },
    );
    parent.lastEventId = join.limit === 1 && join.finished < join.total ? frame.lastEventId : succeededId;
    startMapIterations(run, parent, parentState);
  } else {
    parent.lastEventId = frame.lastEventId;
  }
  if (join.finished === join.total) joinCompleted(run, parent, parentState as ParallelState | MapState);
}

export function joinCompleted(run: Interpreter, frame: Frame, state: ParallelState | MapState): void {
  if (state.type === "Map" && state.mode === "DISTRIBUTED" && endMapRun(run, frame, state)) return;
  const type = state.type === "Map" ? "MapStateSucceeded" : "ParallelStateSucceeded";
  // AWS points both …StateSucceeded and the following …StateExited at the last child event.
  appendEvent(run.record, frame.lastEventId, type);
  const results = frame.join!.results;
  frame.join = undefined;
  completeWithResult(run, frame, state, results);
}

/** Stops the other children after one failed; AWS makes each of these events follow the failing event. */
export function abortChildren(
  run: Interpreter,
  frame: Frame,
  failedType: "MapStateFailed" | "ParallelStateFailed",
  failingEventId: number,
  mapRunFailure?: { error: string; cause?: string },
): void {
  const join = frame.join;
  if (join) {
    for (const childId of join.childIds) {
      const child = run.record.frames[childId];
      if (!child) continue;
      if (child.history) {
        endChildExecution(run, child, "ABORTED", {});
        discardFrame(run, child);
        continue;
      }
      const childState = run.stateOf(child);
      if (["Task", "Wait", "Map", "Parallel"].includes(childState.type) && child.stage.kind !== "enter") {
        appendEvent(run.record, failingEventId, `${childState.type}StateAborted`);
      }
      if (failedType === "MapStateFailed") {
        appendEvent(run.record, failingEventId, "MapIterationAborted", "mapIterationAbortedEventDetails", {
          name: run.stateOf(frame).name,
          index: child.childIndex,
        });
      }
      discardFrame(run, child);
    }
  }
  if (join?.succeeded) frame.redriveMemo = { stateName: run.stateOf(frame).name, succeeded: join.succeeded };
  frame.join = undefined;
  if (run.record.mapRuns?.[frame.id]) {
    delete run.record.mapRuns[frame.id];
    failingEventId = appendEvent(run.record, failingEventId, "MapRunFailed", "mapRunFailedEventDetails", {
      ...mapRunFailure,
    });
  }
  frame.lastEventId = appendEvent(run.record, failingEventId, failedType);
}

export function discardFrame(run: Interpreter, frame: Frame): void {
  if (frame.join)
    for (const childId of frame.join.childIds) {
      const child = run.record.frames[childId];
      if (child) discardFrame(run, child);
    }
  cancelTimers(run.record, frame.id);
  run.record.ready = run.record.ready.filter((id) => id !== frame.id);
  forgetWaitingTasks(run, frame.id);
  closeInspection(run, frame, "ABORTED", {});
  delete run.record.frames[frame.id];
}
