/** A new execution record, and the frames (top level, branch, iteration) it holds. */
import type { CompiledStateMachine, StateScope } from "../definition.ts";
import { NOT_TRUNCATED, appendEvent } from "../history/append.ts";
import { forgetSerialized, json } from "./json-text.ts";
import { EXPRESS_MAX_SECONDS, STANDARD_MAX_SECONDS } from "./quotas.ts";
import { addTimer } from "./timers.ts";
import type { ExecutionIdentity, ExecutionRecord, Frame } from "./types.ts";

export function createExecutionRecord(
  machine: CompiledStateMachine,
  input: unknown,
  options: { identity: ExecutionIdentity; type: "STANDARD" | "EXPRESS"; startTime: number; seed: number },
): ExecutionRecord {
  const record: ExecutionRecord = {
    identity: options.identity,
    type: options.type,
    status: "RUNNING",
    input,
    startTime: options.startTime,
    now: options.startTime,
    events: [],
    stateTransitions: 0,
    frames: {},
    nextFrameId: 0,
    ready: [],
    timers: [],
    timerSeq: 0,
    invocationCounts: {},
    random: options.seed,
    waitingTasks: {},
  };
  forgetSerialized();
  const inputText = json(input);
  appendEvent(record, 0, "ExecutionStarted", "executionStartedEventDetails", {
    input: inputText,
    inputDetails: NOT_TRUNCATED,
    roleArn: options.identity.roleArn,
  });
  const limitSeconds = Math.min(
    machine.timeoutSeconds ?? Infinity,
    options.type === "EXPRESS" ? EXPRESS_MAX_SECONDS : STANDARD_MAX_SECONDS,
  );
  addTimer(record, record.startTime + limitSeconds * 1000, -1, "execution-timeout");
  // AWS records the first state's Entered event with previousEventId 0, not 1.
  const root = newFrame(record, null, 0, machine.root, input, 0);
  record.ready.push(root.id);
  return record;
}

export function newFrame(
  record: ExecutionRecord,
  parentId: number | null,
  childIndex: number,
  scope: StateScope,
  input: unknown,
  lastEventId: number,
): Frame {
  const frame: Frame = {
    id: record.nextFrameId++,
    parentId,
    childIndex,
    scopeKey: scope.key,
    stateName: scope.startAt,
    input,
    effective: input,
    stage: { kind: "enter" },
    retryCounts: [],
    retryErrorCounts: {},
    retryCount: 0,
    enteredEventId: 0,
    enteredTime: record.now,
    lastEventId,
  };
  record.frames[frame.id] = frame;
  return frame;
}
