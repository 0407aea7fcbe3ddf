/** Wait: Seconds, Timestamp, SecondsPath or TimestampPath, then a timer until the state exits. */
import {
  applyInputPath,
  evaluateJsonPathAssign,
  pathScope,
  selectOrFail,
} from "../dataflow/jsonpath-stages.ts";
import type { CompiledState, WaitState } from "../definition.ts";
import { StatesError, StatesErrors } from "../errors.ts";
import { finishState } from "../flow/leave-state.ts";
import type { Interpreter } from "../interpreter.ts";
import { json } from "../record/json-text.ts";
import { addTimer } from "../record/timers.ts";
import type { Frame } from "../record/types.ts";
import { waitTimestampMillis } from "../timestamps.ts";

export function wholeSecond(millis: number): number {
  return Math.floor(millis / 1000) * 1000;
}

export function waitUntil(run: Interpreter, frame: Frame, state: WaitState, effective: unknown): number {
  const now = run.record.now;
  if (state.seconds !== undefined) return now + state.seconds * 1000;
  // "Step Functions truncates milliseconds" of a Wait timestamp.
  if (state.timestamp !== undefined) return Math.max(now, wholeSecond(Date.parse(state.timestamp)));
  if (state.secondsPath) {
    const value = selectOrFail(
      run,
      state.secondsPath,
      pathScope(run, frame, state, effective),
      "SecondsPath",
    );
    if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new StatesError(
        StatesErrors.Runtime,
        `The SecondsPath parameter cannot be parsed as a long value: ${state.secondsPath.text} == ${json(value)}`,
      );
    }
    if (value < 0) {
      throw new StatesError(
        StatesErrors.Runtime,
        `The SecondsPath parameter references a negative value: ${state.secondsPath.text} == ${value}`,
      );
    }
    return now + value * 1000;
  }
  const value = selectOrFail(
    run,
    state.timestampPath!,
    pathScope(run, frame, state, effective),
    "TimestampPath",
  );
  const millis = waitTimestampMillis(value);
  if (millis === undefined) {
    throw new StatesError(
      StatesErrors.Runtime,
      `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${state.timestampPath!.text} == ${json(value)}`,
    );
  }
  return Math.max(now, millis);
}

/** Wait (JSONPath) entered: the timer is set; Assign is evaluated now and applied when the state exits. */
export function enterWait(run: Interpreter, frame: Frame, state: WaitState): void {
  const effective = applyInputPath(run, frame, state, state.inputPath);
  frame.effective = effective;
  const until = waitUntil(run, frame, state, effective);
  frame.pendingAssigned = evaluateJsonPathAssign(run, frame, state, state.assign, effective);
  frame.stage = { kind: "waiting" };
  addTimer(run.record, until, frame.id, "wait");
}

/** The Wait's timer fired: the state exits with its input, applying its pending assignments. */
export function waitElapsed(run: Interpreter, frame: Frame, state: CompiledState): void {
  const assigned = frame.pendingAssigned;
  frame.pendingAssigned = undefined;
  finishState(run, frame, state, frame.effective, undefined, assigned);
}
