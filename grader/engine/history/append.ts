/** Writes history events, into the history a frame belongs to (the execution's or a Distributed Map child's). */
import type { CompiledState } from "../definition.ts";
import type { Interpreter } from "../interpreter.ts";
import type { Assigned } from "../jsonata-plans.ts";
import { json } from "../record/json-text.ts";
import type { ExecutionRecord, Frame, HistoryEvent } from "../record/types.ts";

export const isoCache = new Map<number, string>();
export function iso(millis: number): string {
  let text = isoCache.get(millis);
  if (text === undefined) {
    if (isoCache.size > 4096) isoCache.clear();
    text = new Date(millis).toISOString();
    isoCache.set(millis, text);
  }
  return text;
}

export const NOT_TRUNCATED = Object.freeze({ truncated: false });

export function appendEvent(
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

export const STATE_EVENT_PREFIX: Record<CompiledState["type"], string> = {
  Task: "Task",
  Pass: "Pass",
  Choice: "Choice",
  Wait: "Wait",
  Succeed: "Succeed",
  Fail: "Fail",
  Parallel: "Parallel",
  Map: "Map",
};

type StateType = CompiledState["type"];

function eventTypes(suffix: string): Record<StateType, string> {
  const types = {} as Record<StateType, string>;
  for (const [type, prefix] of Object.entries(STATE_EVENT_PREFIX)) types[type as StateType] = prefix + suffix;
  return types;
}

/** `PassStateEntered`, `TaskStateEntered`, …: built once, not per visit (the hot path). */
export const STATE_ENTERED_TYPE = eventTypes("StateEntered");
export const STATE_EXITED_TYPE = eventTypes("StateExited");

/** The Distributed Map child execution a frame belongs to, if any. */
export function historyKeyOf(run: Interpreter, frame: Frame): string | undefined {
  if (!run.env.machine.hasDistributedMap) return undefined;
  for (let current: Frame | undefined = frame; current;) {
    if (current.history) return current.history;
    current = current.parentId === null ? undefined : run.record.frames[current.parentId];
  }
  return undefined;
}

/**
 * Runs `work` with `record.events` pointing at the history the frame writes to: its Distributed
 * Map child execution's, or the execution's own.
 */
export function inHistoryOf<T>(run: Interpreter, frame: Frame, work: () => T): T {
  if (!run.env.machine.hasDistributedMap) return work();
  const record = run.record;
  const root = run.rootEvents ?? record.events;
  const key = historyKeyOf(run, frame);
  const target = key === undefined ? root : record.childExecutions![key]!.events;
  if (target === record.events) return work();
  const saved = record.events;
  const savedRoot = run.rootEvents;
  run.rootEvents = root;
  record.events = target;
  try {
    return work();
  } finally {
    record.events = saved;
    run.rootEvents = savedRoot;
  }
}

export function appendExited(
  run: Interpreter,
  frame: Frame,
  state: CompiledState,
  outputText: string,
  assigned: Assigned,
): void {
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
    run.record,
    frame.lastEventId,
    STATE_EXITED_TYPE[state.type],
    "stateExitedEventDetails",
    details,
  );
}
