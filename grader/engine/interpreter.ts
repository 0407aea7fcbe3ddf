/**
 * The ASL interpreter: advances an execution's frames (the top-level path, each Parallel branch and
 * each Map iteration) through their states, synchronously, until every frame is blocked on time, on
 * a task outcome, or on its children. It never sleeps and never calls a network: waiting is recorded
 * as a timer in the execution record, and the execution actor (see execution.ts) decides when time
 * moves. Everything in `ExecutionRecord` is plain JSON, so an execution can be saved and resumed.
 */
import { enterJsonataState, launchEvaluation } from "./dataflow/jsonata-stages.ts";
import type { CompiledState, CompiledStateMachine, TaskState } from "./definition.ts";
import { EngineFault, StatesError, StatesErrors } from "./errors.ts";
import { endExecution, engineFault } from "./flow/end-frame.ts";
import { stateFailed } from "./flow/error-handling.ts";
import { redrive } from "./flow/redrive.ts";
import { NOT_TRUNCATED, STATE_ENTERED_TYPE, appendEvent, inHistoryOf } from "./history/append.ts";
import type { IntrinsicEnv } from "./intrinsics.ts";
import { nextRandom, uuidFrom } from "./random.ts";
import { forgetSerialized, json } from "./record/json-text.ts";
import { quotaReached } from "./flow/quotas.ts";
import type {
  ExecutionRecord,
  Frame,
  HistoryEvent,
  InterpreterEnv,
  Settled,
  Stage,
  Timer,
} from "./record/types.ts";
import { enterMap } from "./states/map.ts";
import { enterParallel } from "./states/parallel.ts";
import { enterChoice, enterFail, enterPass, enterSucceed } from "./states/simple.ts";
import {
  deliverTaskOutcome,
  enterTask,
  invokeTask,
  taskDurationElapsed,
  taskHeartbeat,
  taskTimerExpired,
} from "./states/task.ts";
import { enterWait, waitElapsed } from "./states/wait.ts";
import type { TaskOutcome } from "./task-resolver.ts";

/**
 * One execution being advanced. Holds references that must not be serialized (compiled machine,
 * resolver); all state lives in `record`.
 */
export class Interpreter {
  readonly record: ExecutionRecord;

  readonly env: InterpreterEnv;

  readonly intrinsicEnv: IntrinsicEnv;

  readonly emptyVariables: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

  /** What to do when an in-flight JSONata evaluation settles, by its `inFlight` key. */
  readonly continuations = new Map<string, (settled: Settled<unknown>) => void>();

  constructor(record: ExecutionRecord, env: InterpreterEnv) {
    this.record = record;
    this.env = env;
    this.intrinsicEnv = { random: () => this.random(), uuid: () => uuidFrom(() => this.random()) };
  }

  /** Delivers a settled in-flight promise: a JSONata evaluation's result or a task's outcome. */
  /**
   * Delivers a settled in-flight promise: a JSONata evaluation's result or a task's outcome. Returns
   * false when a requested pause keeps an evaluation waiting (it stays in flight, in its place).
   */
  deliverSettled(key: string, value: unknown): boolean {
    forgetSerialized();
    const continuation = this.continuations.get(key);
    if (!continuation) {
      this.deliverTaskOutcome(key, value as TaskOutcome);
      return true;
    }
    if (this.pausedByRequest) return false;
    this.continuations.delete(key);
    const frame = this.record.frames[Number(key.split(":")[1])];
    const deliver = () => continuation(value as Settled<unknown>);
    const completed = this.unitOfWork(() => (frame ? inHistoryOf(this, frame, deliver) : deliver()));
    if (!completed) this.continuations.set(key, continuation);
    return completed;
  }

  random(): number {
    const [state, value] = nextRandom(this.record.random);
    this.record.random = state;
    return value;
  }

  get machine(): CompiledStateMachine {
    return this.env.machine;
  }

  get finished(): boolean {
    return this.record.status !== "RUNNING";
  }

  get pausedByRequest(): boolean {
    const limit = this.env.pauseAtEventCount;
    if (limit === undefined) return false;
    return this.record.events.length + (this.record.pausePreview?.length ?? 0) >= limit;
  }

  /**
   * Runs one unit of work (a frame's step, a timer). When a pause was requested after event N and
   * the unit writes past N, the unit is undone and its first events up to N are kept as a preview:
   * the execution shows exactly N events, and resuming redoes the unit (the engine is deterministic,
   * the generator state is in the record), so the history is identical to an uninterrupted run.
   */
  /** Returns false when the unit was undone (a pause fell inside it). */
  private unitOfWork(work: () => void): boolean {
    const limit = this.env.pauseAtEventCount;
    // With work in flight that cannot be restarted (an asynchronous resolver), an undo could lose
    // its result: the pause then lands at the next boundary instead.
    if (limit === undefined || !this.inFlightIsRestartable) {
      work();
      return true;
    }
    const record = this.record;
    const before = JSON.parse(JSON.stringify(record)) as ExecutionRecord;
    const inFlightBefore = new Set(this.env.inFlight.keys());
    work();
    if (record.events.length <= limit || before.events.length >= limit) return true;
    const preview = record.events.slice(before.events.length, limit);
    const mutable = record as unknown as Record<string, unknown>;
    for (const key of Object.keys(mutable)) delete mutable[key];
    Object.assign(mutable, before, { pausePreview: preview });
    for (const key of [...this.env.inFlight.keys()]) {
      if (inFlightBefore.has(key)) continue;
      this.env.inFlight.delete(key);
      this.continuations.delete(key);
    }
    forgetSerialized();
    return false;
  }

  /** RedriveExecution: see flow/redrive.ts. */
  redrive(now: number): void {
    redrive(this, now);
  }

  /** Runs every ready frame until all are blocked, the execution ends, or a pause is requested. */
  advance(now: number): void {
    const record = this.record;
    forgetSerialized();
    if (!this.pausedByRequest) record.pausePreview = undefined;
    if (now > record.now) record.now = now;
    if (this.env.pauseAtEventCount === undefined) {
      // The hot loop: no pause requested, so no unit of work can need undoing.
      while (record.ready.length > 0 && record.status === "RUNNING") {
        const frame = record.frames[record.ready.shift()!];
        if (frame) this.stepFrame(frame);
      }
      return;
    }
    while (record.ready.length > 0 && record.status === "RUNNING" && !this.pausedByRequest) {
      this.unitOfWork(() => {
        const frameId = record.ready.shift()!;
        const frame = record.frames[frameId];
        if (frame) this.stepFrame(frame);
      });
    }
  }

  /** Fires every timer due at or before `now` (the clock has moved there), then advances. */
  fireDueTimers(now: number): void {
    const record = this.record;
    record.now = Math.max(record.now, now);
    while (
      record.timers.length > 0 &&
      record.timers[0]!.due <= record.now &&
      record.status === "RUNNING" &&
      !this.pausedByRequest
    ) {
      this.unitOfWork(() => {
        const timer = record.timers.shift()!;
        const frame = record.frames[timer.frameId];
        if (frame) inHistoryOf(this, frame, () => this.onTimer(timer));
        else this.onTimer(timer);
      });
      this.advance(record.now);
    }
  }

  private onTimer(timer: Timer): void {
    if (timer.purpose === "execution-timeout") {
      endExecution(this, "TIMED_OUT", "ExecutionTimedOut", "executionTimedOutEventDetails", {
        error: StatesErrors.Timeout,
        cause: "The execution has exceeded its maximum allowed duration.",
      });
      return;
    }
    const frame = this.record.frames[timer.frameId];
    if (!frame) return;
    const state = this.stateOf(frame);
    switch (timer.purpose) {
      case "wait":
        waitElapsed(this, frame, state);
        break;
      case "backoff":
        frame.stage = { kind: "invoke" };
        this.record.ready.push(frame.id);
        break;
      case "task-complete":
        taskDurationElapsed(this, frame, state as TaskState);
        break;
      case "task-timeout":
      case "heartbeat-timeout":
        taskTimerExpired(this, frame, state as TaskState, timer.purpose);
        break;
    }
  }

  /** SendTaskHeartbeat (see states/task.ts). Returns false when no task waits with this token. */
  heartbeat(token: string): boolean {
    return taskHeartbeat(this, token);
  }

  /** Delivers the outcome of an asynchronous resolver or of an external callback to a waiting task. */
  deliverTaskOutcome(token: string, outcome: TaskOutcome): boolean {
    return deliverTaskOutcome(this, token, outcome);
  }

  /** The last state `stateOf` resolved: a visit asks for its state several times, in a row. */
  private lastMachine: CompiledStateMachine | undefined;
  private lastScopeKey: string | undefined;
  private lastScopeStates: ReadonlyMap<string, CompiledState> | undefined;
  private lastStateName: string | undefined;
  private lastState: CompiledState | undefined;

  stateOf(frame: Frame): CompiledState {
    const machine = this.env.machine;
    if (frame.scopeKey !== this.lastScopeKey || machine !== this.lastMachine) {
      this.lastScopeStates = machine.scopes.get(frame.scopeKey)!.states;
      this.lastScopeKey = frame.scopeKey;
      this.lastMachine = machine;
      this.lastStateName = undefined;
    }
    if (frame.stateName !== this.lastStateName) {
      this.lastState = this.lastScopeStates!.get(frame.stateName)!;
      this.lastStateName = frame.stateName;
    }
    return this.lastState!;
  }

  rootEvents: HistoryEvent[] | undefined;

  private stepFrame(frame: Frame): void {
    if (!this.env.machine.hasDistributedMap) this.stepFrameHere(frame);
    else inHistoryOf(this, frame, () => this.stepFrameHere(frame));
  }

  private stepFrameHere(frame: Frame): void {
    const state = this.stateOf(frame);
    try {
      if (frame.stage.kind === "enter") this.enterState(frame, state);
      else if (frame.stage.kind === "invoke") {
        if (state.type === "Task") invokeTask(this, frame, state);
        else this.retryCompoundState(frame, state);
      }
    } catch (error) {
      if (error instanceof StatesError) stateFailed(this, frame, state, error.error, error.cause);
      else if (error instanceof EngineFault) engineFault(this, error);
      else throw error;
    }
  }

  /**
   * A retried Parallel or Map runs again from its start, without a new Entered event: AWS records a
   * new ParallelStateStarted / MapStateStarted and reruns every branch or iteration.
   */
  private retryCompoundState(frame: Frame, state: CompiledState): void {
    frame.redriveMemo = undefined;
    if (state.jsonata) enterJsonataState(this, frame, state);
    else if (state.type === "Parallel") enterParallel(this, frame, state);
    else if (state.type === "Map") enterMap(this, frame, state);
  }

  // ----- entering a state ---------------------------------------------------------------
  private enterState(frame: Frame, state: CompiledState): void {
    const record = this.record;
    if (quotaReached(this, frame, state.name)) return;
    record.stateTransitions++;
    // Only a retried state leaves counts behind: most visits need no fresh containers.
    if (frame.retryCounts.length > 0) frame.retryCounts = [];
    if (hasKeys(frame.retryErrorCounts)) frame.retryErrorCounts = {};
    frame.retryCount = 0;
    frame.enteredTime = record.now;
    frame.taskToken = undefined;
    frame.enteredEventId = appendEvent(
      record,
      frame.lastEventId,
      STATE_ENTERED_TYPE[state.type],
      "stateEnteredEventDetails",
      { name: state.name, input: json(frame.input), inputDetails: NOT_TRUNCATED },
    );
    frame.lastEventId = frame.enteredEventId;
    if (this.env.inspect) {
      frame.inspection = {
        stateName: state.name,
        stateType: state.type,
        queryLanguage: state.queryLanguage,
        scopeKey: frame.scopeKey,
        childIndex: frame.childIndex,
        frameId: frame.id,
        enteredEventId: frame.enteredEventId,
        status: "RUNNING",
        input: frame.input,
        attempts: [],
      };
    }
    if (state.jsonata) {
      enterJsonataState(this, frame, state);
      return;
    }
    switch (state.type) {
      case "Pass":
        return enterPass(this, frame, state);
      case "Succeed":
        return enterSucceed(this, frame, state);
      case "Fail":
        return enterFail(this, frame, state);
      case "Choice":
        return enterChoice(this, frame, state);
      case "Wait":
        return enterWait(this, frame, state);
      case "Task":
        return enterTask(this, frame, state);
      case "Parallel":
        return enterParallel(this, frame, state);
      case "Map":
        return enterMap(this, frame, state);
    }
  }

  /** Restarts, in their original order, the evaluations a restored execution was waiting for. */
  relaunchEvaluations(): void {
    const waiting = Object.values(this.record.frames).filter(
      (frame): frame is Frame & { stage: Extract<Stage, { kind: "evaluating" }> } =>
        frame.stage.kind === "evaluating",
    );
    waiting.sort((a, b) => a.stage.seq - b.stage.seq);
    for (const frame of waiting) inHistoryOf(this, frame, () => launchEvaluation(this, frame));
  }

  /** Whether everything in flight can be saved (only restartable JSONata evaluations). */
  get inFlightIsRestartable(): boolean {
    for (const key of this.env.inFlight.keys()) {
      if (!key.startsWith("eval:")) return false;
      const frame = this.record.frames[Number(key.split(":")[1])];
      if (frame?.stage.kind === "evaluating" && frame.stage.evaluation === undefined) return false;
    }
    return true;
  }
}

function hasKeys(object: object): boolean {
  for (const _key in object) return true;
  return false;
}
