/**
 * Parallel: one child frame per branch; the first failing branch aborts the others.
 */
import { applyInputPath, pathScope } from "../dataflow/jsonpath-stages.ts";
import type { ParallelState } from "../definition.ts";
import { stateFailed } from "../flow/error-handling.ts";
import { takeRedriveMemo } from "../flow/redrive.ts";
import { appendEvent } from "../history/append.ts";
import { noteInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import { newFrame } from "../record/create.ts";
import type { Frame } from "../record/types.ts";
import { abortChildren } from "./join.ts";

// ----- Parallel and Map ---------------------------------------------------------------
export function startParallel(run: Interpreter, frame: Frame, state: ParallelState): void {
  frame.lastEventId = appendEvent(run.record, frame.lastEventId, "ParallelStateStarted");
  const childIds: number[] = [];
  frame.join = {
    total: state.branches.length,
    results: new Array(state.branches.length).fill(null),
    started: state.branches.length,
    running: state.branches.length,
    finished: 0,
    failures: 0,
    limit: state.branches.length,
    childIds,
    startedEventId: frame.lastEventId,
  };
  frame.stage = { kind: "joining" };
  const join = frame.join;
  const reused = takeRedriveMemo(run, frame, state);
  state.branches.forEach((branch, index) => {
    if (reused && index in reused) {
      join.results[index] = reused[index];
      (join.succeeded ??= {})[index] = reused[index];
      join.running--;
      join.finished++;
      return;
    }
    const child = newFrame(run.record, frame.id, index, branch, frame.effective, frame.lastEventId);
    childIds.push(child.id);
    run.record.ready.push(child.id);
  });
}

export function parallelBranchFailed(
  run: Interpreter,
  frame: Frame,
  state: ParallelState,
  child: Frame,
  error: string,
  cause: string | undefined,
): void {
  abortChildren(run, frame, "ParallelStateFailed", child.lastEventId);
  stateFailed(run, frame, state, error, cause);
}

/** Parallel entered: InputPath → Parameters, then one frame per branch. */
export function enterParallel(run: Interpreter, frame: Frame, state: ParallelState): void {
  frame.effective = applyInputPath(run, frame, state, state.inputPath);
  if (state.parameters) {
    frame.effective = state.parameters.evaluate(
      pathScope(run, frame, state, frame.effective),
      run.intrinsicEnv,
    );
    noteInspection(run, frame, { afterParameters: frame.effective });
  }
  startParallel(run, frame, state);
}
