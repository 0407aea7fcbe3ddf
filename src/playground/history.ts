/**
 * What the playground's views show, computed from a real execution's history (GetExecutionHistory's
 * events): one "visit" per state entered, with its attempts, retry backoff gaps and virtual times; the
 * status of every state and the transitions taken, for the graph. Pure: no DOM, unit-tested.
 *
 * Events are attributed to visits through `previousEventId` chains: a `…StateEntered` event opens a visit,
 * every later event whose previous event belongs to an open visit joins it, `…StateExited` closes it, and
 * an event that follows a closed visit (a Parallel's `ParallelStateSucceeded` after its last branch) joins
 * the nearest open container. This keeps Parallel branches and Map iterations apart even when they
 * interleave in time and share state names.
 */
import type { HistoryEvent, StateInspection } from "../../grader/engine/index.ts";

export type VisitStatus = "running" | "succeeded" | "failed" | "caught" | "aborted";

export interface Attempt {
  /** Virtual milliseconds since the execution started. */
  readonly start: number;
  readonly end: number;
  readonly outcome: "succeeded" | "failed" | "running" | "aborted";
  readonly error?: string;
}

export interface Gap {
  readonly start: number;
  readonly end: number;
}

export interface Visit {
  readonly index: number;
  readonly stateName: string;
  /** "Task", "Parallel", … from the event type (`TaskStateEntered` → "Task"). */
  readonly stateType: string;
  readonly enteredEventId: number;
  exitedEventId?: number;
  /** Nesting depth: 0 at the top level, 1 inside a Parallel branch or Map iteration, … */
  readonly depth: number;
  readonly parent?: number;
  readonly start: number;
  end: number;
  status: VisitStatus;
  readonly attempts: Attempt[];
  /** Retry backoff: from a failed attempt to the next one. */
  readonly gaps: Gap[];
  readonly events: number[];
  error?: string;
  cause?: string;
}

export interface HistoryModel {
  readonly visits: readonly Visit[];
  /** Virtual milliseconds from the first to the last event. */
  readonly duration: number;
  readonly startTime: number;
  /** "ExecutionSucceeded" etc. when the history is complete. */
  readonly outcome?: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";
}

export interface StateSummary {
  readonly status: VisitStatus;
  readonly visits: number;
  readonly retries: number;
}

export interface GraphStatus {
  /** By state name. */
  readonly states: ReadonlyMap<string, StateSummary>;
  /** Transitions taken: "A→B"; `#start` and `#end` stand for the graph's markers. */
  readonly edges: ReadonlySet<string>;
  /** How the execution ended so far: a failed one is never drawn as a success. */
  readonly outcome: "running" | "succeeded" | "failed";
}

const ENTERED = /^(\w+)StateEntered$/;
const EXITED = /^(\w+)StateExited$/;
const SCHEDULED = /(Scheduled)$/;
const ATTEMPT_END = /(Succeeded|Failed|TimedOut|StartFailed|SubmitFailed|Aborted)$/;
const ATTEMPT_FAILED = /(Failed|TimedOut|StartFailed|SubmitFailed)$/;

/** The `…EventDetails` object of an event, if any. */
export function detailsOf(event: HistoryEvent): Record<string, unknown> | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith("EventDetails") && typeof value === "object" && value !== null) {
      return value as Record<string, unknown>;
    }
  }
  return undefined;
}

const nameOf = (event: HistoryEvent): string => String(detailsOf(event)?.["name"] ?? "");

/** Builds the visits of a history (a prefix of it, for "watch it run"). */
export function buildHistoryModel(
  events: readonly HistoryEvent[],
  inspections: readonly StateInspection[] = [],
): HistoryModel {
  const first = events[0];
  const startTime = first ? Date.parse(first.timestamp) : 0;
  const at = (event: HistoryEvent) => Date.parse(event.timestamp) - startTime;
  const visits: Visit[] = [];
  const visitOfEvent = new Map<number, number>();
  const open = new Set<number>();
  let outcome: HistoryModel["outcome"];

  const openAncestor = (visit: number | undefined): number | undefined => {
    let current = visit;
    while (current !== undefined && !open.has(current)) current = visits[current]?.parent;
    return current;
  };

  for (const event of events) {
    const previous = visitOfEvent.get(event.previousEventId);
    const entered = ENTERED.exec(event.type);
    const time = at(event);
    if (entered) {
      const parent = openAncestor(previous);
      const index = visits.length;
      visits.push({
        index,
        stateName: nameOf(event),
        stateType: entered[1] ?? "",
        enteredEventId: event.id,
        depth: parent === undefined ? 0 : (visits[parent]?.depth ?? 0) + 1,
        ...(parent === undefined ? {} : { parent }),
        start: time,
        end: time,
        status: "running",
        attempts: [],
        gaps: [],
        events: [event.id],
      });
      open.add(index);
      visitOfEvent.set(event.id, index);
      continue;
    }
    if (event.type.startsWith("Execution")) {
      if (event.type === "ExecutionSucceeded") outcome = "SUCCEEDED";
      else if (event.type === "ExecutionFailed") outcome = "FAILED";
      else if (event.type === "ExecutionTimedOut") outcome = "TIMED_OUT";
      else if (event.type === "ExecutionAborted") outcome = "ABORTED";
      continue;
    }
    const owner = previous !== undefined && open.has(previous) ? previous : openAncestor(previous);
    if (owner === undefined) continue;
    const visit = visits[owner]!;
    visitOfEvent.set(event.id, owner);
    visit.events.push(event.id);
    visit.end = time;
    const details = detailsOf(event);
    if (SCHEDULED.test(event.type)) {
      const last = visit.attempts.at(-1);
      if (last && last.outcome === "failed") visit.gaps.push({ start: last.end, end: time });
      visit.attempts.push({ start: time, end: time, outcome: "running" });
    } else if (ATTEMPT_END.test(event.type) && !/^(Parallel|Map)State/.test(event.type)) {
      const last = visit.attempts.at(-1);
      if (last && last.outcome === "running") {
        const failed = ATTEMPT_FAILED.test(event.type);
        const error = typeof details?.["error"] === "string" ? details["error"] : undefined;
        visit.attempts[visit.attempts.length - 1] = {
          start: last.start,
          end: time,
          outcome: failed ? "failed" : "succeeded",
          ...(error === undefined ? {} : { error }),
        };
        if (failed) {
          visit.error = error;
          if (typeof details?.["cause"] === "string") visit.cause = details["cause"];
        }
      }
    } else if (/^(Parallel|Map)StateFailed$/.test(event.type)) {
      visit.error = typeof details?.["error"] === "string" ? details["error"] : visit.error;
      visit.status = "failed";
    }
    if (EXITED.test(event.type)) {
      visit.exitedEventId = event.id;
      open.delete(owner);
      visit.status = visit.error !== undefined || visit.status === "failed" ? "caught" : "succeeded";
    }
  }

  // Closing: what the inspections know (caught vs failed), Fail states, and what was still open.
  const inspectionByEntered = new Map(
    inspections.map((inspection) => [inspection.enteredEventId, inspection]),
  );
  for (const visit of visits) {
    const inspection = inspectionByEntered.get(visit.enteredEventId);
    if (inspection) {
      if (inspection.status === "CAUGHT_ERROR") visit.status = "caught";
      else if (inspection.status === "FAILED") visit.status = "failed";
      else if (inspection.status === "SUCCEEDED") visit.status = "succeeded";
      else if (inspection.status === "ABORTED") visit.status = "aborted";
      if (inspection.error !== undefined) visit.error ??= inspection.error;
    }
    if (visit.stateType === "Fail") visit.status = "failed";
    if (open.has(visit.index) && outcome !== undefined && visit.status === "running") {
      visit.status = outcome === "SUCCEEDED" ? "succeeded" : "failed";
    }
  }
  const last = events.at(-1);
  const duration = last ? at(last) : 0;
  if (outcome !== undefined) {
    for (const visit of visits) {
      if (open.has(visit.index)) visit.end = duration;
      const attempt = visit.attempts.at(-1);
      if (attempt?.outcome === "running" && visit.status !== "running") {
        visit.attempts[visit.attempts.length - 1] = {
          start: attempt.start,
          end: visit.end,
          outcome: visit.status === "aborted" ? "aborted" : "failed",
        };
      }
    }
  }
  return { visits, duration, startTime, ...(outcome === undefined ? {} : { outcome }) };
}

/** Status per state name and transitions taken, for the graph. */
export function graphStatus(events: readonly HistoryEvent[], model: HistoryModel): GraphStatus {
  const states = new Map<string, StateSummary>();
  const rank: Record<VisitStatus, number> = { succeeded: 0, aborted: 1, running: 2, caught: 3, failed: 4 };
  for (const visit of model.visits) {
    const previous = states.get(visit.stateName);
    const retries = Math.max(0, visit.attempts.length - 1);
    states.set(visit.stateName, {
      status:
        previous && rank[previous.status] > rank[visit.status] && visit.status !== "running"
          ? previous.status
          : visit.status,
      visits: (previous?.visits ?? 0) + 1,
      retries: (previous?.retries ?? 0) + retries,
    });
  }
  const edges = new Set<string>();
  const visitByEntered = new Map(model.visits.map((visit) => [visit.enteredEventId, visit]));
  const visitByExited = new Map(
    model.visits.flatMap((visit) =>
      visit.exitedEventId === undefined ? [] : [[visit.exitedEventId, visit]],
    ),
  );
  for (const event of events) {
    const visit = visitByEntered.get(event.id);
    if (visit) {
      const from = visitByExited.get(event.previousEventId);
      if (from) edges.add(`${from.stateName}→${visit.stateName}`);
      else if (visit.depth === 0) edges.add(`#start→${visit.stateName}`);
      // A Fail state ends the execution: its edge to the End marker is part of the path.
      if (visit.stateType === "Fail" || visit.stateType === "Succeed") {
        if (visit.depth === 0) edges.add(`${visit.stateName}→#end`);
      }
    }
    if (event.type === "ExecutionSucceeded") {
      const from = visitByExited.get(event.previousEventId);
      if (from) edges.add(`${from.stateName}→#end`);
    }
  }
  const last = events.at(-1)?.type;
  const outcome =
    last === "ExecutionSucceeded"
      ? "succeeded"
      : last === "ExecutionFailed" || last === "ExecutionTimedOut" || last === "ExecutionAborted"
        ? "failed"
        : "running";
  return { states, edges, outcome };
}

/**
 * Delays (ms of wall time) before each event when the history is played back: `msPerSecond` per virtual
 * second between consecutive events, capped, plus a short step so instantaneous events stay visible.
 */
export function replayDelays(
  events: readonly HistoryEvent[],
  options: { msPerSecond?: number; capMs?: number; stepMs?: number } = {},
): number[] {
  const { msPerSecond = 300, capMs = 2400, stepMs = 90 } = options;
  return events.map((event, index) => {
    if (index === 0) return 0;
    const previous = events[index - 1]!;
    const seconds = (Date.parse(event.timestamp) - Date.parse(previous.timestamp)) / 1000;
    return stepMs + Math.min(capMs, Math.max(0, seconds) * msPerSecond);
  });
}
