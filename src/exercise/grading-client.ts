/**
 * Grades the exercise page's attempts off the main thread (browser): one dedicated worker
 * (src/exercise/grade-worker.ts), created on the first grading and reused, one grading at a time. A grading
 * that runs past its timeout — a Choice that loops until the transition limit, a huge Map, heavy JSONata —
 * rejects with {@link GradeTimeoutError}; its worker is terminated and the next grading starts a fresh one.
 * Every request carries an id, so an answer can only settle the request it belongs to. Without Web Workers
 * (or when the worker cannot start) the grading runs on the main thread, as the page did before.
 */
import type { SubmissionResult } from "../../grader/grading/index.ts";
import { exerciseUi as t } from "../i18n/pt-BR-exercicios.ts";
import {
  createGrader,
  errorMessage,
  type GradeRequest,
  type GradeWorkerReply,
  type GradeWorkerRequest,
} from "./grade-core.ts";

/** How long one grading may take before its worker is stopped (a normal grading takes well under 1 s). */
export const GRADE_TIMEOUT_MS = 15_000;

/** A grading stopped after `timeoutMs`: the submission is too slow to grade in the browser. */
export class GradeTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(t.gradingTimedOut(timeoutMs / 1000));
    this.name = "GradeTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

export interface GradingClientOptions {
  /** Default timeout of each grading, in ms ({@link GRADE_TIMEOUT_MS} unless given). */
  readonly timeoutMs?: number;
  /** Creates the worker; `undefined` when the browser has none (then grading stays on the main thread). */
  readonly createWorker?: () => Worker | undefined;
}

const defaultWorker = (): Worker | undefined =>
  typeof Worker === "undefined"
    ? undefined
    : new Worker(new URL("./grade-worker.ts", import.meta.url), { type: "module" });

interface Pending {
  readonly resolve: (result: SubmissionResult) => void;
  readonly reject: (error: Error) => void;
  /** Grades on the main thread instead (when the worker could not start). */
  readonly fallback: () => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class GradingClient {
  readonly #timeoutMs: number;
  readonly #createWorker: () => Worker | undefined;
  #worker: Worker | undefined;
  /** Set once the worker cannot be used: every grading runs on the main thread. */
  #mainThreadOnly = false;
  /** Whether the current worker ever answered (an error before that means it could not start). */
  #answered = false;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** Gradings run one after the other: the timeout measures one grading, not a queue. */
  #queue: Promise<unknown> = Promise.resolve();
  #mainThread: ((request: GradeRequest) => Promise<SubmissionResult>) | undefined;

  constructor(options: GradingClientOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? GRADE_TIMEOUT_MS;
    this.#createWorker = options.createWorker ?? defaultWorker;
  }

  /** Grades `request` as `partitura grade` does; rejects with {@link GradeTimeoutError} after the timeout. */
  grade(request: GradeRequest, options: { readonly timeoutMs?: number } = {}): Promise<SubmissionResult> {
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const result = this.#queue.then(() => this.#run(request, timeoutMs));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #run(request: GradeRequest, timeoutMs: number): Promise<SubmissionResult> {
    const worker = this.#ensureWorker();
    if (!worker) return this.#gradeOnMainThread(request);
    const id = this.#nextId++;
    return new Promise<SubmissionResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Stuck in the submission: only terminating the worker stops it.
        if (this.#pending.has(id)) this.#discard(worker, new GradeTimeoutError(timeoutMs));
      }, timeoutMs);
      const fallback = () => this.#gradeOnMainThread(request).then(resolve, reject);
      this.#pending.set(id, { resolve, reject, fallback, timer });
      const message: GradeWorkerRequest = { id, ...request };
      try {
        worker.postMessage(message);
      } catch (error) {
        this.#settle(id)?.reject(new Error(errorMessage(error)));
      }
    });
  }

  #ensureWorker(): Worker | undefined {
    if (this.#worker || this.#mainThreadOnly) return this.#worker;
    let worker: Worker | undefined;
    try {
      worker = this.#createWorker();
    } catch {
      worker = undefined; // e.g. a SecurityError: grade on the main thread
    }
    if (!worker) {
      this.#mainThreadOnly = true;
      return undefined;
    }
    this.#worker = worker;
    this.#answered = false;
    worker.addEventListener("message", (event: MessageEvent<GradeWorkerReply>) => {
      if (worker !== this.#worker) return;
      this.#answered = true;
      const reply = event.data;
      const pending = this.#settle(reply.id);
      if (!pending) return; // a request that already timed out or was stopped
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new Error(reply.message));
    });
    worker.addEventListener("messageerror", () => {
      if (worker !== this.#worker) return;
      this.#discard(worker, new Error(t.gradingUnreadable));
    });
    worker.addEventListener("error", (event: ErrorEvent) => {
      event.preventDefault();
      if (worker !== this.#worker) return;
      if (this.#answered) {
        this.#discard(worker, new Error(event.message || t.gradingStopped));
        return;
      }
      // The worker never started (no module workers, blocked, not found): grade on the main thread from now on.
      this.#mainThreadOnly = true;
      const waiting = [...this.#pending.keys()].map((id) => this.#settle(id));
      this.#stop(worker);
      for (const pending of waiting) pending?.fallback();
    });
    return worker;
  }

  /** Removes a pending request (and its timer); undefined if it is no longer pending. */
  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    if (!pending) return undefined;
    clearTimeout(pending.timer);
    this.#pending.delete(id);
    return pending;
  }

  #stop(worker: Worker): void {
    worker.terminate();
    if (this.#worker === worker) this.#worker = undefined;
  }

  /** Terminates the worker; whatever was still pending on it rejects with `error`. */
  #discard(worker: Worker, error: Error): void {
    const waiting = [...this.#pending.keys()].map((id) => this.#settle(id));
    this.#stop(worker);
    for (const pending of waiting) pending?.reject(error);
  }

  async #gradeOnMainThread(request: GradeRequest): Promise<SubmissionResult> {
    if (!this.#mainThread) {
      const { parseExercise, gradeSubmission } = await import("../../grader/grading/index.ts");
      this.#mainThread = createGrader({ parseExercise, gradeSubmission });
    }
    return this.#mainThread(request);
  }
}
