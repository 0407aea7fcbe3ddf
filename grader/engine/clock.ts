/**
 * Clocks for the execution actor. XState asks its clock to set and clear timeouts (delayed
 * transitions); the engine also asks it what time it is, to stamp history events.
 */
/** The clock interface XState's actor system calls for delayed events. */
export interface Clock {
  setTimeout(callback: () => void, delay: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface EngineClock extends Clock {
  /** Milliseconds since the Unix epoch, as this clock sees them. */
  now(): number;
}

interface PendingTimer {
  readonly id: number;
  readonly due: number;
  readonly callback: () => void;
}

/**
 * Virtual time: nothing fires by itself. The engine calls `fireNext()` when the execution has nothing
 * else to do, which jumps the clock to the earliest timer and runs it — a one-year Wait takes no time.
 */
export class VirtualClock implements EngineClock {
  private current: number;
  private timers: PendingTimer[] = [];
  private lastId = 0;

  constructor(startMillis: number) {
    this.current = startMillis;
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, delay: number): number {
    const id = ++this.lastId;
    const timer = { id, due: this.current + Math.max(0, delay), callback };
    let index = this.timers.length;
    while (index > 0 && this.timers[index - 1]!.due > timer.due) index--;
    this.timers.splice(index, 0, timer);
    return id;
  }

  clearTimeout(id: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  }

  /** Moves time forward without running timers (for letting a timeout elapse on request). */
  jumpTo(millis: number): void {
    this.current = Math.max(this.current, millis);
  }

  hasPending(): boolean {
    return this.timers.length > 0;
  }

  /** Advances to the earliest timer and runs it. Returns false when no timer is pending. */
  fireNext(): boolean {
    const timer = this.timers.shift();
    if (!timer) return false;
    this.current = Math.max(this.current, timer.due);
    timer.callback();
    return true;
  }
}

const MAX_TIMEOUT = 2_147_483_647;

/** Wall-clock time, for watching an execution run at the pace AWS would. */
export class RealClock implements EngineClock {
  now(): number {
    return Date.now();
  }

  private readonly handles = new Map<number, ReturnType<typeof setTimeout>>();
  private lastId = 0;

  /** Delays beyond setTimeout's 24.8-day range are chained, so a one-year limit stays a year. */
  setTimeout(callback: () => void, delay: number): number {
    const id = ++this.lastId;
    const due = Date.now() + delay;
    const arm = () => {
      const remaining = due - Date.now();
      if (remaining > MAX_TIMEOUT) this.handles.set(id, setTimeout(arm, MAX_TIMEOUT));
      else
        this.handles.set(
          id,
          setTimeout(
            () => {
              this.handles.delete(id);
              callback();
            },
            Math.max(0, remaining),
          ),
        );
    };
    arm();
    return id;
  }

  clearTimeout(id: unknown): void {
    const handle = this.handles.get(id as number);
    if (handle !== undefined) clearTimeout(handle);
    this.handles.delete(id as number);
  }
}
