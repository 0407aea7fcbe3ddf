/** The record's timers, kept ordered by due time: waits, backoffs, task durations and timeouts. */
import type { ExecutionRecord, Timer } from "./types.ts";

export function addTimer(
  record: ExecutionRecord,
  due: number,
  frameId: number,
  purpose: Timer["purpose"],
): void {
  const timer: Timer = { due, seq: record.timerSeq++, frameId, purpose };
  let index = record.timers.length;
  while (index > 0) {
    const other = record.timers[index - 1]!;
    if (other.due < due || (other.due === due && other.seq < timer.seq)) break;
    index--;
  }
  record.timers.splice(index, 0, timer);
}

export function cancelTimer(record: ExecutionRecord, frameId: number, purpose: Timer["purpose"]): void {
  record.timers = record.timers.filter((timer) => timer.frameId !== frameId || timer.purpose !== purpose);
}

export function cancelTimers(record: ExecutionRecord, frameId: number): void {
  if (record.timers.some((timer) => timer.frameId === frameId)) {
    record.timers = record.timers.filter((timer) => timer.frameId !== frameId);
  }
}

/** The next moment something is scheduled to happen, or undefined. */
export function nextTimerDue(record: ExecutionRecord): number | undefined {
  return record.timers[0]?.due;
}
