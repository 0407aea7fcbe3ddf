/**
 * An execution as an XState actor. The actor is the substrate for everything that takes time or
 * crosses a boundary: its delayed transitions (on the virtual or the real clock) are the Wait states,
 * retry backoffs, task durations and timeouts; asynchronous task resolvers are invoked promise actors;
 * task callbacks (SendTaskSuccess/Failure/Heartbeat) are events sent to it; its persisted snapshot is
 * the saved execution. Between those points the interpreter runs synchronously inside one transition,
 * so a chain of thousands of Pass or Choice states costs one actor step, not thousands.
 */
import { assign, createActor, fromPromise, setup, type Actor } from "xstate";
import { RealClock, VirtualClock, type EngineClock } from "./clock.ts";
import { compileStateMachine, type CompiledStateMachine } from "./definition.ts";
import { DefinitionError } from "./errors.ts";
import { Interpreter } from "./interpreter.ts";
import { createExecutionRecord } from "./record/create.ts";
import { nextTimerDue } from "./record/timers.ts";
import type {
  ExecutionRecord,
  ExecutionStatus,
  HistoryEvent,
  InterpreterEnv,
  StateInspection,
} from "./record/types.ts";
import { seedFromString } from "./random.ts";
import type { TaskOutcome, TaskResolver } from "./task-resolver.ts";

export type { ExecutionRecord, ExecutionStatus, HistoryEvent, StateInspection };

/** Virtual time starts here unless told otherwise, so histories are reproducible. */
export const DEFAULT_START_TIME = "2026-01-01T00:00:00.000Z";

export interface ExecutionOptions {
  /** Answers every Task invocation. Defaults to one that fails, naming the state, for every task. */
  readonly resolveTask?: TaskResolver;
  readonly clock?: "virtual" | "real";
  readonly type?: "STANDARD" | "EXPRESS";
  /** Virtual start time (ISO 8601). */
  readonly startTime?: string;
  /** Seed for jitter, UUIDs and task tokens; the same seed gives the same history. */
  readonly seed?: string;
  readonly stateMachineName?: string;
  readonly executionName?: string;
  readonly region?: string;
  readonly accountId?: string;
  /**
   * Stop (and stay resumable) right after this many history events: the execution shows exactly
   * that many, and resuming gives the same history as an uninterrupted run. (While an asynchronous
   * resolver or a JSONata evaluation is in flight, the pause lands at the next step boundary.)
   */
  readonly pauseAtEventCount?: number;
  /** Safety bound for runaway loops; defaults to 1,000,000. */
  readonly maxStateTransitions?: number;
  /**
   * Record, for every state visit, the data after each stage of its input/output processing (as
   * the TestState API's DEBUG level shows it): `ExecutionResult.inspections`.
   */
  readonly inspect?: boolean;
  /** Workflow variables already set when the first state is entered (TestState's `variables`). */
  readonly initialVariables?: Readonly<Record<string, unknown>>;
  /** Fields laid over every Context object, section by section (TestState's `context`). */
  readonly contextOverrides?: Readonly<Record<string, unknown>>;
}

export interface ExecutionResult {
  readonly status: ExecutionStatus;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly startDate: string;
  readonly stopDate?: string;
  readonly stateTransitions: number;
  readonly events: readonly HistoryEvent[];
  /** Present when the execution ran with `inspect: true`. */
  readonly inspections?: readonly StateInspection[];
}

type ExecutionEvent =
  | { type: "timer.fired" }
  | { type: "task.callback"; token: string; outcome: TaskOutcome }
  | { type: "task.heartbeat"; token: string }
  | { type: "resume" };

interface ExecutionContext {
  readonly record: ExecutionRecord;
}

interface ActorRuntime {
  readonly interpreter: (record: ExecutionRecord) => Interpreter;
  readonly clock: EngineClock;
}

/** The phase the actor is in, derived from the record after each step. */
function phaseOf(record: ExecutionRecord, env: InterpreterEnv, interpreter: Interpreter): string {
  if (record.status !== "RUNNING") return "finished";
  // A requested pause holds in-flight JSONata evaluations too: the record says what they compute,
  // so a saved execution restarts them, in order, when it resumes.
  if (interpreter.pausedByRequest) return "suspended";
  if (env.inFlight.size > 0) return "invoking";
  const waitingForCallback = Object.keys(record.waitingTasks).length > 0;
  const somethingWillHappen = record.timers.some(
    (timer) =>
      timer.purpose !== "execution-timeout" &&
      timer.purpose !== "task-timeout" &&
      timer.purpose !== "heartbeat-timeout",
  );
  // Waiting only for a callback: time does not jump to a timeout; the caller sends the callback
  // (or calls advanceClock() to let the timeout happen).
  if (record.timers.length > 0 && (somethingWillHappen || !waitingForCallback)) return "sleeping";
  return "suspended";
}

function createExecutionMachine(env: InterpreterEnv, runtime: ActorRuntime) {
  const interpreterFor = runtime.interpreter;
  return setup({
    types: {} as { context: ExecutionContext; events: ExecutionEvent; input: ExecutionContext },
    actors: {
      settleTasks: fromPromise<Array<[string, unknown]>, { tokens: string[] }>(async ({ input }) => {
        const settled: Array<[string, unknown]> = [];
        for (const token of input.tokens) {
          const promise = env.inFlight.get(token);
          if (!promise) continue;
          try {
            settled.push([token, await promise]);
          } catch (error) {
            settled.push([
              token,
              {
                kind: "failure",
                error: "Partitura.TaskResolverFailed",
                cause: error instanceof Error ? error.message : String(error),
              },
            ]);
          }
        }
        return settled;
      }),
    },
    delays: {
      untilNextTimer: ({ context }) => Math.max(0, (nextTimerDue(context.record) ?? 0) - runtime.clock.now()),
    },
    guards: {
      isFinished: ({ context }) =>
        phaseOf(context.record, env, interpreterFor(context.record)) === "finished",
      isSuspended: ({ context }) =>
        phaseOf(context.record, env, interpreterFor(context.record)) === "suspended",
      isInvoking: ({ context }) =>
        phaseOf(context.record, env, interpreterFor(context.record)) === "invoking",
    },
    actions: {
      // The interpreter mutates the record in place. These are assign actions because XState applies
      // assigns during the microstep, before `always` guards and `after` delays read the record.
      advance: assign(({ context }) => {
        interpreterFor(context.record).advance(runtime.clock.now());
        return {};
      }),
      fireTimers: assign(({ context }) => {
        interpreterFor(context.record).fireDueTimers(runtime.clock.now());
        return {};
      }),
      heartbeat: assign(({ context, event }) => {
        if (event.type === "task.heartbeat") interpreterFor(context.record).heartbeat(event.token);
        return {};
      }),
      deliver: assign(({ context, event }) => {
        if (event.type === "task.callback") {
          interpreterFor(context.record).deliverTaskOutcome(event.token, event.outcome);
        }
        return {};
      }),
    },
  }).createMachine({
    id: "execution",
    context: ({ input }) => input,
    initial: "running",
    states: {
      running: {
        entry: "advance",
        always: [
          { guard: "isFinished", target: "finished" },
          { guard: "isInvoking", target: "invoking" },
          { guard: "isSuspended", target: "suspended" },
          { target: "sleeping" },
        ],
      },
      sleeping: {
        after: { untilNextTimer: { target: "running", actions: "fireTimers" } },
        on: {
          "task.callback": { target: "running", actions: "deliver" },
          "task.heartbeat": { target: "running", actions: "heartbeat" },
        },
      },
      invoking: {
        invoke: {
          src: "settleTasks",
          input: () => ({ tokens: [...env.inFlight.keys()] }),
          onDone: {
            target: "running",
            actions: assign(({ context, event }) => {
              const interpreter = interpreterFor(context.record);
              for (const [key, value] of event.output) {
                if (interpreter.deliverSettled(key, value)) env.inFlight.delete(key);
              }
              return {};
            }),
          },
        },
      },
      suspended: {
        on: {
          "task.callback": { target: "running", actions: "deliver" },
          "task.heartbeat": { target: "running", actions: "heartbeat" },
          resume: { target: "running" },
        },
      },
      finished: { type: "final" },
    },
  });
}

/** Express workflows cannot use `.sync`, `.waitForTaskToken` or activities; AWS rejects the definition. */
export function assertExpressCompatible(machine: CompiledStateMachine): void {
  for (const scope of machine.scopes.values()) {
    for (const state of scope.states.values()) {
      if (state.type !== "Task") continue;
      const { resource } = state;
      if (resource.kind === "activity") {
        throw new DefinitionError(
          "Express state machine does not support Activities",
          `${state.location}/Resource`,
        );
      }
      if (resource.pattern !== "request-response") {
        const suffix = resource.pattern === "sync" ? ".sync" : ".waitForTaskToken";
        throw new DefinitionError(
          `Express state machine does not support '${suffix}' service integration`,
          `${state.location}/Resource`,
        );
      }
    }
  }
}

function noResolver(): TaskResolver {
  return (request) => {
    throw new Error(
      `O estado Task '${request.stateName}' não tem resposta simulada (mock). ` +
        `Informe um arquivo de mocks (--mock-config) com um caso de teste que cubra esse estado.`,
    );
  };
}

/** A running or paused execution. */
export class Execution {
  private readonly actor: Actor<ReturnType<typeof createExecutionMachine>>;
  private readonly clock: EngineClock;
  private readonly env: InterpreterEnv;
  private readonly interpreter: Interpreter;

  /** `prepare` runs before the actor exists: XState computes the initial snapshot when it is created. */
  private constructor(
    machine: CompiledStateMachine,
    record: ExecutionRecord,
    options: ExecutionOptions,
    prepare?: (interpreter: Interpreter, clock: EngineClock) => void,
  ) {
    this.clock = options.clock === "real" ? new RealClock() : new VirtualClock(record.now);
    this.env = {
      machine,
      resolveTask: options.resolveTask ?? noResolver(),
      inFlight: new Map(),
      pauseAtEventCount: options.pauseAtEventCount,
      maxStateTransitions: options.maxStateTransitions ?? 1_000_000,
      inspect: options.inspect ?? false,
      contextOverrides: options.contextOverrides,
    };
    this.interpreter = new Interpreter(record, this.env);
    const interpreter = this.interpreter;
    prepare?.(interpreter, this.clock);
    const logic = createExecutionMachine(this.env, { interpreter: () => interpreter, clock: this.clock });
    this.actor = createActor(logic, { input: { record }, clock: this.clock });
  }

  static start(machine: CompiledStateMachine, input: unknown, options: ExecutionOptions = {}): Execution {
    if (options.type === "EXPRESS") assertExpressCompatible(machine);
    const startTime =
      options.clock === "real" ? Date.now() : Date.parse(options.startTime ?? DEFAULT_START_TIME);
    const executionName = options.executionName ?? "partitura-execution";
    const record = createExecutionRecord(machine, input, {
      identity: {
        stateMachineName: options.stateMachineName ?? "StateMachine",
        executionName,
        region: options.region ?? "us-east-1",
        accountId: options.accountId ?? "123456789012",
        roleArn: `arn:aws:iam::${options.accountId ?? "123456789012"}:role/partitura-execution-role`,
      },
      type: options.type ?? "STANDARD",
      startTime,
      seed: seedFromString(options.seed ?? executionName),
    });
    if (options.initialVariables)
      record.frames[record.ready[0]!]!.variables = { ...options.initialVariables };
    const execution = new Execution(machine, record, options);
    execution.actor.start();
    return execution;
  }

  /** Continues a saved execution (see `save()`), in this or another process. */
  static restore(
    machine: CompiledStateMachine,
    saved: SavedExecution,
    options: ExecutionOptions = {},
  ): Execution {
    const record = structuredClone(saved.record);
    const execution = new Execution(machine, record, options, (interpreter) =>
      interpreter.relaunchEvaluations(),
    );
    execution.actor.start();
    return execution;
  }

  /**
   * RedriveExecution: continues a saved execution that FAILED, TIMED_OUT or was ABORTED from the
   * state that did not succeed (Standard workflows only, as AWS allows). The history goes on with an
   * ExecutionRedriven event; `$$.Execution.RedriveCount` counts the redrives.
   */
  static redrive(
    machine: CompiledStateMachine,
    saved: SavedExecution,
    options: ExecutionOptions = {},
  ): Execution {
    const record = structuredClone(saved.record);
    if (record.type !== "STANDARD") {
      throw new Error(
        "Só execuções Standard podem ser retomadas com redrive (a AWS não faz redrive de Express).",
      );
    }
    if (record.status === "RUNNING" || record.status === "SUCCEEDED") {
      throw new Error(
        `Só execuções com falha, expiradas ou abortadas podem ser retomadas com redrive (status atual: ${record.status}).`,
      );
    }
    const execution = new Execution(machine, record, options, (interpreter, clock) =>
      interpreter.redrive(clock.now()),
    );
    execution.actor.start();
    return execution;
  }

  /** Redrives this (finished, unsuccessful) execution; see `Execution.redrive`. */
  redrive(options: ExecutionOptions = {}): Execution {
    return Execution.redrive(this.interpreter.machine, this.save(), options);
  }

  get record(): ExecutionRecord {
    return this.interpreter.record;
  }

  get phase(): string {
    return String(this.actor.getSnapshot().value);
  }

  get done(): boolean {
    return this.actor.getSnapshot().status === "done";
  }

  /**
   * Drives the execution as far as it can go: in virtual time, every timer fires at once; with the
   * real clock, timers fire when due. Resolves when the execution ends, or is suspended waiting for a
   * callback or a requested pause.
   */
  async settle(): Promise<ExecutionResult> {
    for (;;) {
      const snapshot = this.actor.getSnapshot();
      // A fault inside the engine stops the actor: report it instead of waiting forever.
      if (snapshot.status === "error") throw snapshot.error;
      const phase = this.phase;
      if (phase === "finished" || phase === "suspended") return this.result();
      if (phase === "sleeping" && this.clock instanceof VirtualClock) {
        this.clock.fireNext();
        continue;
      }
      await new Promise<void>((resolve) => {
        const subscription = this.actor.subscribe(() => {
          subscription.unsubscribe();
          resolve();
        });
      });
    }
  }

  /** Sends a task callback (SendTaskSuccess) to a task waiting with `.waitForTaskToken`. */
  sendTaskSuccess(token: string, output: unknown): void {
    this.callback(token, { kind: "success", output });
  }

  sendTaskFailure(token: string, error: string, cause = ""): void {
    this.callback(token, { kind: "failure", error, cause });
  }

  /** SendTaskHeartbeat: restarts the HeartbeatSeconds clock of the task waiting with this token. */
  sendTaskHeartbeat(token: string): void {
    if (!(token in this.record.waitingTasks)) {
      throw new Error(
        `Nenhuma tarefa desta execução espera o token '${token}' (TaskTimedOut ou já respondida).`,
      );
    }
    this.actor.send({ type: "task.heartbeat", token });
  }

  /** Task tokens of tasks waiting for a callback. */
  get waitingTaskTokens(): string[] {
    return Object.keys(this.record.waitingTasks);
  }

  private callback(token: string, outcome: TaskOutcome): void {
    if (!(token in this.record.waitingTasks)) {
      throw new Error(
        `Nenhuma tarefa desta execução espera o token '${token}' (TaskTimedOut ou já respondida).`,
      );
    }
    this.actor.send({ type: "task.callback", token, outcome });
  }

  /** While suspended waiting for a callback: lets time pass until the next timeout fires. */
  advanceClock(): void {
    if (this.phase !== "suspended") return;
    const due = nextTimerDue(this.record);
    if (due === undefined) return;
    if (this.clock instanceof VirtualClock) this.clock.jumpTo(due);
    this.actor.send({ type: "resume" });
    this.interpreter.fireDueTimers(due);
    this.actor.send({ type: "resume" });
  }

  /** Lifts a requested pause and continues. */
  resume(pauseAtEventCount?: number): void {
    this.env.pauseAtEventCount = pauseAtEventCount;
    this.actor.send({ type: "resume" });
  }

  /** The whole execution as JSON-safe data, from the actor's persisted snapshot. */
  save(): SavedExecution {
    if (!this.interpreter.inFlightIsRestartable) {
      throw new Error("Não é possível salvar enquanto uma tarefa assíncrona está em andamento.");
    }
    const snapshot = this.actor.getPersistedSnapshot() as unknown as { context: ExecutionContext };
    return { format: "partitura-execution/1", record: JSON.parse(JSON.stringify(snapshot.context.record)) };
  }

  result(): ExecutionResult {
    const record = this.record;
    return {
      status: record.status,
      output: record.output,
      error: record.error,
      cause: record.cause,
      startDate: new Date(record.startTime).toISOString(),
      stopDate: record.stopTime === undefined ? undefined : new Date(record.stopTime).toISOString(),
      stateTransitions: record.stateTransitions,
      events: record.pausePreview ? [...record.events, ...record.pausePreview] : record.events,
      ...(record.inspections ? { inspections: record.inspections } : {}),
    };
  }
}

export interface SavedExecution {
  readonly format: "partitura-execution/1";
  readonly record: ExecutionRecord;
}

/** Compiles (if needed) and runs a definition to completion or suspension. */
export async function runExecution(
  definition: unknown,
  input: unknown,
  options: ExecutionOptions = {},
): Promise<ExecutionResult> {
  const machine = isCompiled(definition) ? definition : compileStateMachine(definition);
  return Execution.start(machine, input, options).settle();
}

function isCompiled(value: unknown): value is CompiledStateMachine {
  return value !== null && typeof value === "object" && "scopes" in value && "root" in value;
}
