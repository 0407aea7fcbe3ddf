/**
 * Leaving a state: OutputPath, the Exited event, the next state (or the end of the frame); and the
 * result stages Task, Parallel and Map share (ResultSelector → ResultPath → OutputPath, or JSONata Output).
 */
import { startEvaluation } from "../dataflow/jsonata-stages.ts";
import {
  applyOutputPath,
  applyStateResultPath,
  evaluateJsonPathAssign,
  pathScope,
} from "../dataflow/jsonpath-stages.ts";
import { assignVariables } from "../dataflow/variables.ts";
import type { CompiledState, MapState, ParallelState, TaskState } from "../definition.ts";
import { StatesError, StatesErrors } from "../errors.ts";
import { frameSucceeded } from "./end-frame.ts";
import { stateFailed } from "./error-handling.ts";
import { appendExited } from "../history/append.ts";
import { closeInspection, noteInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import type { Assigned } from "../jsonata-plans.ts";
import { exceedsPayloadQuota, json } from "../record/json-text.ts";
import type { Frame } from "../record/types.ts";

// ----- leaving a state ----------------------------------------------------------------
/** Emits the Exited event and moves the frame to its next state (or ends the frame). */
export function finishState(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  beforeOutputPath: unknown,
  nextOverride?: string,
  assigned?: Assigned,
): void {
  let output: unknown;
  try {
    output = applyOutputPath(run, frame, state, beforeOutputPath);
    assignVariables(run, frame, assigned);
  } catch (error) {
    if (error instanceof StatesError) {
      stateFailed(run, frame, state, error.error, error.cause);
      return;
    }
    throw error;
  }
  const outputText = json(output);
  if (exceedsPayloadQuota(outputText)) {
    stateFailed(
      run,
      frame,
      state,
      StatesErrors.DataLimitExceeded,
      `The state/task '${state.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
    return;
  }
  const next = nextOverride ?? state.next;
  if (state.type !== "Fail") appendExited(run, frame, state, outputText, assigned);
  closeInspection(run, frame, "SUCCEEDED", {
    output,
    nextState: next,
    exitedEventId: frame.lastEventId,
    assignedVariables: assigned ? { ...assigned } : undefined,
  });
  transition(run, frame, state, output, next);
}

export function transition(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  output: unknown,
  next: string | undefined,
): void {
  if (next === undefined) {
    frame.stage = { kind: "finished" };
    frameSucceeded(run, frame, output);
    return;
  }
  frame.stateName = next;
  frame.input = output;
  frame.effective = output;
  frame.stage = { kind: "enter" };
  if (state.type === "Choice" || state.type === "Pass" || state.type === "Succeed") {
    // Synchronous states continue at once, keeping long Pass/Choice chains in one tight loop.
    run.record.ready.unshift(frame.id);
  } else {
    run.record.ready.push(frame.id);
  }
}

/** ResultSelector → ResultPath → OutputPath → Exited, for Task, Parallel and Map. */
export function completeWithResult(
  run: Interpreter,
  frame: Frame,
  state: TaskState | ParallelState | MapState,
  result: unknown,
): void {
  noteInspection(run, frame, { result });
  if (state.jsonata) {
    startEvaluation(run, frame, { what: "exit", result });
    return;
  }
  try {
    const selected = state.resultSelector
      ? state.resultSelector.evaluate(pathScope(run, frame, state, result), run.intrinsicEnv)
      : result;
    if (state.resultSelector) noteInspection(run, frame, { afterResultSelector: selected });
    // In a JSONPath Task/Map/Parallel, Assign reads the raw result (alongside ResultSelector).
    const assigned = evaluateJsonPathAssign(run, frame, state, state.assign, result);
    const combined = applyStateResultPath(run, frame, state.resultPath, selected);
    finishState(run, frame, state, combined, undefined, assigned);
  } catch (error) {
    if (error instanceof StatesError) stateFailed(run, frame, state, error.error, error.cause);
    else throw error;
  }
}
