/**
 * Reads an execution's history (GetExecutionHistory's shape, as the engine writes it) into what checks
 * need: each visit to each state, with its task attempts, retries, backoff gaps, the Catch that fired,
 * and when it started and ended in virtual time. Nothing here looks inside the engine: only events.
 */
import type { ExecutionResult, HistoryEvent } from "../engine/index.ts";

export interface TaskAttempt {
  /** Virtual ms of the Scheduled (Task) or Started (Parallel/Map) event. */
  readonly startedAt: number;
  /** Virtual ms of the event just before it (for a retry: the previous attempt's failure). */
  readonly previousEventAt: number;
  /** What the task sent (parsed Scheduled details), for Task attempts. */
  readonly parameters?: unknown;
  /** The integration called, as the Scheduled event names it: `lambda:invoke`, or a function ARN. */
  readonly resource?: string;
  error?: string;
  failedAt?: number;
}

export interface StateVisit {
  readonly name: string;
  /** `Task`, `Pass`, `Parallel`…, from the Entered event's type. */
  readonly stateType: string;
  readonly enteredEventId: number;
  readonly enteredAt: number;
  readonly input: unknown;
  readonly attempts: TaskAttempt[];
  exitedAt?: number;
  lastEventAt: number;
  output?: unknown;
  caught?: { readonly error: string; next?: string; readonly exitedEventId: number };
}

export interface ExecutionTrace {
  readonly startAt: number;
  readonly endAt: number;
  /** Every visit, in the order the states were entered. */
  readonly visits: readonly StateVisit[];
  /** State names in entered order (Parallel branches interleaved as the history has them). */
  readonly path: readonly string[];
  visitsOf(name: string): readonly StateVisit[];
  /** Every attempt of a Task state across all visits (Map iterations and retries included), in order. */
  invocationsOf(name: string): readonly TaskAttempt[];
}

const TASK_START = /^(TaskScheduled|LambdaFunctionScheduled|ActivityScheduled)$/;
const TASK_FAILURE =
  /^(Task|LambdaFunction|Activity)(Failed|TimedOut|StartFailed|SubmitFailed|ScheduleFailed)$/;
const JOIN_START = /^(ParallelStateStarted|MapStateStarted)$/;
const JOIN_FAILED = /^(ParallelStateFailed|MapStateFailed)$/;
/** Events whose previousEventId points into another frame: they never inherit an owner from it. */
const FOREIGN_PREVIOUS =
  /^(ParallelStateSucceeded|MapStateSucceeded|MapIteration\w+|\w+StateAborted|Execution\w+)$/;

function detailsOf(event: HistoryEvent): Record<string, unknown> {
  for (const key of Object.keys(event)) {
    if (key.endsWith("EventDetails")) {
      const value = event[key];
      if (value && typeof value === "object") return value as Record<string, unknown>;
    }
  }
  return {};
}

function parseJsonText(value: unknown): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Error names of Fail states by state name, so a caught branch failure can be named. */
export type FailErrorLookup = (stateName: string) => string | undefined;

export function traceExecution(
  result: ExecutionResult,
  failErrorOf: FailErrorLookup = () => undefined,
): ExecutionTrace {
  const events = result.events;
  const byId = new Map<number, HistoryEvent>();
  const owner = new Map<number, StateVisit>();
  const visits: StateVisit[] = [];
  const open: StateVisit[] = [];
  const time = (event: HistoryEvent) => Date.parse(event.timestamp);

  const errorOf = (event: HistoryEvent | undefined, depth = 0): string => {
    if (!event || depth > 50) return "";
    const details = detailsOf(event);
    if (typeof details.error === "string") return details.error;
    if (event.type === "FailStateEntered") return failErrorOf(String(details.name ?? "")) ?? "";
    return errorOf(byId.get(event.previousEventId), depth + 1);
  };

  for (const event of events) {
    byId.set(event.id, event);
    const details = detailsOf(event);
    const previous = byId.get(event.previousEventId);
    const at = time(event);
    if (event.type.endsWith("StateEntered")) {
      const visit: StateVisit = {
        name: String(details.name ?? ""),
        stateType: event.type.replace(/StateEntered$/, ""),
        enteredEventId: event.id,
        enteredAt: at,
        input: parseJsonText(details.input),
        attempts: [],
        lastEventAt: at,
      };
      visits.push(visit);
      open.push(visit);
      owner.set(event.id, visit);
      continue;
    }
    let visit: StateVisit | undefined;
    if (event.type.endsWith("StateExited")) {
      const name = String(details.name ?? "");
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i]!.name === name) {
          visit = open[i];
          open.splice(i, 1);
          break;
        }
      }
    } else if (JOIN_FAILED.test(event.type)) {
      const kind = event.type.startsWith("Map") ? "Map" : "Parallel";
      visit = [...open].reverse().find((candidate) => candidate.stateType === kind);
    } else if (!FOREIGN_PREVIOUS.test(event.type) && previous) {
      visit = owner.get(previous.id);
    }
    if (!visit) continue;
    owner.set(event.id, visit);
    visit.lastEventAt = at;
    if (TASK_START.test(event.type)) {
      const parameters = parseJsonText(details.input ?? details.parameters);
      const resource =
        typeof details.resourceType === "string"
          ? `${details.resourceType}:${String(details.resource ?? "")}`
          : typeof details.resource === "string"
            ? details.resource
            : undefined;
      visit.attempts.push({
        startedAt: at,
        previousEventAt: previous ? time(previous) : at,
        parameters,
        ...(resource !== undefined ? { resource } : {}),
      });
    } else if (JOIN_START.test(event.type)) {
      visit.attempts.push({ startedAt: at, previousEventAt: previous ? time(previous) : at });
    } else if (TASK_FAILURE.test(event.type) || JOIN_FAILED.test(event.type)) {
      const attempt = visit.attempts[visit.attempts.length - 1];
      if (attempt) {
        attempt.error = errorOf(event);
        attempt.failedAt = at;
      }
    } else if (event.type.endsWith("StateExited")) {
      visit.exitedAt = at;
      visit.output = parseJsonText(details.output);
      if (previous && (TASK_FAILURE.test(previous.type) || JOIN_FAILED.test(previous.type))) {
        visit.caught = { error: errorOf(previous), exitedEventId: event.id };
      }
    }
  }
  // The state a Catch led to: the Entered event that follows the Exited one.
  for (const event of events) {
    if (!event.type.endsWith("StateEntered")) continue;
    const from = owner.get(event.previousEventId);
    if (from?.caught && from.caught.exitedEventId === event.previousEventId) {
      from.caught.next = String(detailsOf(event).name ?? "");
    }
  }

  const start = events[0] ? time(events[0]) : Date.parse(result.startDate);
  const last = events[events.length - 1];
  const end = result.stopDate ? Date.parse(result.stopDate) : last ? time(last) : start;
  return traceOf(start, end, visits);
}

function traceOf(startAt: number, endAt: number, visits: readonly StateVisit[]): ExecutionTrace {
  return {
    startAt,
    endAt,
    visits,
    path: visits.map((visit) => visit.name),
    visitsOf: (name) => visits.filter((visit) => visit.name === name),
    invocationsOf: (name) =>
      visits
        .filter((visit) => visit.name === name)
        .flatMap((visit) =>
          visit.attempts.filter((attempt) => attempt.parameters !== undefined || visit.stateType === "Task"),
        )
        .sort((a, b) => a.startedAt - b.startedAt),
  };
}

/**
 * The trace without the visits to states that ran as another type than the exercise expects: a Pass
 * named like the Task it replaces did none of the Task's work, so no check about that state counts it.
 */
export function withExpectedTypes(
  trace: ExecutionTrace,
  expectedTypes: ReadonlyMap<string, string>,
): ExecutionTrace {
  const kept = trace.visits.filter((visit) => {
    const expected = expectedTypes.get(visit.name);
    return expected === undefined || expected === visit.stateType;
  });
  return kept.length === trace.visits.length ? trace : traceOf(trace.startAt, trace.endAt, kept);
}

/** Seconds waited before each retry of a visit (the gap between a failure and the next attempt). */
export function backoffsOf(visit: StateVisit): number[] {
  return visit.attempts.slice(1).map((attempt) => (attempt.startedAt - attempt.previousEventAt) / 1000);
}
