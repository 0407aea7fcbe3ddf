/** The execution record: everything about an execution, as plain JSON, and the frames it advances. */
import type { CompiledState, CompiledStateMachine } from "../definition.ts";
import type { TaskOutcome, TaskResolver } from "../task-resolver.ts";

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";

export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: string;
  readonly type: string;
  readonly [details: string]: unknown;
}

/** A JSONata evaluation a frame waits for. */
export type Evaluation =
  | { readonly what: "entry" }
  | { readonly what: "task-attempt" }
  | { readonly what: "exit"; readonly result: unknown }
  | { readonly what: "catch"; readonly catcherIndex: number; readonly errorOutput: object };

/** What a frame is doing in its current state. */
export type Stage =
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

export interface Join {
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

export type Settled<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

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
  /** Fields laid over every Context object, section by section (TestState's `context`). */
  readonly contextOverrides?: Readonly<Record<string, unknown>>;
}
