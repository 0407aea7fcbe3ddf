/**
 * The ASL interpreter: advances an execution's frames (the top-level path, each Parallel branch and
 * each Map iteration) through their states, synchronously, until every frame is blocked on time, on
 * a task outcome, or on its children. It never sleeps and never calls a network: waiting is recorded
 * as a timer in the execution record, and the execution actor (see execution.ts) decides when time
 * moves. Everything in `ExecutionRecord` is plain JSON, so an execution can be saved and resumed.
 */
import type {
  Assignment,
  Catcher,
  CompiledState,
  CompiledStateMachine,
  MapState,
  OptionalPath,
  ParallelState,
  StateScope,
  TaskState,
} from "./definition.ts";
import { QueryEvaluationError, type JsonataRuntime, type JsonataScope } from "./jsonata.ts";
import {
  planCatch,
  planEntry,
  planExit,
  planTaskAttempt,
  type Assigned,
  type EntryPlan,
  type TaskAttemptPlan,
} from "./jsonata-plans.ts";
import { StatesError, StatesErrors } from "./errors.ts";
import type { IntrinsicEnv } from "./intrinsics.ts";
import { applyResultPath, type CompiledPath, type PathScope } from "./jsonpath.ts";
import { nextRandom, uuidFrom } from "./random.ts";
import { backoffSeconds, findCatcher, findRetrier } from "./retry.ts";
import { batchItems, itemsFromRead } from "./item-reader.ts";
import type { TaskOutcome, TaskResolver } from "./task-resolver.ts";

export const MAX_PAYLOAD_BYTES = 262_144;

/** Whether a JSON text is over the payload quota (UTF-16 length × 3 bounds its UTF-8 size: skip the count). */
function exceedsPayloadQuota(text: string): boolean {
  return text.length * 3 > MAX_PAYLOAD_BYTES && utf8Length(text) > MAX_PAYLOAD_BYTES;
}
export const MAX_HISTORY_EVENTS = 25_000;
/** Inline Map runs at most this many iterations at once, as AWS documents for inline mode. */
export const INLINE_MAP_CONCURRENCY = 40;
/** A Distributed Map without MaxConcurrency runs up to 10,000 child executions at once. */
export const DISTRIBUTED_MAP_CONCURRENCY = 10_000;
const STANDARD_MAX_SECONDS = 365 * 24 * 3600;
const EXPRESS_MAX_SECONDS = 5 * 60;

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: string;
  readonly type: string;
  readonly [details: string]: unknown;
}

/** A JSONata evaluation a frame waits for. */
type Evaluation =
  | { readonly what: "entry" }
  | { readonly what: "task-attempt" }
  | { readonly what: "exit"; readonly result: unknown }
  | { readonly what: "catch"; readonly catcherIndex: number; readonly errorOutput: object };

/** What a frame is doing in its current state. */
type Stage =
  | { readonly kind: "enter" }
  | { readonly kind: "invoke" }
  | { readonly kind: "task-running" }
  | { readonly kind: "backoff" }
  | { readonly kind: "waiting" }
  | { readonly kind: "joining" }
  /**
   * A JSONata evaluation is in flight. `evaluation` says what it computes, as plain data, so a saved
   * execution restarts it (with the same `seed` for $random/$uuid); without it the wait cannot be saved.
   */
  | {
      readonly kind: "evaluating";
      readonly seq: number;
      readonly seed: number;
      readonly evaluation?: Evaluation;
    }
  | { readonly kind: "finished" };

interface Join {
  readonly total: number;
  results: unknown[];
  started: number;
  running: number;
  finished: number;
  failures: number;
  readonly limit: number;
  /** Inputs of the Map iterations not yet started. */
  readonly pendingInputs?: unknown[];
  readonly childIds: number[];
  /** The ParallelStateStarted / MapStateStarted event: concurrent children's first events follow it. */
  readonly startedEventId: number;
  /** Children that succeeded, by index (kept for a redrive, which reruns only the others). */
  succeeded?: Record<number, unknown>;
  /** Tolerated failures of a Map, when JSONata computed them at run time. */
  readonly toleratedFailureCount?: number;
  readonly toleratedFailurePercentage?: number;
}

export interface Frame {
  readonly id: number;
  readonly parentId: number | null;
  /** Branch or iteration index within the parent's join. */
  readonly childIndex: number;
  readonly scopeKey: string;
  stateName: string;
  /** The state's raw input, as it entered. */
  input: unknown;
  /** Input after InputPath and Parameters: what a Task sends, or what Pass/Choice/Wait work on. */
  effective: unknown;
  stage: Stage;
  /** Retries each retrier has performed in this visit: the exponent of its backoff. */
  retryCounts: number[];
  /** Retries per retrier and error name (`"<index>:<error>"`): what MaxAttempts limits, as AWS counts. */
  retryErrorCounts: Record<string, number>;
  retryCount: number;
  enteredEventId: number;
  enteredTime: number;
  lastEventId: number;
  taskToken?: string;
  /** Outcome of a task that is running for a while (settled when its timer fires). */
  pendingOutcome?: TaskOutcome;
  join?: Join;
  /** Workflow variables declared in this frame's scope (the top level, one branch, one iteration). */
  variables?: Record<string, unknown>;
  /** A Wait state's assignments, applied when it exits. */
  pendingAssigned?: Record<string, unknown>;
  /** The current visit's inspection data (when inspecting). */
  inspection?: StateInspection;
  /** Set on a Distributed Map's child execution frame: the key of its own history in `childExecutions`. */
  history?: string;
  /** After a failed Parallel/Map: the branches or iterations that succeeded, reused by a redrive. */
  redriveMemo?: { readonly stateName: string; readonly succeeded: Record<number, unknown> };
}

/** One attempt of a Task (or of a retried Parallel/Map): what it sent and how it failed. */
export interface AttemptInspection {
  readonly parameters?: unknown;
  error?: string;
  cause?: string;
  /** The retrier that retried this attempt, and the backoff it waited, in seconds. */
  retryIndex?: number;
  retryBackoffIntervalSeconds?: number;
}

/**
 * One visit to one state, as AWS's TestState API shows it at the DEBUG inspection level: the data
 * after every stage of the state's input/output processing. Recorded when `inspect` is on.
 */
export interface StateInspection {
  readonly stateName: string;
  readonly stateType: CompiledState["type"];
  readonly queryLanguage: "JSONPath" | "JSONata";
  /** The scope the state belongs to: `/`, `/States/P/Branches/0`, `/States/M/ItemProcessor`. */
  readonly scopeKey: string;
  /** Branch index or Map iteration index of the frame (0 at the top level). */
  readonly childIndex: number;
  readonly frameId: number;
  readonly enteredEventId: number;
  exitedEventId?: number;
  status: "RUNNING" | "SUCCEEDED" | "CAUGHT_ERROR" | "FAILED" | "ABORTED";
  readonly input: unknown;
  afterInputPath?: unknown;
  afterParameters?: unknown;
  afterArguments?: unknown;
  afterItemsPath?: unknown;
  afterItemSelector?: unknown;
  afterItemBatcher?: unknown;
  maxConcurrency?: number;
  result?: unknown;
  afterResultSelector?: unknown;
  afterResultPath?: unknown;
  output?: unknown;
  nextState?: string;
  /** Variables assigned by this state, and all variables visible after it. */
  assignedVariables?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  attempts: AttemptInspection[];
  errorDetails?: { catchIndex?: number; retryIndex?: number; retryBackoffIntervalSeconds?: number };
  error?: string;
  cause?: string;
}

/** One child workflow execution of a Distributed Map's Map Run. */
export interface ChildExecution {
  readonly name: string;
  readonly mapRunArn: string;
  readonly index: number;
  readonly input: unknown;
  status: ExecutionStatus;
  output?: unknown;
  error?: string;
  cause?: string;
  readonly events: HistoryEvent[];
}

/** A Distributed Map's run: its ARN and, with a ResultWriter, where the results would be written. */
export interface MapRun {
  readonly mapRunArn: string;
  readonly id: string;
  readonly resultWriter?: { readonly bucket?: unknown; readonly prefix?: unknown };
}

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface Timer {
  readonly due: number;
  readonly seq: number;
  /** The frame the timer wakes, or -1 for the execution's own time limit. */
  readonly frameId: number;
  readonly purpose:
    "wait" | "backoff" | "task-complete" | "task-timeout" | "heartbeat-timeout" | "execution-timeout";
}

export interface ExecutionIdentity {
  readonly stateMachineName: string;
  readonly executionName: string;
  readonly region: string;
  readonly accountId: string;
  readonly roleArn: string;
}

/** Everything about an execution, as plain JSON. */
export interface ExecutionRecord {
  readonly identity: ExecutionIdentity;
  readonly type: "STANDARD" | "EXPRESS";
  status: ExecutionStatus;
  readonly input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  readonly startTime: number;
  stopTime?: number;
  now: number;
  events: HistoryEvent[];
  stateTransitions: number;
  frames: Record<number, Frame>;
  nextFrameId: number;
  ready: number[];
  timers: Timer[];
  timerSeq: number;
  invocationCounts: Record<string, number>;
  random: number;
  /** Task tokens of tasks waiting for a callback or an asynchronous resolver, by token. */
  waitingTasks: Record<string, number>;
  /** Every finished state visit, in the order they ended (when inspecting). */
  inspections?: StateInspection[];
  /** Distributed Map child executions, with their own histories (not part of the parent's `events`). */
  childExecutions?: Record<string, ChildExecution>;
  /** Map Runs of Distributed Map states, by the Map frame's id while running. */
  mapRuns?: Record<string, MapRun>;
  /**
   * While paused after an event that fell inside a unit of work: the events of the undone unit up to
   * the requested count (shown, not yet part of `events`).
   */
  pausePreview?: HistoryEvent[];
  /** Sequence number of the last JSONata evaluation started (orders restarts after a restore). */
  evaluationSeq?: number;
  /** How many times the execution was redriven, and when last. */
  redriveCount?: number;
  redriveTime?: number;
}

/** What the interpreter needs besides the record: compiled code and the task resolver. */
export interface InterpreterEnv {
  readonly machine: CompiledStateMachine;
  readonly resolveTask: TaskResolver;
  /**
   * Promises the actor must wait for, by key: asynchronous task resolvers (by task token) and JSONata
   * evaluations (`eval:…`). Never serialized.
   */
  readonly inFlight: Map<string, Promise<unknown>>;
  /** Stop advancing once the history has this many events (for pausing "after any event"). */
  pauseAtEventCount?: number;
  /** Upper bound on state transitions: a runaway loop in Express mode ends here with a clear error. */
  readonly maxStateTransitions: number;
  /** Record TestState-style inspection data for every state visit. */
  readonly inspect?: boolean;
}

/** A failure the engine reports about its own inputs (a missing mock), not a workflow error. */
export class EngineFault extends Error {
  readonly errorName: string;
  constructor(errorName: string, message: string) {
    super(message);
    this.name = "EngineFault";
    this.errorName = errorName;
  }
}

const isoCache = new Map<number, string>();
function iso(millis: number): string {
  let text = isoCache.get(millis);
  if (text === undefined) {
    if (isoCache.size > 4096) isoCache.clear();
    text = new Date(millis).toISOString();
    isoCache.set(millis, text);
  }
  return text;
}

/** Context object timestamps: "When a timestamp has zero fractional seconds, Step Functions removes the trailing zeros". */
function contextTimestamp(millis: number): string {
  const text = iso(millis);
  return text.endsWith(".000Z") ? `${text.slice(0, -5)}Z` : text;
}

function wholeSecond(millis: number): number {
  return Math.floor(millis / 1000) * 1000;
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) {
      if (code < 0x800) bytes += 1;
      else if (code >= 0xd800 && code <= 0xdbff) {
        bytes += 2;
        i++;
      } else bytes += 2;
    }
  }
  return bytes;
}

let lastSerialized: object | undefined;
let lastSerializedText = "";

/**
 * JSON text of a value. The engine never mutates a value after building it, so the text of the last
 * object serialized is reused: a Task's input, parameters and output are often the same object.
 */
function json(value: unknown): string {
  if (value === undefined) return "null";
  if (value !== null && typeof value === "object") {
    if (value === lastSerialized) return lastSerializedText;
    lastSerializedText = JSON.stringify(value);
    lastSerialized = value;
    return lastSerializedText;
  }
  return JSON.stringify(value);
}

/** Forgets the cached text: called whenever code outside the engine (a caller, a resolver) has run. */
function forgetSerialized(): void {
  lastSerialized = undefined;
}

const NOT_TRUNCATED = Object.freeze({ truncated: false });

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

function newFrame(
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

function appendEvent(
  record: ExecutionRecord,
  previousEventId: number,
  type: string,
  detailsKey?: string,
  details?: object,
): number {
  const id = record.events.length + 1;
  const event: Record<string, unknown> = { id, previousEventId, timestamp: iso(record.now), type };
  if (detailsKey) event[detailsKey] = details;
  record.events.push(event as unknown as HistoryEvent);
  return id;
}

function addTimer(record: ExecutionRecord, due: number, frameId: number, purpose: Timer["purpose"]): void {
  const timer: Timer = { due, seq: record.timerSeq++, frameId, purpose };
  let index = record.timers.length;
  while (index > 0) {
    const other = record.timers[index - 1]!;
    if (other.due < due || (other.due === due && other.seq < timer.seq)) break;
    index--;
  }
  record.timers.splice(index, 0, timer);
}

function cancelTimer(record: ExecutionRecord, frameId: number, purpose: Timer["purpose"]): void {
  record.timers = record.timers.filter((timer) => timer.frameId !== frameId || timer.purpose !== purpose);
}

function cancelTimers(record: ExecutionRecord, frameId: number): void {
  if (record.timers.some((timer) => timer.frameId === frameId)) {
    record.timers = record.timers.filter((timer) => timer.frameId !== frameId);
  }
}

/** The next moment something is scheduled to happen, or undefined. */
export function nextTimerDue(record: ExecutionRecord): number | undefined {
  return record.timers[0]?.due;
}

const STATE_EVENT_PREFIX: Record<CompiledState["type"], string> = {
  Task: "Task",
  Pass: "Pass",
  Choice: "Choice",
  Wait: "Wait",
  Succeed: "Succeed",
  Fail: "Fail",
  Parallel: "Parallel",
  Map: "Map",
};

/**
 * One execution being advanced. Holds references that must not be serialized (compiled machine,
 * resolver); all state lives in `record`.
 */
export class Interpreter {
  readonly record: ExecutionRecord;
  private readonly env: InterpreterEnv;
  private readonly intrinsicEnv: IntrinsicEnv;
  private readonly emptyVariables: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
  /** What to do when an in-flight JSONata evaluation settles, by its `inFlight` key. */
  private readonly continuations = new Map<string, (settled: Settled<unknown>) => void>();

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
    const completed = this.unitOfWork(() => (frame ? this.inHistoryOf(frame, deliver) : deliver()));
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
        if (frame) this.inHistoryOf(frame, () => this.onTimer(timer));
        else this.onTimer(timer);
      });
      this.advance(record.now);
    }
  }

  private onTimer(timer: Timer): void {
    if (timer.purpose === "execution-timeout") {
      this.endExecution("TIMED_OUT", "ExecutionTimedOut", "executionTimedOutEventDetails", {
        error: StatesErrors.Timeout,
        cause: "The execution has exceeded its maximum allowed duration.",
      });
      return;
    }
    const frame = this.record.frames[timer.frameId];
    if (!frame) return;
    const state = this.stateOf(frame);
    switch (timer.purpose) {
      case "wait": {
        const assigned = frame.pendingAssigned;
        frame.pendingAssigned = undefined;
        this.finishState(frame, state, frame.effective, undefined, assigned);
        break;
      }
      case "backoff":
        frame.stage = { kind: "invoke" };
        this.record.ready.push(frame.id);
        break;
      case "task-complete": {
        const outcome = frame.pendingOutcome!;
        frame.pendingOutcome = undefined;
        cancelTimers(this.record, frame.id);
        this.settleTask(frame, state as TaskState, outcome);
        break;
      }
      case "task-timeout":
      case "heartbeat-timeout":
        frame.pendingOutcome = undefined;
        cancelTimers(this.record, frame.id);
        this.forgetWaitingTasks(frame.id);
        this.taskTimedOut(
          frame,
          state as TaskState,
          timer.purpose === "task-timeout" ? StatesErrors.Timeout : StatesErrors.HeartbeatTimeout,
        );
        break;
    }
  }

  /**
   * SendTaskHeartbeat: restarts the task's HeartbeatSeconds clock. Writes no history event (as AWS).
   * Returns false when no task waits with this token.
   */
  heartbeat(token: string): boolean {
    const frameId = this.record.waitingTasks[token];
    const frame = frameId === undefined ? undefined : this.record.frames[frameId];
    if (!frame) return false;
    const seconds = (this.stateOf(frame) as TaskState).heartbeatSeconds;
    if (seconds === undefined) return true;
    cancelTimer(this.record, frame.id, "heartbeat-timeout");
    addTimer(this.record, this.record.now + seconds * 1000, frame.id, "heartbeat-timeout");
    return true;
  }

  /** Delivers the outcome of an asynchronous resolver or of an external callback to a waiting task. */
  deliverTaskOutcome(token: string, outcome: TaskOutcome): boolean {
    forgetSerialized();
    const frameId = this.record.waitingTasks[token];
    if (frameId === undefined) return false;
    const frame = this.record.frames[frameId];
    if (!frame) return false;
    delete this.record.waitingTasks[token];
    if (outcome.kind === "pending") {
      this.record.waitingTasks[token] = frameId;
      return true;
    }
    this.inHistoryOf(frame, () => this.scheduleOutcome(frame, this.stateOf(frame) as TaskState, outcome));
    return true;
  }

  private stateOf(frame: Frame): CompiledState {
    return this.env.machine.scopes.get(frame.scopeKey)!.states.get(frame.stateName)!;
  }

  /** The Distributed Map child execution a frame belongs to, if any. */
  private historyKeyOf(frame: Frame): string | undefined {
    if (!this.env.machine.hasDistributedMap) return undefined;
    for (let current: Frame | undefined = frame; current;) {
      if (current.history) return current.history;
      current = current.parentId === null ? undefined : this.record.frames[current.parentId];
    }
    return undefined;
  }

  private rootEvents: HistoryEvent[] | undefined;

  /**
   * Runs `work` with `record.events` pointing at the history the frame writes to: its Distributed
   * Map child execution's, or the execution's own.
   */
  private inHistoryOf<T>(frame: Frame, work: () => T): T {
    if (!this.env.machine.hasDistributedMap) return work();
    const record = this.record;
    const root = this.rootEvents ?? record.events;
    const key = this.historyKeyOf(frame);
    const target = key === undefined ? root : record.childExecutions![key]!.events;
    if (target === record.events) return work();
    const saved = record.events;
    const savedRoot = this.rootEvents;
    this.rootEvents = root;
    record.events = target;
    try {
      return work();
    } finally {
      record.events = saved;
      this.rootEvents = savedRoot;
    }
  }

  private stepFrame(frame: Frame): void {
    if (!this.env.machine.hasDistributedMap) this.stepFrameHere(frame);
    else this.inHistoryOf(frame, () => this.stepFrameHere(frame));
  }

  private stepFrameHere(frame: Frame): void {
    const state = this.stateOf(frame);
    try {
      if (frame.stage.kind === "enter") this.enterState(frame, state);
      else if (frame.stage.kind === "invoke") this.invokeTask(frame, state as TaskState);
    } catch (error) {
      if (error instanceof StatesError) this.stateFailed(frame, state, error.error, error.cause);
      else if (error instanceof EngineFault) this.engineFault(error);
      else throw error;
    }
  }

  // ----- entering a state ---------------------------------------------------------------

  private enterState(frame: Frame, state: CompiledState): void {
    const record = this.record;
    if (record.stateTransitions >= this.env.maxStateTransitions) {
      throw new EngineFault(
        "Partitura.TooManyTransitions",
        `A execução passou de ${this.env.maxStateTransitions} transições de estado sem terminar ` +
          `(último estado: '${state.name}'). Verifique se um laço de Choice tem condição de saída.`,
      );
    }
    // Standard workflows keep a history of at most 25,000 events; Express keeps none in AWS.
    if (record.type === "STANDARD" && record.events.length >= MAX_HISTORY_EVENTS - 1) {
      this.failExecution(
        StatesErrors.Runtime,
        `The execution history reached the limit of ${MAX_HISTORY_EVENTS} events.`,
        frame.lastEventId,
      );
      return;
    }
    record.stateTransitions++;
    frame.retryCounts = [];
    frame.retryErrorCounts = {};
    frame.retryCount = 0;
    frame.enteredTime = record.now;
    frame.taskToken = undefined;
    frame.enteredEventId = appendEvent(
      record,
      frame.lastEventId,
      `${STATE_EVENT_PREFIX[state.type]}StateEntered`,
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
      this.enterJsonataState(frame, state);
      return;
    }
    switch (state.type) {
      case "Pass": {
        const effective = this.applyInputPath(frame, state, state.inputPath);
        const afterParameters = state.parameters
          ? state.parameters.evaluate(this.scope(frame, state, effective), this.intrinsicEnv)
          : effective;
        const result = state.hasResult ? state.result : afterParameters;
        if (state.parameters) this.note(frame, { afterParameters });
        this.note(frame, { result });
        const assigned = this.evaluateJsonPathAssign(frame, state, state.assign, result);
        this.finishState(
          frame,
          state,
          this.applyResultPath(frame, state.resultPath, result),
          undefined,
          assigned,
        );
        return;
      }
      case "Succeed":
        this.finishState(frame, state, this.applyInputPath(frame, state, state.inputPath));
        return;
      case "Fail":
        this.enterFail(frame, state);
        return;
      case "Choice": {
        const effective = this.applyInputPath(frame, state, state.inputPath);
        const scope = this.scope(frame, state, effective);
        const rule = state.choices.find((choice) => choice.test!(scope));
        const next = rule?.next ?? state.defaultNext;
        if (next === undefined) {
          throw new StatesError(
            StatesErrors.NoChoiceMatched,
            `No Choice Rule matched and there was no Default`,
          );
        }
        // When a rule matches, only that rule's Assign runs.
        const assigned = this.evaluateJsonPathAssign(
          frame,
          state,
          rule ? rule.assign : state.assign,
          effective,
        );
        this.finishState(frame, state, effective, next, assigned);
        return;
      }
      case "Wait": {
        const effective = this.applyInputPath(frame, state, state.inputPath);
        frame.effective = effective;
        const until = this.waitUntil(frame, state, effective);
        frame.pendingAssigned = this.evaluateJsonPathAssign(frame, state, state.assign, effective);
        frame.stage = { kind: "waiting" };
        addTimer(record, until, frame.id, "wait");
        return;
      }
      case "Task":
        // Parameters are evaluated per attempt (in invokeTask), so $$.State.RetryCount and
        // $$.Task.Token are current on every retry.
        frame.stage = { kind: "invoke" };
        this.invokeTask(frame, state);
        return;
      case "Parallel":
        frame.effective = this.applyInputPath(frame, state, state.inputPath);
        if (state.parameters) {
          frame.effective = state.parameters.evaluate(
            this.scope(frame, state, frame.effective),
            this.intrinsicEnv,
          );
          this.note(frame, { afterParameters: frame.effective });
        }
        this.startParallel(frame, state);
        return;
      case "Map":
        frame.effective = this.applyInputPath(frame, state, state.inputPath);
        this.startMap(frame, state);
        return;
    }
  }

  private scope(frame: Frame, state: CompiledState, data: unknown, extraContext?: object): PathScope {
    return {
      data,
      context: state.readsContext ? this.contextObject(frame, state, extraContext) : undefined,
      variables: this.variablesOf(frame),
    };
  }

  /**
   * The variables a state in this frame sees: its own scope's and every enclosing scope's (a
   * Distributed Map's iterations see none from outside).
   */
  private variablesOf(frame: Frame): Readonly<Record<string, unknown>> {
    if (!this.env.machine.usesVariables) return this.emptyVariables;
    const chain: Frame[] = [];
    for (let current: Frame | undefined = frame; current;) {
      chain.push(current);
      if (current.parentId === null) break;
      const parent: Frame | undefined = this.record.frames[current.parentId];
      if (parent) {
        const parentState = this.stateOf(parent);
        if (parentState.type === "Map" && parentState.mode === "DISTRIBUTED") break;
      }
      current = parent;
    }
    if (chain.length === 1) return frame.variables ?? this.emptyVariables;
    const merged: Record<string, unknown> = {};
    for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, chain[i]!.variables);
    return merged;
  }

  /** Stores assigned variables in the frame's scope; visible from the next state on. */
  private assignVariables(frame: Frame, assigned: Assigned): void {
    if (!assigned) return;
    for (const [name, value] of Object.entries(assigned)) {
      const text = json(value);
      if (exceedsPayloadQuota(text)) {
        throw new StatesError(
          StatesErrors.Runtime,
          `The value assigned to the variable '${name}' exceeds the maximum size of ${MAX_PAYLOAD_BYTES} bytes.`,
        );
      }
    }
    frame.variables = { ...frame.variables, ...assigned };
  }

  /** A JSONPath state's Assign: `.$` keys read `data` (see `jsonPathAssignData`), variables, `$$`. */
  private evaluateJsonPathAssign(
    frame: Frame,
    state: CompiledState,
    assignment: Assignment | undefined,
    data: unknown,
  ): Assigned {
    if (!assignment || assignment.language !== "JSONPath") return undefined;
    return assignment.template.evaluate(this.scope(frame, state, data), this.intrinsicEnv) as Record<
      string,
      unknown
    >;
  }

  // ----- inspection ---------------------------------------------------------------------

  private note(frame: Frame, patch: Partial<StateInspection>): void {
    if (frame.inspection) Object.assign(frame.inspection, patch);
  }

  private closeInspection(
    frame: Frame,
    status: StateInspection["status"],
    patch: Partial<StateInspection>,
  ): void {
    const inspection = frame.inspection;
    if (!inspection) return;
    frame.inspection = undefined;
    Object.assign(inspection, patch, { status });
    if (this.env.machine.usesVariables) inspection.variables = { ...this.variablesOf(frame) };
    (this.record.inspections ??= []).push(inspection);
  }

  // ----- JSONata ------------------------------------------------------------------------

  private jsonataRuntime(): JsonataRuntime {
    return {
      nowMillis: this.record.now,
      random: () => this.random(),
      uuid: () => uuidFrom(() => this.random()),
    };
  }

  private jsonataScope(frame: Frame, state: CompiledState, extra?: Partial<JsonataScope>): JsonataScope {
    return {
      input: frame.input,
      context: this.contextObject(frame, state),
      variables: this.variablesOf(frame),
      ...extra,
    };
  }

  /** A JSONata runtime whose $random/$uuid draw from their own seeded stream (restartable). */
  private seededRuntime(seed: number): JsonataRuntime {
    let state = seed;
    const random = () => {
      const [next, value] = nextRandom(state);
      state = next;
      return value;
    };
    return { nowMillis: this.record.now, random, uuid: () => uuidFrom(random) };
  }

  private newEvaluationStage(evaluation?: Evaluation): Extract<Stage, { kind: "evaluating" }> {
    const seq = (this.record.evaluationSeq = (this.record.evaluationSeq ?? 0) + 1);
    const seed = Math.floor(this.random() * 4294967296) | 0;
    return { kind: "evaluating", seq, seed, evaluation };
  }

  /** Starts a restartable JSONata evaluation for the frame. */
  private evaluate(frame: Frame, evaluation: Evaluation): void {
    frame.stage = this.newEvaluationStage(evaluation);
    this.launchEvaluation(frame);
  }

  /** (Re)starts the evaluation the frame's stage describes. */
  private launchEvaluation(frame: Frame): void {
    const stage = frame.stage as Extract<Stage, { kind: "evaluating" }>;
    const evaluation = stage.evaluation!;
    const state = this.stateOf(frame);
    const runtime = this.seededRuntime(stage.seed);
    switch (evaluation.what) {
      case "entry":
        this.awaitEvaluation(
          frame,
          planEntry(state, this.jsonataScope(frame, state), runtime),
          (current, plan) => this.applyEntryPlan(current, state, plan),
        );
        return;
      case "task-attempt":
        this.awaitEvaluation(
          frame,
          planTaskAttempt(state as TaskState, this.jsonataScope(frame, state), runtime),
          (current, attempt) => this.dispatchTask(current, state as TaskState, attempt),
        );
        return;
      case "exit":
        this.awaitEvaluation(
          frame,
          planExit(state, this.jsonataScope(frame, state, { result: evaluation.result }), runtime),
          (current, exit) => this.finishState(current, state, exit.output, undefined, exit.assigned),
        );
        return;
      case "catch": {
        const catcher = (state as TaskState).catchers[evaluation.catcherIndex]!;
        const scope = this.jsonataScope(frame, state, { errorOutput: evaluation.errorOutput });
        this.awaitEvaluation(frame, planCatch(catcher, scope, runtime), (current, exit) =>
          this.leaveCatch(current, state, evaluation.catcherIndex, exit.output, exit.assigned),
        );
        return;
      }
    }
  }

  /** Restarts, in their original order, the evaluations a restored execution was waiting for. */
  relaunchEvaluations(): void {
    const waiting = Object.values(this.record.frames).filter(
      (frame): frame is Frame & { stage: Extract<Stage, { kind: "evaluating" }> } =>
        frame.stage.kind === "evaluating",
    );
    waiting.sort((a, b) => a.stage.seq - b.stage.seq);
    for (const frame of waiting) this.inHistoryOf(frame, () => this.launchEvaluation(frame));
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

  /** Waits for work that cannot be restarted after a save (an asynchronous read, say). */
  private awaitOpaque<T>(frame: Frame, work: Promise<T>, then: (frame: Frame, value: T) => void): void {
    frame.stage = this.newEvaluationStage();
    this.awaitEvaluation(frame, work, then);
  }

  /**
   * Registers an in-flight promise of the execution actor for the frame; `then` applies its result
   * synchronously once it settles, to the frame as it is then (unless it has moved on or gone).
   */
  private awaitEvaluation<T>(frame: Frame, work: Promise<T>, then: (frame: Frame, value: T) => void): void {
    const stage = frame.stage as Extract<Stage, { kind: "evaluating" }>;
    const key = `eval:${frame.id}:${stage.seq}`;
    this.env.inFlight.set(
      key,
      work.then(
        (value): Settled<T> => ({ ok: true, value }),
        (error: unknown): Settled<T> => ({ ok: false, error }),
      ),
    );
    this.continuations.set(key, (settled) => {
      const current = this.record.frames[frame.id];
      if (
        this.record.status !== "RUNNING" ||
        !current ||
        current.stage.kind !== "evaluating" ||
        current.stage.seq !== stage.seq
      ) {
        return;
      }
      const state = this.stateOf(current);
      try {
        if (!settled.ok) throw settled.error;
        then(current, settled.value as T);
      } catch (error) {
        if (error instanceof QueryEvaluationError) {
          current.lastEventId = appendEvent(
            this.record,
            current.lastEventId,
            "EvaluationFailed",
            "evaluationFailedEventDetails",
            { error: error.error, cause: error.cause, location: error.location, state: state.name },
          );
        }
        if (error instanceof StatesError) this.stateFailed(current, state, error.error, error.cause);
        else if (error instanceof EngineFault) this.engineFault(error);
        else throw error;
      }
    });
  }

  private enterJsonataState(frame: Frame, state: CompiledState): void {
    if (state.type === "Task") {
      frame.stage = { kind: "invoke" };
      this.invokeTask(frame, state);
      return;
    }
    if (state.type === "Map" && state.itemReader) {
      const reader = state.itemReader;
      const scope = this.jsonataScope(frame, state);
      const parameters = reader.arguments
        ? reader.arguments.evaluate(scope, this.jsonataRuntime())
        : Promise.resolve({});
      this.awaitOpaque(frame, parameters, (current, evaluated) =>
        this.readItems(current, state, evaluated, (items) => {
          const plan = planEntry(state, scope, this.jsonataRuntime(), items);
          this.awaitOpaque(current, plan, (latest, entry) => this.applyEntryPlan(latest, state, entry));
        }),
      );
      return;
    }
    this.evaluate(frame, { what: "entry" });
  }

  private applyEntryPlan(frame: Frame, state: CompiledState, plan: EntryPlan): void {
    switch (plan.kind) {
      case "leave":
        this.finishState(frame, state, plan.output, undefined, plan.assigned);
        return;
      case "choice":
        this.finishState(frame, state, plan.output, plan.next, plan.assigned);
        return;
      case "wait":
        frame.effective = plan.output;
        frame.pendingAssigned = plan.assigned;
        frame.stage = { kind: "waiting" };
        addTimer(this.record, plan.untilMillis, frame.id, "wait");
        return;
      case "fail":
        this.frameFailed(frame, plan.error, plan.cause);
        return;
      case "parallel":
        frame.effective = plan.input;
        if ((state as ParallelState).jsonata?.arguments) this.note(frame, { afterArguments: plan.input });
        this.startParallel(frame, state as ParallelState);
        return;
      case "map":
        if ((state as MapState).jsonata?.itemSelector) this.note(frame, { afterItemSelector: plan.inputs });
        this.startMapWith(
          frame,
          state as MapState,
          plan.batcher ? batchItems(plan.inputs, plan.batcher) : plan.inputs,
          plan.maxConcurrency,
          {
            toleratedFailureCount: plan.toleratedFailureCount,
            toleratedFailurePercentage: plan.toleratedFailurePercentage,
          },
          plan.resultWriter,
        );
        return;
    }
  }

  private contextObject(frame: Frame, state: CompiledState, extra?: object): unknown {
    const { identity } = this.record;
    const prefix = `arn:aws:states:${identity.region}:${identity.accountId}`;
    const context: Record<string, unknown> = {
      Execution: {
        Id: `${prefix}:execution:${identity.stateMachineName}:${identity.executionName}`,
        Input: this.record.input,
        Name: identity.executionName,
        RoleArn: identity.roleArn,
        StartTime: contextTimestamp(this.record.startTime),
        RedriveCount: this.record.redriveCount ?? 0,
        ...(this.record.redriveTime !== undefined
          ? { RedriveTime: contextTimestamp(this.record.redriveTime) }
          : {}),
      },
      State: {
        EnteredTime: contextTimestamp(frame.enteredTime),
        Name: state.name,
        RetryCount: frame.retryCount,
      },
      StateMachine: {
        Id: `${prefix}:stateMachine:${identity.stateMachineName}`,
        Name: identity.stateMachineName,
      },
    };
    if (frame.taskToken) context.Task = { Token: frame.taskToken };
    return extra ? { ...context, ...extra } : context;
  }

  private applyInputPath(frame: Frame, state: CompiledState, path: OptionalPath): unknown {
    let value: unknown;
    if (path === undefined) value = frame.input;
    else if (path === null) value = {};
    else value = this.selectOrFail(path, this.scope(frame, state, frame.input), "InputPath");
    this.note(frame, { afterInputPath: value });
    return value;
  }

  private selectOrFail(path: CompiledPath, scope: PathScope, field: string): unknown {
    const value = path.select(scope);
    if (value === undefined) {
      const source = path.text.startsWith("$$") ? scope.context : scope.data;
      throw new StatesError(
        StatesErrors.Runtime,
        `Invalid path '${path.text}' : No results for path: ${path.text} (field ${field}, input ${json(source)})`,
      );
    }
    return value;
  }

  private applyResultPath(frame: Frame, resultPath: string | null, result: unknown): unknown {
    const value = resultPath === null ? frame.input : applyResultPath(frame.input, resultPath, result);
    this.note(frame, { afterResultPath: value });
    return value;
  }

  private waitUntil(frame: Frame, state: CompiledState & { type: "Wait" }, effective: unknown): number {
    const now = this.record.now;
    if (state.seconds !== undefined) return now + state.seconds * 1000;
    // "Step Functions truncates milliseconds" of a Wait timestamp.
    if (state.timestamp !== undefined) return Math.max(now, wholeSecond(Date.parse(state.timestamp)));
    if (state.secondsPath) {
      const value = this.selectOrFail(state.secondsPath, this.scope(frame, state, effective), "SecondsPath");
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
    const value = this.selectOrFail(
      state.timestampPath!,
      this.scope(frame, state, effective),
      "TimestampPath",
    );
    const millis = typeof value === "string" ? Date.parse(value) : NaN;
    if (Number.isNaN(millis)) {
      throw new StatesError(
        StatesErrors.Runtime,
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${state.timestampPath!.text} == ${json(value)}`,
      );
    }
    return Math.max(now, wholeSecond(millis));
  }

  private enterFail(frame: Frame, state: CompiledState & { type: "Fail" }): void {
    const scope = this.scope(frame, state, frame.input);
    const read = (source: typeof state.error): string | undefined => {
      if (!source) return undefined;
      if ("literal" in source) return source.literal;
      const value =
        "path" in source ? source.path.select(scope) : source.intrinsic.evaluate(scope, this.intrinsicEnv);
      return typeof value === "string" ? value : value === undefined ? undefined : json(value);
    };
    this.frameFailed(frame, read(state.error), read(state.cause));
  }

  // ----- leaving a state ----------------------------------------------------------------

  /** Emits the Exited event and moves the frame to its next state (or ends the frame). */
  private finishState(
    frame: Frame,
    state: CompiledState,
    beforeOutputPath: unknown,
    nextOverride?: string,
    assigned?: Assigned,
  ): void {
    let output: unknown;
    try {
      output = this.applyOutputPath(frame, state, beforeOutputPath);
      this.assignVariables(frame, assigned);
    } catch (error) {
      if (error instanceof StatesError) {
        this.stateFailed(frame, state, error.error, error.cause);
        return;
      }
      throw error;
    }
    const outputText = json(output);
    if (exceedsPayloadQuota(outputText)) {
      this.stateFailed(
        frame,
        state,
        StatesErrors.DataLimitExceeded,
        `The state/task '${state.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      );
      return;
    }
    const next = nextOverride ?? state.next;
    if (state.type !== "Fail") this.appendExited(frame, state, outputText, assigned);
    this.closeInspection(frame, "SUCCEEDED", {
      output,
      nextState: next,
      exitedEventId: frame.lastEventId,
      assignedVariables: assigned ? { ...assigned } : undefined,
    });
    this.transition(frame, state, output, next);
  }

  private appendExited(frame: Frame, state: CompiledState, outputText: string, assigned: Assigned): void {
    const details: Record<string, unknown> = {
      name: state.name,
      output: outputText,
      outputDetails: NOT_TRUNCATED,
    };
    if (assigned) {
      const texts: Record<string, string> = {};
      for (const [name, value] of Object.entries(assigned)) texts[name] = json(value);
      details.assignedVariables = texts;
      details.assignedVariablesDetails = NOT_TRUNCATED;
    }
    frame.lastEventId = appendEvent(
      this.record,
      frame.lastEventId,
      `${STATE_EVENT_PREFIX[state.type]}StateExited`,
      "stateExitedEventDetails",
      details,
    );
  }

  private applyOutputPath(frame: Frame, state: CompiledState, value: unknown): unknown {
    if (state.outputPath === undefined) return value;
    if (state.outputPath === null) return {};
    return this.selectOrFail(state.outputPath, this.scope(frame, state, value), "OutputPath");
  }

  private transition(frame: Frame, state: CompiledState, output: unknown, next: string | undefined): void {
    if (next === undefined) {
      frame.stage = { kind: "finished" };
      this.frameSucceeded(frame, output);
      return;
    }
    frame.stateName = next;
    frame.input = output;
    frame.effective = output;
    frame.stage = { kind: "enter" };
    if (state.type === "Choice" || state.type === "Pass" || state.type === "Succeed") {
      // Synchronous states continue at once, keeping long Pass/Choice chains in one tight loop.
      this.record.ready.unshift(frame.id);
    } else {
      this.record.ready.push(frame.id);
    }
  }

  // ----- tasks --------------------------------------------------------------------------

  private taskEventTypes(state: TaskState): { prefix: string; details: (suffix: string) => string } {
    if (state.resource.kind === "lambda-function") {
      return { prefix: "LambdaFunction", details: (suffix) => `lambdaFunction${suffix}EventDetails` };
    }
    if (state.resource.kind === "activity") {
      return { prefix: "Activity", details: (suffix) => `activity${suffix}EventDetails` };
    }
    return { prefix: "Task", details: (suffix) => `task${suffix}EventDetails` };
  }

  private numberField(
    frame: Frame,
    state: TaskState,
    literal?: number,
    path?: CompiledPath,
  ): number | undefined {
    if (literal !== undefined) return literal;
    if (!path) return undefined;
    const value = this.selectOrFail(path, this.scope(frame, state, frame.input), path.text);
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      throw new StatesError(
        StatesErrors.Runtime,
        `The value at ${path.text} must be a positive integer: ${json(value)}`,
      );
    }
    return value;
  }

  /** One attempt of a Task: its parameters (JSONPath) or Arguments (JSONata), then the invocation. */
  private invokeTask(frame: Frame, state: TaskState): void {
    if (state.resource.pattern === "wait-for-task-token") frame.taskToken = this.newTaskToken();
    if (state.jsonata) {
      this.evaluate(frame, { what: "task-attempt" });
      return;
    }
    const timeoutSeconds = this.numberField(frame, state, state.timeoutSeconds, state.timeoutSecondsPath);
    const heartbeatSeconds = this.numberField(
      frame,
      state,
      state.heartbeatSeconds,
      state.heartbeatSecondsPath,
    );
    const effective = this.applyInputPath(frame, state, state.inputPath);
    const parameters = state.parameters
      ? state.parameters.evaluate(this.scope(frame, state, effective), this.intrinsicEnv)
      : effective;
    this.dispatchTask(frame, state, { arguments: parameters, timeoutSeconds, heartbeatSeconds });
  }

  private dispatchTask(frame: Frame, state: TaskState, attempt: TaskAttemptPlan): void {
    const record = this.record;
    const { resource } = state;
    const { timeoutSeconds, heartbeatSeconds } = attempt;
    const events = this.taskEventTypes(state);
    frame.effective = attempt.arguments;
    if (frame.inspection) {
      this.note(
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
      frame.lastEventId = appendEvent(
        record,
        frame.lastEventId,
        "ActivityStarted",
        events.details("Started"),
        {
          workerName: "partitura-mock",
        },
      );
    } else {
      frame.lastEventId = appendEvent(
        record,
        frame.lastEventId,
        "TaskScheduled",
        "taskScheduledEventDetails",
        {
          resourceType: resource.resourceType,
          resource: resource.resource,
          region: resource.region ?? record.identity.region,
          parameters: parametersText,
          ...(timeoutSeconds !== undefined ? { timeoutInSeconds: timeoutSeconds } : {}),
          ...(heartbeatSeconds !== undefined ? { heartbeatInSeconds: heartbeatSeconds } : {}),
        },
      );
      frame.lastEventId = appendEvent(record, frame.lastEventId, "TaskStarted", "taskStartedEventDetails", {
        resourceType: resource.resourceType,
        resource: resource.resource,
      });
    }
    const token = frame.taskToken ?? `invocation-${record.events.length}`;
    if (resource.kind === "service" && resource.pattern !== "request-response") {
      // The submitting call's own response is not mocked; its record is an empty object.
      frame.lastEventId = appendEvent(
        record,
        frame.lastEventId,
        "TaskSubmitted",
        "taskSubmittedEventDetails",
        {
          resourceType: resource.resourceType,
          resource: resource.resource,
          output: "{}",
          outputDetails: NOT_TRUNCATED,
        },
      );
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
      outcome = this.env.resolveTask({
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
      this.env.inFlight.set(token, outcome);
      return;
    }
    if (outcome.kind === "pending") {
      record.waitingTasks[token] = frame.id;
      return;
    }
    this.scheduleOutcome(frame, state, outcome);
  }

  private newTaskToken(): string {
    let token = "";
    for (let i = 0; i < 4; i++) token += uuidFrom(() => this.random()).replace(/-/g, "");
    return token;
  }

  private scheduleOutcome(frame: Frame, state: TaskState, outcome: TaskOutcome): void {
    if (outcome.kind === "pending") return;
    const duration = outcome.durationSeconds ?? 0;
    if (duration > 0) {
      frame.pendingOutcome = outcome;
      addTimer(this.record, this.record.now + duration * 1000, frame.id, "task-complete");
      return;
    }
    cancelTimers(this.record, frame.id);
    this.settleTask(frame, state, outcome);
  }

  private settleTask(frame: Frame, state: TaskState, outcome: TaskOutcome): void {
    if (outcome.kind === "pending") return;
    const record = this.record;
    const events = this.taskEventTypes(state);
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
      this.stateFailed(frame, state, outcome.error, outcome.cause);
      return;
    }
    const outputText = json(outcome.output);
    if (exceedsPayloadQuota(outputText)) {
      this.stateFailed(
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
    this.completeWithResult(frame, state, outcome.output);
  }

  private taskTimedOut(frame: Frame, state: TaskState, error: string): void {
    const events = this.taskEventTypes(state);
    const { resource } = state;
    const taskDetails =
      resource.kind === "service" ? { resourceType: resource.resourceType, resource: resource.resource } : {};
    frame.lastEventId = appendEvent(
      this.record,
      frame.lastEventId,
      `${events.prefix}TimedOut`,
      events.details("TimedOut"),
      {
        ...taskDetails,
        error,
      },
    );
    // AWS records a timeout with an error name and no cause.
    this.stateFailed(frame, state, error, undefined);
  }

  /** ResultSelector → ResultPath → OutputPath → Exited, for Task, Parallel and Map. */
  private completeWithResult(
    frame: Frame,
    state: TaskState | ParallelState | MapState,
    result: unknown,
  ): void {
    this.note(frame, { result });
    if (state.jsonata) {
      this.evaluate(frame, { what: "exit", result });
      return;
    }
    try {
      const selected = state.resultSelector
        ? state.resultSelector.evaluate(this.scope(frame, state, result), this.intrinsicEnv)
        : result;
      if (state.resultSelector) this.note(frame, { afterResultSelector: selected });
      // In a JSONPath Task/Map/Parallel, Assign reads the raw result (alongside ResultSelector).
      const assigned = this.evaluateJsonPathAssign(frame, state, state.assign, result);
      const combined = this.applyResultPath(frame, state.resultPath, selected);
      this.finishState(frame, state, combined, undefined, assigned);
    } catch (error) {
      if (error instanceof StatesError) this.stateFailed(frame, state, error.error, error.cause);
      else throw error;
    }
  }

  // ----- errors -------------------------------------------------------------------------

  /** A state raised an error: retry it, catch it, or fail the frame. */
  private stateFailed(frame: Frame, state: CompiledState, error: string, cause: string | undefined): void {
    const record = this.record;
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
          const retries = frame.retryCounts[retrierIndex] ?? 0;
          const delay = backoffSeconds(retrier, retries, () => this.random());
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
        this.catchError(frame, state, catcherIndex, errorOutput);
        return;
      }
    }
    if (error === StatesErrors.Runtime || error === StatesErrors.QueryEvaluationError) {
      cause = `An error occurred while executing the state '${state.name}' (entered at the event id #${frame.enteredEventId}). ${cause ?? ""}`;
    }
    this.frameFailed(frame, error, cause);
  }

  /** A catcher matched: its Assign and ResultPath (JSONPath) or Output (JSONata), then its Next. */
  private catchError(frame: Frame, state: CompiledState, catcherIndex: number, errorOutput: object): void {
    if (state.jsonata) {
      this.evaluate(frame, { what: "catch", catcherIndex, errorOutput });
      return;
    }
    const catcher: Catcher = (state as TaskState).catchers[catcherIndex]!;
    let output: unknown;
    let assigned: Assigned;
    try {
      assigned = this.evaluateJsonPathAssign(frame, state, catcher.assign, errorOutput);
      output = this.applyResultPath(frame, catcher.resultPath, errorOutput);
    } catch (resultPathError) {
      if (resultPathError instanceof StatesError) {
        this.frameFailed(frame, resultPathError.error, resultPathError.cause);
        return;
      }
      throw resultPathError;
    }
    this.leaveCatch(frame, state, catcherIndex, output, assigned);
  }

  private leaveCatch(
    frame: Frame,
    state: CompiledState,
    catcherIndex: number,
    output: unknown,
    assigned: Assigned,
  ): void {
    const catcher: Catcher = (state as TaskState).catchers[catcherIndex]!;
    try {
      this.assignVariables(frame, assigned);
    } catch (assignError) {
      if (assignError instanceof StatesError) {
        this.frameFailed(frame, assignError.error, assignError.cause);
        return;
      }
      throw assignError;
    }
    this.appendExited(frame, state, json(output), assigned);
    this.closeInspection(frame, "CAUGHT_ERROR", {
      output,
      nextState: catcher.next,
      exitedEventId: frame.lastEventId,
      assignedVariables: assigned ? { ...assigned } : undefined,
      errorDetails: { ...frame.inspection?.errorDetails, catchIndex: catcherIndex },
    });
    this.transition(frame, state, output, catcher.next);
  }

  /** A frame ended in failure: its parent (Parallel/Map) fails, or the execution does. */
  private frameFailed(frame: Frame, error: string | undefined, cause: string | undefined): void {
    this.closeInspection(frame, "FAILED", { error, cause });
    frame.stage = { kind: "finished" };
    cancelTimers(this.record, frame.id);
    if (frame.parentId === null) {
      this.failExecution(error, cause, frame.lastEventId);
      return;
    }
    const parent = this.record.frames[frame.parentId]!;
    delete this.record.frames[frame.id];
    const parentState = this.stateOf(parent);
    if (frame.history) {
      this.endChildExecution(frame, "FAILED", { error, cause });
      this.inHistoryOf(parent, () =>
        this.mapIterationFailed(parent, parentState as MapState, frame, error ?? "", cause),
      );
      return;
    }
    if (parentState.type === "Map") this.mapIterationFailed(parent, parentState, frame, error ?? "", cause);
    else this.parallelBranchFailed(parent, parentState as ParallelState, frame, error ?? "", cause);
  }

  /** Writes a Distributed Map child execution's final event in its own history. */
  private endChildExecution(
    frame: Frame,
    status: "SUCCEEDED" | "FAILED" | "ABORTED",
    outcome: { output?: unknown; error?: string; cause?: string },
  ): void {
    const child = this.record.childExecutions![frame.history!]!;
    if (child.status !== "RUNNING") return;
    child.status = status;
    Object.assign(child, outcome);
    const details: Record<string, unknown> = {};
    if (status === "SUCCEEDED")
      Object.assign(details, { output: json(outcome.output), outputDetails: NOT_TRUNCATED });
    if (outcome.error !== undefined) details.error = outcome.error;
    if (outcome.cause !== undefined) details.cause = outcome.cause;
    const type =
      status === "SUCCEEDED"
        ? "ExecutionSucceeded"
        : status === "FAILED"
          ? "ExecutionFailed"
          : "ExecutionAborted";
    const key =
      status === "SUCCEEDED"
        ? "executionSucceededEventDetails"
        : status === "FAILED"
          ? "executionFailedEventDetails"
          : "executionAbortedEventDetails";
    const events = child.events;
    const entry = {
      id: events.length + 1,
      previousEventId: events.length,
      timestamp: new Date(this.record.now).toISOString(),
      type,
      [key]: details,
    };
    events.push(entry as unknown as HistoryEvent);
  }

  private frameSucceeded(frame: Frame, output: unknown): void {
    if (frame.parentId === null) {
      this.record.output = output;
      this.endExecution("SUCCEEDED", "ExecutionSucceeded", "executionSucceededEventDetails", {
        output: json(output),
        outputDetails: NOT_TRUNCATED,
      });
      return;
    }
    const parent = this.record.frames[frame.parentId]!;
    if (frame.history) {
      this.endChildExecution(frame, "SUCCEEDED", { output });
      this.inHistoryOf(parent, () => this.childSucceeded(parent, frame, output));
      return;
    }
    this.childSucceeded(parent, frame, output);
  }

  /** A branch or iteration succeeded: record its result in the parent's join. */
  private childSucceeded(parent: Frame, frame: Frame, output: unknown): void {
    delete this.record.frames[frame.id];
    const join = parent.join!;
    join.results[frame.childIndex] = output;
    (join.succeeded ??= {})[frame.childIndex] = output;
    join.running--;
    join.finished++;
    const parentState = this.stateOf(parent);
    if (parentState.type === "Map" && parentState.mode === "DISTRIBUTED") {
      this.startMapIterations(parent, parentState);
    } else if (parentState.type === "Map") {
      const succeededId = appendEvent(
        this.record,
        frame.lastEventId,
        "MapIterationSucceeded",
        "mapIterationSucceededEventDetails",
        { name: parentState.name, index: frame.childIndex },
      );
      parent.lastEventId = join.limit === 1 && join.finished < join.total ? frame.lastEventId : succeededId;
      this.startMapIterations(parent, parentState);
    } else {
      parent.lastEventId = frame.lastEventId;
    }
    if (join.finished === join.total) this.joinCompleted(parent, parentState as ParallelState | MapState);
  }

  private failExecution(error: string | undefined, cause: string | undefined, previousEventId: number): void {
    // A Fail state without Error/Cause gives empty details, as AWS records it.
    const details: { error?: string; cause?: string } = {};
    if (error !== undefined) details.error = error;
    if (cause !== undefined) details.cause = cause;
    this.endExecution("FAILED", "ExecutionFailed", "executionFailedEventDetails", details, previousEventId);
  }

  private engineFault(fault: EngineFault): void {
    this.failExecution(fault.errorName, fault.message, this.record.events.length);
  }

  private endExecution(
    status: ExecutionStatus,
    type: string,
    detailsKey: string,
    details: { error?: string; cause?: string; output?: string; outputDetails?: object },
    previousEventId = this.record.events.length,
  ): void {
    const record = this.record;
    if (record.status !== "RUNNING") return;
    if (this.rootEvents && record.events !== this.rootEvents) {
      // A failure raised inside a child execution (an engine fault) ends the parent execution.
      const events = record.events;
      record.events = this.rootEvents;
      try {
        this.endExecution(status, type, detailsKey, details);
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
    this.env.inFlight.clear();
  }

  // ----- Parallel and Map ---------------------------------------------------------------

  private startParallel(frame: Frame, state: ParallelState): void {
    frame.lastEventId = appendEvent(this.record, frame.lastEventId, "ParallelStateStarted");
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
    const reused = this.takeRedriveMemo(frame, state);
    state.branches.forEach((branch, index) => {
      if (reused && index in reused) {
        join.results[index] = reused[index];
        (join.succeeded ??= {})[index] = reused[index];
        join.running--;
        join.finished++;
        return;
      }
      const child = newFrame(this.record, frame.id, index, branch, frame.effective, frame.lastEventId);
      childIds.push(child.id);
      this.record.ready.push(child.id);
    });
  }

  /** A redriven Parallel/Map reuses the branches or iterations that succeeded before it failed. */
  private takeRedriveMemo(
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
  redrive(now: number): void {
    const record = this.record;
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
    const limitSeconds = Math.min(this.env.machine.timeoutSeconds ?? Infinity, STANDARD_MAX_SECONDS);
    addTimer(record, record.now + limitSeconds * 1000, -1, "execution-timeout");
    for (const id of Object.keys(record.frames)) if (Number(id) !== root.id) delete record.frames[Number(id)];
    if (root.join?.succeeded)
      root.redriveMemo = { stateName: root.stateName, succeeded: root.join.succeeded };
    root.stage = { kind: "enter" };
    root.join = undefined;
    root.lastEventId = redrivenId;
    root.effective = root.input;
    record.ready = [root.id];
  }

  private startMap(frame: Frame, state: MapState): void {
    const scope = this.scope(frame, state, frame.effective);
    if (state.itemReader) {
      const parameters = state.itemReader.parameters
        ? state.itemReader.parameters.evaluate(scope, this.intrinsicEnv)
        : {};
      this.readItems(frame, state, parameters, (items) => this.mapItemsReady(frame, state, items));
      return;
    }
    let items: unknown;
    if (state.items !== undefined) items = state.items;
    else if (state.itemsPath === undefined) items = frame.effective;
    else if (state.itemsPath === null) items = {};
    else items = this.selectOrFail(state.itemsPath, scope, "ItemsPath");
    if (!Array.isArray(items)) {
      throw new StatesError(StatesErrors.Runtime, `Map state input must be an array but was: ${json(items)}`);
    }
    this.mapItemsReady(frame, state, items);
  }

  /**
   * A Distributed Map's ItemReader: the read is a request to the task resolver for the Map state
   * (answered by its mock); what it returns is parsed as the ReaderConfig says.
   */
  private readItems(
    frame: Frame,
    state: MapState,
    parameters: unknown,
    then: (items: unknown[]) => void,
  ): void {
    const reader = state.itemReader!;
    const record = this.record;
    const invocationIndex = record.invocationCounts[state.name] ?? 0;
    record.invocationCounts[state.name] = invocationIndex + 1;
    let outcome: TaskOutcome | Promise<TaskOutcome>;
    try {
      outcome = this.env.resolveTask({
        stateName: state.name,
        resource: reader.resource,
        parameters,
        invocationIndex,
        retryCount: frame.retryCount,
        taskToken: undefined,
        stateMachineName: record.identity.stateMachineName,
      });
    } catch (error) {
      forgetSerialized();
      throw new EngineFault(
        "Partitura.TaskResolverFailed",
        error instanceof Error ? error.message : String(error),
      );
    }
    forgetSerialized();
    const settle = (result: TaskOutcome) => {
      if (result.kind === "failure") {
        throw new StatesError(StatesErrors.ItemReaderFailed, result.cause ?? result.error);
      }
      if (result.kind === "pending") {
        throw new StatesError(StatesErrors.ItemReaderFailed, "The ItemReader cannot wait for a callback.");
      }
      let items = itemsFromRead(reader, result.output);
      let maxItems = reader.maxItems;
      if (reader.maxItemsPath) {
        const value = this.selectOrFail(
          reader.maxItemsPath,
          this.scope(frame, state, frame.effective),
          "MaxItemsPath",
        );
        if (typeof value === "number" && Number.isInteger(value) && value >= 0) maxItems = value;
      }
      if (maxItems !== undefined && maxItems > 0) items = items.slice(0, maxItems);
      then(items);
    };
    if (outcome instanceof Promise) this.awaitOpaque(frame, outcome, (_current, result) => settle(result));
    else settle(outcome);
  }

  private mapItemsReady(frame: Frame, state: MapState, items: unknown[]): void {
    const scope = this.scope(frame, state, frame.effective);
    this.note(frame, { afterItemsPath: items });
    let maxConcurrency = state.maxConcurrency;
    if (state.maxConcurrencyPath) {
      const value = this.selectOrFail(state.maxConcurrencyPath, scope, "MaxConcurrencyPath");
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        throw new StatesError(
          StatesErrors.Runtime,
          `MaxConcurrencyPath must reference a non-negative integer: ${json(value)}`,
        );
      }
      maxConcurrency = value;
    }
    const source = state.itemReader ? this.readerSource(frame, state) : "STATE_DATA";
    let inputs = items.map((item, index) =>
      state.itemSelector
        ? state.itemSelector.evaluate(
            this.scope(frame, state, frame.effective, {
              Map: { Item: { Index: index, Value: item, Source: source } },
            }),
            this.intrinsicEnv,
          )
        : item,
    );
    if (state.itemSelector) this.note(frame, { afterItemSelector: inputs });
    if (state.itemBatcher) {
      const batcher = state.itemBatcher;
      const numberAt = (path: CompiledPath | undefined, literal: number | undefined) => {
        if (!path) return literal;
        const value = this.selectOrFail(path, scope, path.text);
        return typeof value === "number" ? value : literal;
      };
      inputs = batchItems(inputs, {
        maxItems: numberAt(batcher.maxItemsPerBatchPath, batcher.maxItemsPerBatch),
        maxBytes: numberAt(batcher.maxInputBytesPerBatchPath, batcher.maxInputBytesPerBatch),
        batchInput: batcher.batchInput?.evaluate(scope, this.intrinsicEnv),
      });
      this.note(frame, { afterItemBatcher: inputs });
    }
    let writer: MapRun["resultWriter"];
    if (state.resultWriter?.parameters) {
      const target = state.resultWriter.parameters.evaluate(scope, this.intrinsicEnv) as Record<
        string,
        unknown
      >;
      writer = { bucket: target?.Bucket, prefix: target?.Prefix };
    } else if (state.resultWriter) {
      const target = (state.resultWriter.arguments?.literal ?? {}) as Record<string, unknown>;
      writer = { bucket: target.Bucket, prefix: target.Prefix };
    }
    this.startMapWith(frame, state, inputs, maxConcurrency, {}, writer);
  }

  /** `$$.Map.Item.Source` for items read by an ItemReader: the S3 object or bucket. */
  private readerSource(frame: Frame, state: MapState): string {
    const parameters = state.itemReader?.parameters?.evaluate(
      this.scope(frame, state, frame.effective),
      this.intrinsicEnv,
    ) as { Bucket?: unknown; Key?: unknown; Prefix?: unknown } | undefined;
    const bucket = String(parameters?.Bucket ?? "");
    const key = parameters?.Key ?? parameters?.Prefix;
    return key === undefined ? `S3://${bucket}` : `S3://${bucket}/${String(key)}`;
  }

  private startMapWith(
    frame: Frame,
    state: MapState,
    inputs: readonly unknown[],
    maxConcurrency: number,
    tolerance: Pick<Join, "toleratedFailureCount" | "toleratedFailurePercentage">,
    resultWriter?: MapRun["resultWriter"],
  ): void {
    const items = inputs;
    const distributed = state.mode === "DISTRIBUTED";
    this.note(frame, { maxConcurrency });
    frame.lastEventId = appendEvent(
      this.record,
      frame.lastEventId,
      "MapStateStarted",
      "mapStateStartedEventDetails",
      {
        // The size of the array for Map state iterations; 0 when an ItemReader supplies them.
        length: state.itemReader ? 0 : items.length,
      },
    );
    if (distributed) {
      const { identity } = this.record;
      const id = uuidFrom(() => this.random());
      const mapRunArn =
        `arn:aws:states:${identity.region}:${identity.accountId}:mapRun:` +
        `${identity.stateMachineName}/${state.label ?? state.name}:${id}`;
      (this.record.mapRuns ??= {})[frame.id] = { mapRunArn, id, ...(resultWriter ? { resultWriter } : {}) };
      frame.lastEventId = appendEvent(
        this.record,
        frame.lastEventId,
        "MapRunStarted",
        "mapRunStartedEventDetails",
        {
          mapRunArn,
        },
      );
    }
    frame.stage = { kind: "joining" };
    frame.join = {
      total: items.length,
      results: new Array(items.length).fill(null),
      started: 0,
      running: 0,
      finished: 0,
      failures: 0,
      limit:
        maxConcurrency === 0
          ? distributed
            ? DISTRIBUTED_MAP_CONCURRENCY
            : INLINE_MAP_CONCURRENCY
          : maxConcurrency,
      pendingInputs: [...inputs],
      childIds: [],
      startedEventId: frame.lastEventId,
      ...tolerance,
    };
    if (items.length === 0) {
      this.joinCompleted(frame, state);
      return;
    }
    this.startMapIterations(frame, state);
  }

  private startMapIterations(frame: Frame, state: MapState): void {
    const join = frame.join!;
    const reused = this.takeRedriveMemo(frame, state);
    while (join.running < join.limit && join.started < join.total) {
      const index = join.started++;
      if (reused && index in reused) {
        join.results[index] = reused[index];
        (join.succeeded ??= {})[index] = reused[index];
        join.finished++;
        continue;
      }
      join.running++;
      if (state.mode === "DISTRIBUTED") {
        this.startChildExecution(frame, state, index, join.pendingInputs![index]);
        continue;
      }
      // Concurrent iterations all follow MapStateStarted; one at a time, each follows the previous one's end.
      const eventId = appendEvent(
        this.record,
        join.limit === 1 ? frame.lastEventId : join.startedEventId,
        "MapIterationStarted",
        "mapIterationStartedEventDetails",
        {
          name: state.name,
          index,
        },
      );
      const child = newFrame(
        this.record,
        frame.id,
        index,
        state.processor,
        join.pendingInputs![index],
        eventId,
      );
      join.childIds.push(child.id);
      this.record.ready.push(child.id);
    }
  }

  /** Starts one child workflow execution of a Distributed Map's Map Run, with its own history. */
  private startChildExecution(frame: Frame, state: MapState, index: number, input: unknown): void {
    const run = this.record.mapRuns![frame.id]!;
    const name = `${run.id}:${uuidFrom(() => this.random())}`;
    const key = `${run.mapRunArn}#${index}`;
    const child: ChildExecution = {
      name,
      mapRunArn: run.mapRunArn,
      index,
      input,
      status: "RUNNING",
      events: [
        {
          id: 1,
          previousEventId: 0,
          timestamp: iso(this.record.now),
          type: "ExecutionStarted",
          executionStartedEventDetails: {
            input: json(input),
            inputDetails: NOT_TRUNCATED,
            roleArn: this.record.identity.roleArn,
          },
        } as unknown as HistoryEvent,
      ],
    };
    (this.record.childExecutions ??= {})[key] = child;
    const frameOfChild = newFrame(this.record, frame.id, index, state.processor, input, 0);
    frameOfChild.history = key;
    frame.join!.childIds.push(frameOfChild.id);
    this.record.ready.push(frameOfChild.id);
  }

  private joinCompleted(frame: Frame, state: ParallelState | MapState): void {
    if (state.type === "Map" && state.mode === "DISTRIBUTED") {
      frame.lastEventId = appendEvent(this.record, frame.lastEventId, "MapRunSucceeded");
      const run = this.record.mapRuns![frame.id]!;
      delete this.record.mapRuns![frame.id];
      if (run.resultWriter) {
        // The results go to S3 (not simulated); the state's result names the manifest, as AWS shows it.
        const prefix = run.resultWriter.prefix;
        const result = {
          MapRunArn: run.mapRunArn,
          ResultWriterDetails: {
            Bucket: run.resultWriter.bucket,
            Key: `${typeof prefix === "string" && prefix !== "" ? `${prefix.replace(/\/$/, "")}/` : ""}${run.id}/manifest.json`,
          },
        };
        appendEvent(this.record, frame.lastEventId, "MapStateSucceeded");
        frame.join = undefined;
        this.completeWithResult(frame, state, result);
        return;
      }
    }
    const type = state.type === "Map" ? "MapStateSucceeded" : "ParallelStateSucceeded";
    // AWS points both …StateSucceeded and the following …StateExited at the last child event.
    appendEvent(this.record, frame.lastEventId, type);
    const results = frame.join!.results;
    frame.join = undefined;
    this.completeWithResult(frame, state, results);
  }

  /** Stops the other children after one failed; AWS makes each of these events follow the failing event. */
  private abortChildren(
    frame: Frame,
    failedType: "MapStateFailed" | "ParallelStateFailed",
    failingEventId: number,
    mapRunFailure?: { error: string; cause?: string },
  ): void {
    const join = frame.join;
    if (join) {
      for (const childId of join.childIds) {
        const child = this.record.frames[childId];
        if (!child) continue;
        if (child.history) {
          this.endChildExecution(child, "ABORTED", {});
          this.discardFrame(child);
          continue;
        }
        const childState = this.stateOf(child);
        if (["Task", "Wait", "Map", "Parallel"].includes(childState.type) && child.stage.kind !== "enter") {
          appendEvent(this.record, failingEventId, `${childState.type}StateAborted`);
        }
        if (failedType === "MapStateFailed") {
          appendEvent(this.record, failingEventId, "MapIterationAborted", "mapIterationAbortedEventDetails", {
            name: this.stateOf(frame).name,
            index: child.childIndex,
          });
        }
        this.discardFrame(child);
      }
    }
    if (join?.succeeded)
      frame.redriveMemo = { stateName: this.stateOf(frame).name, succeeded: join.succeeded };
    frame.join = undefined;
    if (this.record.mapRuns?.[frame.id]) {
      delete this.record.mapRuns[frame.id];
      failingEventId = appendEvent(this.record, failingEventId, "MapRunFailed", "mapRunFailedEventDetails", {
        ...mapRunFailure,
      });
    }
    frame.lastEventId = appendEvent(this.record, failingEventId, failedType);
  }

  private discardFrame(frame: Frame): void {
    if (frame.join)
      for (const childId of frame.join.childIds) {
        const child = this.record.frames[childId];
        if (child) this.discardFrame(child);
      }
    cancelTimers(this.record, frame.id);
    this.record.ready = this.record.ready.filter((id) => id !== frame.id);
    this.forgetWaitingTasks(frame.id);
    this.closeInspection(frame, "ABORTED", {});
    delete this.record.frames[frame.id];
  }

  /** Drops a frame's pending callbacks, asynchronous invocations and evaluations (it timed out or was aborted). */
  private forgetWaitingTasks(frameId: number): void {
    const evaluationPrefix = `eval:${frameId}:`;
    for (const key of [...this.env.inFlight.keys()]) {
      if (!key.startsWith(evaluationPrefix)) continue;
      this.env.inFlight.delete(key);
      this.continuations.delete(key);
    }
    for (const [token, waitingFrameId] of Object.entries(this.record.waitingTasks)) {
      if (waitingFrameId !== frameId) continue;
      delete this.record.waitingTasks[token];
      this.env.inFlight.delete(token);
    }
  }

  private parallelBranchFailed(
    frame: Frame,
    state: ParallelState,
    child: Frame,
    error: string,
    cause: string | undefined,
  ): void {
    this.abortChildren(frame, "ParallelStateFailed", child.lastEventId);
    this.stateFailed(frame, state, error, cause);
  }

  private mapIterationFailed(
    frame: Frame,
    state: MapState,
    child: Frame,
    error: string,
    cause: string | undefined,
  ): void {
    const join = frame.join!;
    const distributed = state.mode === "DISTRIBUTED";
    // A Distributed Map's children are separate executions: the parent history has no iteration events.
    const failingEventId = distributed ? frame.lastEventId : child.lastEventId;
    if (!distributed) {
      appendEvent(this.record, failingEventId, "MapIterationFailed", "mapIterationFailedEventDetails", {
        name: state.name,
        index: child.childIndex,
      });
    }
    join.running--;
    join.failures++;
    if (state.mode === "DISTRIBUTED" && this.failureTolerated(state, join)) {
      join.finished++;
      join.results[child.childIndex] =
        cause === undefined ? { Error: error } : { Error: error, Cause: cause };
      this.startMapIterations(frame, state);
      if (join.finished === join.total) this.joinCompleted(frame, state);
      return;
    }
    // A Distributed Map tolerates no failure unless told otherwise: one failed child fails the Map Run.
    const exceeded = distributed;
    this.abortChildren(
      frame,
      "MapStateFailed",
      failingEventId,
      exceeded
        ? {
            error: StatesErrors.ExceedToleratedFailureThreshold,
            cause: "The specified tolerated failure threshold was exceeded",
          }
        : undefined,
    );
    if (exceeded) {
      this.stateFailed(
        frame,
        state,
        StatesErrors.ExceedToleratedFailureThreshold,
        "The specified tolerated failure threshold was exceeded",
      );
    } else {
      this.stateFailed(frame, state, error, cause);
    }
  }

  private failureTolerated(state: MapState, join: Join): boolean {
    const count = join.toleratedFailureCount ?? state.toleratedFailureCount;
    const percentage = join.toleratedFailurePercentage ?? state.toleratedFailurePercentage;
    if (count === undefined && percentage === undefined) return false;
    // "If you specify both values, the workflow fails when it exceeds either value."
    const withinCount = count === undefined || join.failures <= count;
    const withinPercentage = percentage === undefined || (join.failures / join.total) * 100 <= percentage;
    return withinCount && withinPercentage;
  }
}
