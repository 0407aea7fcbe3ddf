/**
 * A pool of worker threads that grade one submission each at a time. A submission that loops forever
 * or exhausts memory only takes its own worker down: the worker is terminated and replaced, and the
 * task reports why. A worker that answers `clean: false` (its shared built-ins changed while it
 * graded) is replaced before its next task. Workers are `.ts` modules run by Node's type stripping,
 * like the CLI itself.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

export interface PoolOptions {
  /** The worker module: it answers each `{ id, task }` message with `{ id, ok, value | message }`. */
  readonly workerUrl: URL;
  readonly workerData?: unknown;
  readonly size: number;
  /** Wall-time limit per task; the worker is terminated when it is exceeded. */
  readonly timeoutMs: number;
  readonly resourceLimits?: ResourceLimits;
}

export type PoolOutcome<O> =
  | { readonly ok: true; readonly value: O }
  /** `failed`: the worker caught an error; `timeout` / `crashed`: the worker was lost and replaced. */
  | { readonly ok: false; readonly kind: "failed" | "timeout" | "crashed"; readonly message: string };

interface Job<I, O> {
  readonly id: number;
  readonly task: I;
  readonly resolve: (outcome: PoolOutcome<O>) => void;
}

interface Slot<I, O> {
  worker: Worker;
  job?: Job<I, O>;
  timer?: ReturnType<typeof setTimeout>;
  /** The worker's one-time startup (loading modules) is not counted against the first task. */
  ready: boolean;
}

type Reply<O> =
  | { readonly type: "ready" }
  | {
      readonly type: "result";
      readonly id: number;
      readonly clean?: boolean;
      readonly ok: true;
      readonly value: O;
    }
  | {
      readonly type: "result";
      readonly id: number;
      readonly clean?: boolean;
      readonly ok: false;
      readonly message: string;
    };

export class WorkerPool<I, O> {
  readonly #options: PoolOptions;
  readonly #slots: Slot<I, O>[] = [];
  readonly #queue: Job<I, O>[] = [];
  #nextId = 0;
  #closed = false;
  /** Workers lost before they were ready, in a row: a worker that cannot start must not respawn forever. */
  #startupFailures = 0;

  constructor(options: PoolOptions) {
    this.#options = options;
    for (let i = 0; i < Math.max(1, options.size); i++) this.#slots.push(this.#spawn());
  }

  run(task: I): Promise<PoolOutcome<O>> {
    return new Promise((resolve) => {
      this.#queue.push({ id: this.#nextId++, task, resolve });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #spawn(): Slot<I, O> {
    const worker = new Worker(this.#options.workerUrl, {
      workerData: this.#options.workerData,
      resourceLimits: this.#options.resourceLimits,
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot<I, O> = { worker, ready: false };
    worker.on("message", (reply: Reply<O>) => {
      if (reply.type === "ready") {
        slot.ready = true;
        this.#startupFailures = 0;
        if (slot.job) this.#arm(slot);
        this.#dispatch();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      const outcome: PoolOutcome<O> = reply.ok
        ? { ok: true, value: reply.value }
        : { ok: false, kind: "failed", message: reply.message };
      if (reply.clean === false) this.#replace(slot, outcome);
      else this.#finish(slot, outcome);
    });
    worker.on("error", (error: Error & { code?: string }) =>
      this.#lose(
        slot,
        "crashed",
        error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out-of-memory" : error.message,
      ),
    );
    worker.on("exit", () => this.#lose(slot, "crashed", "exit"));
    return slot;
  }

  #arm(slot: Slot<I, O>): void {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.#lose(slot, "timeout", "timeout"), this.#options.timeoutMs);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job || this.#queue.length === 0) continue;
      const job = this.#queue.shift()!;
      slot.job = job;
      if (slot.ready) this.#arm(slot);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  }

  #finish(slot: Slot<I, O>, outcome: PoolOutcome<O>): void {
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    job?.resolve(outcome);
    this.#dispatch();
  }

  /** The worker is gone (or must go): answer its task, then put a fresh worker in its place. */
  #lose(slot: Slot<I, O>, kind: "timeout" | "crashed", message: string): void {
    this.#replace(slot, { ok: false, kind, message });
  }

  #replace(slot: Slot<I, O>, outcome: PoolOutcome<O>): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on("error", () => {});
    void slot.worker.terminate();
    if (!slot.ready && ++this.#startupFailures >= 3) this.#closed = true;
    if (this.#closed) {
      this.#slots.splice(index, 1);
    } else {
      this.#slots[index] = this.#spawn();
    }
    job?.resolve(outcome);
    if (this.#slots.length === 0)
      for (const queued of this.#queue.splice(0))
        queued.resolve({ ok: false, kind: "crashed", message: outcome.ok ? "exit" : outcome.message });
    this.#dispatch();
  }
}
