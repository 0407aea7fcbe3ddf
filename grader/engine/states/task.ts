/**
 * Task: one attempt (Parameters or Arguments, timeouts), the Scheduled/Started/Submitted events, the
 * call to the task resolver, its outcome (now, after a simulated duration, or by a callback with the
 * task token), heartbeats and timeouts.
 */
import { startEvaluation } from "../dataflow/jsonata-stages.ts";
import { applyInputPath, pathScope, selectOrFail } from "../dataflow/jsonpath-stages.ts";
import type { TaskState } from "../definition.ts";
import { EngineFault, StatesError, StatesErrors } from "../errors.ts";
import { stateFailed } from "../flow/error-handling.ts";
import { completeWithResult } from "../flow/leave-state.ts";
import { NOT_TRUNCATED, appendEvent, inHistoryOf } from "../history/append.ts";
import { noteInspection } from "../history/inspection.ts";
import type { Interpreter } from "../interpreter.ts";
import type { TaskAttemptPlan } from "../jsonata-plans.ts";
import type { CompiledPath } from "../jsonpath.ts";
import { uuidFrom } from "../random.ts";
import { exceedsPayloadQuota, forgetSerialized, json } from "../record/json-text.ts";
import { addTimer, cancelTimer, cancelTimers } from "../record/timers.ts";
import type { Frame } from "../record/types.ts";
import type { TaskOutcome } from "../task-resolver.ts";

// ----- tasks --------------------------------------------------------------------------
export function taskEventTypes(
  run: Interpreter,
  state: TaskState,
): { prefix: string; details: (suffix: string) => string } {
  if (state.resource.kind === "lambda-function") {
    return { prefix: "LambdaFunction", details: (suffix) => `lambdaFunction${suffix}EventDetails` };
  }
  if (state.resource.kind === "activity") {
    return { prefix: "Activity", details: (suffix) => `activity${suffix}EventDetails` };
  }
  return { prefix: "Task", details: (suffix) => `task${suffix}EventDetails` };
}

export function numberField(
  run: Interpreter,
  frame: Frame,
  state: TaskState,
  literal: number | undefined,
  path: CompiledPath | undefined,
  field: "TimeoutSecondsPath" | "HeartbeatSecondsPath",
): number | undefined {
  if (literal !== undefined) return literal;
  if (!path) return undefined;
  const value = selectOrFail(run, path, pathScope(run, frame, state, frame.input), field);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new StatesError(
      StatesErrors.Runtime,
      `The value at ${path.text} must be a positive integer: ${json(value)}`,
    );
  }
  return value;
}

/** One attempt of a Task: its parameters (JSONPath) or Arguments (JSONata), then the invocation. */
export function invokeTask(run: Interpreter, frame: Frame, state: TaskState): void {
  if (state.resource.pattern === "wait-for-task-token") frame.taskToken = newTaskToken(run);
  if (state.jsonata) {
    startEvaluation(run, frame, { what: "task-attempt" });
    return;
  }
  const timeoutSeconds = numberField(
    run,
    frame,
    state,
    state.timeoutSeconds,
    state.timeoutSecondsPath,
    "TimeoutSecondsPath",
  );
  const heartbeatSeconds = numberField(
    run,
    frame,
    state,
    state.heartbeatSeconds,
    state.heartbeatSecondsPath,
    "HeartbeatSecondsPath",
  );
  const effective = applyInputPath(run, frame, state, state.inputPath);
  const parameters = state.parameters
    ? state.parameters.evaluate(pathScope(run, frame, state, effective), run.intrinsicEnv)
    : effective;
  dispatchTask(run, frame, state, { arguments: parameters, timeoutSeconds, heartbeatSeconds });
}

export function dispatchTask(
  run: Interpreter,
  frame: Frame,
  state: TaskState,
  attempt: TaskAttemptPlan,
): void {
  const record = run.record;
  const { resource } = state;
  const { timeoutSeconds, heartbeatSeconds } = attempt;
  const events = taskEventTypes(run, state);
  frame.effective = attempt.arguments;
  if (frame.inspection) {
    noteInspection(
      run,
      frame,
      state.jsonata ? { afterArguments: attempt.arguments } : { afterParameters: attempt.arguments },
    );
    frame.inspection.attempts.push({ parameters: attempt.arguments });
  }
  const parametersText = json(frame.effective);
  if (resource.kind === "lambda-function") {
    frame.lastEventId = appendEvent(
      record,
      frame.lastEventId,
      "LambdaFunctionScheduled",
      events.details("Scheduled"),
      {
        resource: resource.arn,
        input: parametersText,
        inputDetails: NOT_TRUNCATED,
        ...(timeoutSeconds !== undefined ? { timeoutInSeconds: timeoutSeconds } : {}),
      },
    );
    frame.lastEventId = appendEvent(record, frame.lastEventId, "LambdaFunctionStarted");
  } else if (resource.kind === "activity") {
    frame.lastEventId = appendEvent(
      record,
      frame.lastEventId,
      "ActivityScheduled",
      events.details("Scheduled"),
      {
        resource: resource.arn,
        input: parametersText,
        inputDetails: NOT_TRUNCATED,
        ...(timeoutSeconds !== undefined ? { timeoutInSeconds: timeoutSeconds } : {}),
        ...(heartbeatSeconds !== undefined ? { heartbeatInSeconds: heartbeatSeconds } : {}),
      },
    );
    frame.lastEventId = appendEvent(record, frame.lastEventId, "ActivityStarted", events.details("Started"), {
      workerName: "partitura-mock",
    });
  } else {
    frame.lastEventId = appendEvent(record, frame.lastEventId, "TaskScheduled", "taskScheduledEventDetails", {
      resourceType: resource.resourceType,
      resource: resource.resource,
      region: resource.region ?? record.identity.region,
      parameters: parametersText,
      ...(timeoutSeconds !== undefined ? { timeoutInSeconds: timeoutSeconds } : {}),
      ...(heartbeatSeconds !== undefined ? { heartbeatInSeconds: heartbeatSeconds } : {}),
    });
    frame.lastEventId = appendEvent(record, frame.lastEventId, "TaskStarted", "taskStartedEventDetails", {
      resourceType: resource.resourceType,
      resource: resource.resource,
    });
  }
  const token = frame.taskToken ?? `invocation-${record.events.length}`;
  if (resource.kind === "service" && resource.pattern !== "request-response") {
    // The submitting call's own response is not mocked; its record is an empty object.
    frame.lastEventId = appendEvent(record, frame.lastEventId, "TaskSubmitted", "taskSubmittedEventDetails", {
      resourceType: resource.resourceType,
      resource: resource.resource,
      output: "{}",
      outputDetails: NOT_TRUNCATED,
    });
  }
  const invocationIndex = record.invocationCounts[state.name] ?? 0;
  record.invocationCounts[state.name] = invocationIndex + 1;
  frame.stage = { kind: "task-running" };
  if (timeoutSeconds !== undefined)
    addTimer(record, record.now + timeoutSeconds * 1000, frame.id, "task-timeout");
  if (heartbeatSeconds !== undefined && resource.pattern !== "request-response") {
    addTimer(record, record.now + heartbeatSeconds * 1000, frame.id, "heartbeat-timeout");
  }
  let outcome: TaskOutcome | Promise<TaskOutcome>;
  try {
    outcome = run.env.resolveTask({
      stateName: state.name,
      resource: resource.arn,
      parameters: frame.effective,
      invocationIndex,
      retryCount: frame.retryCount,
      taskToken: frame.taskToken,
      stateMachineName: record.identity.stateMachineName,
    });
  } catch (error) {
    forgetSerialized();
    const message = error instanceof Error ? error.message : String(error);
    throw new EngineFault("Partitura.TaskResolverFailed", message);
  }
  forgetSerialized();
  if (outcome instanceof Promise) {
    record.waitingTasks[token] = frame.id;
    run.env.inFlight.set(token, outcome);
    return;
  }
  if (outcome.kind === "pending") {
    record.waitingTasks[token] = frame.id;
    return;
  }
  scheduleOutcome(run, frame, state, outcome);
}

export function newTaskToken(run: Interpreter): string {
  let token = "";
  for (let i = 0; i < 4; i++) token += uuidFrom(() => run.random()).replace(/-/g, "");
  return token;
}

export function scheduleOutcome(
  run: Interpreter,
  frame: Frame,
  state: TaskState,
  outcome: TaskOutcome,
): void {
  if (outcome.kind === "pending") return;
  const duration = outcome.durationSeconds ?? 0;
  if (duration > 0) {
    frame.pendingOutcome = outcome;
    addTimer(run.record, run.record.now + duration * 1000, frame.id, "task-complete");
    return;
  }
  cancelTimers(run.record, frame.id);
  settleTask(run, frame, state, outcome);
}

export function settleTask(run: Interpreter, frame: Frame, state: TaskState, outcome: TaskOutcome): void {
  if (outcome.kind === "pending") return;
  const record = run.record;
  const events = taskEventTypes(run, state);
  const { resource } = state;
  const taskDetails =
    resource.kind === "service" ? { resourceType: resource.resourceType, resource: resource.resource } : {};
  if (outcome.kind === "failure") {
    frame.lastEventId = appendEvent(
      record,
      frame.lastEventId,
      `${events.prefix}Failed`,
      events.details("Failed"),
      {
        ...taskDetails,
        error: outcome.error,
        ...(outcome.cause !== undefined ? { cause: outcome.cause } : {}),
      },
    );
    stateFailed(run, frame, state, outcome.error, outcome.cause);
    return;
  }
  const outputText = json(outcome.output);
  if (exceedsPayloadQuota(outputText)) {
    stateFailed(
      run,
      frame,
      state,
      StatesErrors.DataLimitExceeded,
      `The state/task '${resource.arn}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    );
    return;
  }
  frame.lastEventId = appendEvent(
    record,
    frame.lastEventId,
    `${events.prefix}Succeeded`,
    events.details("Succeeded"),
    {
      ...taskDetails,
      output: outputText,
      outputDetails: NOT_TRUNCATED,
    },
  );
  completeWithResult(run, frame, state, outcome.output);
}

export function taskTimedOut(run: Interpreter, frame: Frame, state: TaskState, error: string): void {
  const events = taskEventTypes(run, state);
  const { resource } = state;
  const taskDetails =
    resource.kind === "service" ? { resourceType: resource.resourceType, resource: resource.resource } : {};
  frame.lastEventId = appendEvent(
    run.record,
    frame.lastEventId,
    `${events.prefix}TimedOut`,
    events.details("TimedOut"),
    {
      ...taskDetails,
      error,
    },
  );
  // AWS records a timeout with an error name and no cause.
  stateFailed(run, frame, state, error, undefined);
}

/** Drops a frame's pending callbacks, asynchronous invocations and evaluations (it timed out or was aborted). */
export function forgetWaitingTasks(run: Interpreter, frameId: number): void {
  const evaluationPrefix = `eval:${frameId}:`;
  for (const key of [...run.env.inFlight.keys()]) {
    if (!key.startsWith(evaluationPrefix)) continue;
    run.env.inFlight.delete(key);
    run.continuations.delete(key);
  }
  for (const [token, waitingFrameId] of Object.entries(run.record.waitingTasks)) {
    if (waitingFrameId !== frameId) continue;
    delete run.record.waitingTasks[token];
    run.env.inFlight.delete(token);
  }
}

/** Task (JSONPath or JSONata) entered: Parameters are evaluated per attempt, so $$.State.RetryCount and $$.Task.Token are current on every retry. */
export function enterTask(run: Interpreter, frame: Frame, state: TaskState): void {
  frame.stage = { kind: "invoke" };
  invokeTask(run, frame, state);
}

/** A task's simulated duration is over: its outcome applies now. */
export function taskDurationElapsed(run: Interpreter, frame: Frame, state: TaskState): void {
  const outcome = frame.pendingOutcome!;
  frame.pendingOutcome = undefined;
  cancelTimers(run.record, frame.id);
  settleTask(run, frame, state, outcome);
}

/** TimeoutSeconds or HeartbeatSeconds ran out: States.Timeout / States.HeartbeatTimeout. */
export function taskTimerExpired(
  run: Interpreter,
  frame: Frame,
  state: TaskState,
  purpose: "task-timeout" | "heartbeat-timeout",
): void {
  frame.pendingOutcome = undefined;
  cancelTimers(run.record, frame.id);
  forgetWaitingTasks(run, frame.id);
  taskTimedOut(
    run,
    frame,
    state,
    purpose === "task-timeout" ? StatesErrors.Timeout : StatesErrors.HeartbeatTimeout,
  );
}

/**
 * SendTaskHeartbeat: restarts the task's HeartbeatSeconds clock. Writes no history event (as AWS).
 * Returns false when no task waits with this token.
 */
export function taskHeartbeat(run: Interpreter, token: string): boolean {
  const frameId = run.record.waitingTasks[token];
  const frame = frameId === undefined ? undefined : run.record.frames[frameId];
  if (!frame) return false;
  const seconds = (run.stateOf(frame) as TaskState).heartbeatSeconds;
  if (seconds === undefined) return true;
  cancelTimer(run.record, frame.id, "heartbeat-timeout");
  addTimer(run.record, run.record.now + seconds * 1000, frame.id, "heartbeat-timeout");
  return true;
}

/** Delivers the outcome of an asynchronous resolver or of an external callback to a waiting task. */
export function deliverTaskOutcome(run: Interpreter, token: string, outcome: TaskOutcome): boolean {
  forgetSerialized();
  const frameId = run.record.waitingTasks[token];
  if (frameId === undefined) return false;
  const frame = run.record.frames[frameId];
  if (!frame) return false;
  delete run.record.waitingTasks[token];
  if (outcome.kind === "pending") {
    run.record.waitingTasks[token] = frameId;
    return true;
  }
  inHistoryOf(run, frame, () => scheduleOutcome(run, frame, run.stateOf(frame) as TaskState, outcome));
  return true;
}
