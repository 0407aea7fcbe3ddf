/**
 * Retry and Catch: a state raised an error; a matching retrier schedules a backoff (AWS's formula, with
 * MaxAttempts counted per error name), else a matching catcher leads to its Next, else the frame fails.
 */
import { startEvaluation } from "../dataflow/jsonata-stages.ts";
import { applyStateResultPath, evaluateJsonPathAssign } from "../dataflow/jsonpath-stages.ts";
import { assignVariables } from "../dataflow/variables.ts";
import type { Catcher, CompiledState, TaskState } from "../definition.ts";
import { StatesError, StatesErrors } from "../errors.ts";
import { frameFailed } from "./end-frame.ts";
import { transition } from "./leave-state.ts";
import { quotaReached } from "./quotas.ts";
import { appendExited } from "../history/append.ts";
import { closeInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import type { Assigned } from "../jsonata-plans.ts";
import { json } from "../record/json-text.ts";
import { addTimer } from "../record/timers.ts";
import type { Frame } from "../record/types.ts";
import { backoffSeconds, findCatcher, findRetrier } from "../retry.ts";

// ----- errors -------------------------------------------------------------------------
/** A state raised an error: retry it, catch it, or fail the frame. */
export function stateFailed(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  error: string,
  cause: string | undefined,
): void {
  const record = run.record;
  const attempt = frame.inspection?.attempts.at(-1);
  if (attempt && attempt.error === undefined) Object.assign(attempt, { error, cause });
  else if (frame.inspection) frame.inspection.attempts.push({ error, cause });
  if (state.type === "Task" || state.type === "Parallel" || state.type === "Map") {
    const retrierIndex = findRetrier(state.retriers, error);
    if (retrierIndex >= 0) {
      const retrier = state.retriers[retrierIndex]!;
      // AWS's complex retry example: MaxAttempts is counted for each error name, while the backoff
      // keeps growing with every retry the retrier makes.
      const errorKey = `${retrierIndex}:${error}`;
      const attempts = frame.retryErrorCounts[errorKey] ?? 0;
      if (attempts < retrier.maxAttempts) {
        if (quotaReached(run, frame, state.name)) return;
        const retries = frame.retryCounts[retrierIndex] ?? 0;
        const delay = backoffSeconds(retrier, retries, () => run.random());
        frame.retryCounts[retrierIndex] = retries + 1;
        frame.retryErrorCounts[errorKey] = attempts + 1;
        frame.retryCount++;
        record.stateTransitions++;
        if (frame.inspection) {
          Object.assign(frame.inspection.attempts.at(-1)!, {
            retryIndex: retrierIndex,
            retryBackoffIntervalSeconds: delay,
          });
          frame.inspection.errorDetails = { retryIndex: retrierIndex, retryBackoffIntervalSeconds: delay };
        }
        frame.stage = { kind: "backoff" };
        addTimer(record, record.now + delay * 1000, frame.id, "backoff");
        return;
      }
    }
    const catcherIndex = findCatcher(state.catchers, error);
    if (catcherIndex >= 0) {
      const errorOutput = cause === undefined ? { Error: error } : { Error: error, Cause: cause };
      catchError(run, frame, state, catcherIndex, errorOutput);
      return;
    }
  }
  if (error === StatesErrors.Runtime || error === StatesErrors.QueryEvaluationError) {
    cause = `An error occurred while executing the state '${state.name}' (entered at the event id #${frame.enteredEventId}). ${cause ?? ""}`;
  }
  frameFailed(run, frame, error, cause);
}

/** A catcher matched: its Assign and ResultPath (JSONPath) or Output (JSONata), then its Next. */
export function catchError(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  catcherIndex: number,
  errorOutput: object,
): void {
  if (state.jsonata) {
    startEvaluation(run, frame, { what: "catch", catcherIndex, errorOutput });
    return;
  }
  const catcher: Catcher = (state as TaskState).catchers[catcherIndex]!;
  let output: unknown;
  let assigned: Assigned;
  try {
    assigned = evaluateJsonPathAssign(run, frame, state, catcher.assign, errorOutput);
    output = applyStateResultPath(run, frame, catcher.resultPath, errorOutput);
  } catch (resultPathError) {
    if (resultPathError instanceof StatesError) {
      frameFailed(run, frame, resultPathError.error, resultPathError.cause);
      return;
    }
    throw resultPathError;
  }
  leaveCatch(run, frame, state, catcherIndex, output, assigned);
}

export function leaveCatch(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  catcherIndex: number,
  output: unknown,
  assigned: Assigned,
): void {
  const catcher: Catcher = (state as TaskState).catchers[catcherIndex]!;
  try {
    assignVariables(run, frame, assigned);
  } catch (assignError) {
    if (assignError instanceof StatesError) {
      frameFailed(run, frame, assignError.error, assignError.cause);
      return;
    }
    throw assignError;
  }
  appendExited(run, frame, state, json(output), assigned);
  closeInspection(run, frame, "CAUGHT_ERROR", {
    output,
    nextState: catcher.next,
    exitedEventId: frame.lastEventId,
    assignedVariables: assigned ? { ...assigned } : undefined,
    errorDetails: { ...frame.inspection?.errorDetails, catchIndex: catcherIndex },
  });
  transition(run, frame, state, output, catcher.next);
}
