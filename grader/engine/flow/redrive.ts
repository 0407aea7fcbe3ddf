/**
 * RedriveExecution: a failed Standard execution continues from the state that did not succeed.
 */
import type { MapState, ParallelState } from "../definition.ts";
import { appendEvent } from "../history/append.ts";
import type { Interpreter } from "../interpreter.ts";
import { forgetSerialized } from "../record/json-text.ts";
import { STANDARD_MAX_SECONDS } from "../record/quotas.ts";
import { addTimer } from "../record/timers.ts";
import type { Frame } from "../record/types.ts";

/** A redriven Parallel/Map reuses the branches or iterations that succeeded before it failed. */

export function takeRedriveMemo(
  run: Interpreter,
  frame: Frame,
  state: ParallelState | MapState,
): Record<number, unknown> | undefined {
  const memo = frame.redriveMemo;
  if (!memo || memo.stateName !== state.name) return undefined;
  frame.redriveMemo = undefined;
  return memo.succeeded;
}

/**
 * RedriveExecution: continues a failed, timed-out or aborted Standard execution from the state
 * that did not succeed, with that state's input. Successful steps keep their results and history;
 * a failed Parallel or inline Map reruns only the branches and iterations that failed or were
 * aborted (one level deep: inside a rerun branch, every state runs again).
 */
export function redrive(run: Interpreter, now: number): void {
  const record = run.record;
  const root = record.frames[0];
  if (!root) throw new Error("execution has no top-level frame");
  forgetSerialized();
  record.now = Math.max(record.now, now);
  record.status = "RUNNING";
  record.error = undefined;
  record.cause = undefined;
  record.stopTime = undefined;
  record.redriveCount = (record.redriveCount ?? 0) + 1;
  record.redriveTime = record.now;
  const redrivenId = appendEvent(
    record,
    record.events.length,
    "ExecutionRedriven",
    "executionRedrivenEventDetails",
    { redriveCount: record.redriveCount },
  );
  const limitSeconds = Math.min(run.env.machine.timeoutSeconds ?? Infinity, STANDARD_MAX_SECONDS);
  addTimer(record, record.now + limitSeconds * 1000, -1, "execution-timeout");
  for (const id of Object.keys(record.frames)) if (Number(id) !== root.id) delete record.frames[Number(id)];
  if (root.join?.succeeded) root.redriveMemo = { stateName: root.stateName, succeeded: root.join.succeeded };
  root.stage = { kind: "enter" };
  root.join = undefined;
  root.lastEventId = redrivenId;
  root.effective = root.input;
  record.ready = [root.id];
}
