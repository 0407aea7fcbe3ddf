/** The human (pt-BR) report of one execution: the path taken, retries, waits, the outcome. */
import type { ExecutionResult, HistoryEvent, StateInspection } from "../engine/index.ts";
import { formatSeconds, messages } from "./messages.ts";

interface Details {
  name?: string;
  error?: string;
}

function details(event: HistoryEvent): Details {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith("EventDetails") && value && typeof value === "object") return value as Details;
  }
  return {};
}

function offsetSeconds(event: HistoryEvent, start: number): number {
  return (Date.parse(event.timestamp) - start) / 1000;
}

const FAILURE = /^(Task|LambdaFunction|Activity)(Failed|TimedOut)$/;
const SCHEDULED = /^(TaskScheduled|LambdaFunctionScheduled|ActivityScheduled)$/;

/** Lines describing what happened, in order, derived from the history as AWS would record it. */
export function describePath(result: ExecutionResult): string[] {
  const start = Date.parse(result.startDate);
  const lines: string[] = [];
  const byId = new Map(result.events.map((event) => [event.id, event]));
  const enteredAt = new Map<string, HistoryEvent>();
  const attempts = new Map<string, number>();
  const lastFailure = new Map<number, HistoryEvent>();
  const stateOf = new Map<number, string>();
  for (const event of result.events) {
    const previous = byId.get(event.previousEventId);
    const owner = previous ? stateOf.get(previous.id) : undefined;
    const at = `[+${formatSeconds(offsetSeconds(event, start))}]`;
    if (event.type.endsWith("StateEntered")) {
      const name = details(event).name ?? "?";
      stateOf.set(event.id, name);
      enteredAt.set(name, event);
      attempts.set(name, 0);
      lines.push(`  ${at} ${name} (${event.type.replace("StateEntered", "")})`);
      continue;
    }
    if (owner !== undefined) stateOf.set(event.id, owner);
    if (owner === undefined) continue;
    if (FAILURE.test(event.type)) {
      lastFailure.set(event.id, event);
      lines.push(`      ${at} ${messages.failedWith(details(event).error ?? "?")}`);
    } else if (SCHEDULED.test(event.type) && previous && FAILURE.test(previous.type)) {
      const attempt = (attempts.get(owner) ?? 0) + 1;
      attempts.set(owner, attempt);
      const gap = (Date.parse(event.timestamp) - Date.parse(previous.timestamp)) / 1000;
      lines.push(`      ${at} ${messages.retry(attempt, gap)}`);
    } else if (event.type === "WaitStateExited") {
      const entered = enteredAt.get(owner);
      if (entered) {
        lines.push(
          `      ${at} ${messages.waited((Date.parse(event.timestamp) - Date.parse(entered.timestamp)) / 1000)}`,
        );
      }
    } else if (event.type.endsWith("StateExited") && previous && FAILURE.test(previous.type)) {
      const next = result.events.find(
        (e) => e.previousEventId === event.id && e.type.endsWith("StateEntered"),
      );
      lines.push(
        `      ${at} ${messages.caught(details(previous).error ?? "?", next ? (details(next).name ?? "?") : "?")}`,
      );
    }
  }
  return lines;
}

/** Lines of the path shown at most: the start and the end of a long run, the middle counted. */
const PATH_HEAD_LINES = 400;
const PATH_TAIL_LINES = 100;

/**
 * JSON text of an execution's data, or a Portuguese note when it cannot be written (nested deeper
 * than JSON.stringify can recurse, or longer than a string can be).
 */
export function jsonForDisplay(value: unknown, indent?: number): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    if (error instanceof RangeError) return messages.unprintableData;
    throw error;
  }
}

export function formatRun(result: ExecutionResult): string {
  const out: string[] = [
    messages.heading(messages.statusNames[result.status] ?? result.status),
    "",
    messages.pathTaken,
  ];
  const path = describePath(result);
  if (path.length > PATH_HEAD_LINES + PATH_TAIL_LINES) {
    const omitted = path.length - PATH_HEAD_LINES - PATH_TAIL_LINES;
    out.push(
      ...path.slice(0, PATH_HEAD_LINES),
      messages.pathOmitted(omitted),
      ...path.slice(-PATH_TAIL_LINES),
    );
  } else {
    for (const line of path) out.push(line);
  }
  out.push("");
  if (result.status === "SUCCEEDED") out.push(messages.output, jsonForDisplay(result.output, 2));
  else if (result.error !== undefined || result.cause !== undefined)
    out.push(messages.error(result.error ?? "", result.cause ?? ""));
  out.push("", messages.transitions(result.stateTransitions));
  if (result.stopDate)
    out.push(messages.duration((Date.parse(result.stopDate) - Date.parse(result.startDate)) / 1000));
  return out.join("\n");
}

const STAGES = [
  "input",
  "afterInputPath",
  "afterParameters",
  "afterArguments",
  "afterItemsPath",
  "afterItemSelector",
  "afterItemBatcher",
  "result",
  "afterResultSelector",
  "afterResultPath",
  "output",
  "assignedVariables",
] as const;

/** Each state visit's data at every stage of its input/output processing (`--inspect`). */
export function formatInspections(inspections: readonly StateInspection[]): string {
  const ordered = [...inspections].sort((a, b) => a.enteredEventId - b.enteredEventId);
  const out: string[] = [messages.dataFlow];
  for (const visit of ordered) {
    out.push("", `  ${visit.stateName} (${visit.stateType}, ${visit.queryLanguage}) — ${visit.status}`);
    for (const stage of STAGES) {
      const value = visit[stage];
      if (value === undefined) continue;
      out.push(`      ${messages.dataFlowStage[stage]}: ${jsonForDisplay(value)}`);
    }
    visit.attempts.forEach((attempt, index) => {
      if (attempt.error !== undefined) {
        out.push(
          `      ${messages.dataFlowAttempt(index + 1, attempt.error, attempt.retryBackoffIntervalSeconds)}`,
        );
      }
    });
    if (visit.nextState) out.push(`      ${messages.dataFlowNext(visit.nextState)}`);
  }
  return out.join("\n");
}
