/**
 * One grading worker: receives the parsed exercise (plain data, structured-cloned), then grades the
 * submissions the pool sends, one at a time. Anything a submission throws is caught and answered; a
 * submission that never returns is the pool's to stop (it terminates this thread). Each answer says
 * whether the shared built-ins are still as they were before the first submission (`clean`): the
 * pool replaces a worker that is not, so no submission can affect the next one's grade.
 */
import { parentPort, workerData } from "node:worker_threads";
import { gradeSubmission, type Exercise, type SubmissionResult } from "../grading/index.ts";
import { fingerprintBuiltIns, freezeBuiltInPrototypes, sameFingerprint } from "./worker-isolation.ts";

export interface GradeWorkerData {
  readonly exercise: Exercise;
  readonly includeHidden: boolean;
  /** Send back the graded definition too (class report, similarity). */
  readonly withDefinitions?: boolean;
}

/** What a worker answers: the result, and the definition when `withDefinitions` asked for it. */
export type GradeReply = SubmissionResult & { readonly definition?: unknown };

export interface GradeTask {
  readonly student: string;
  readonly fileName: string;
  readonly text: string;
}

const port = parentPort!;
const { exercise, includeHidden, withDefinitions } = workerData as GradeWorkerData;
// Node creates some built-ins on first use (undici's dispatcher on the global object, when the first
// fingerprint reads it): grading the exercise's own solution once, then fingerprinting twice, puts
// them in the baseline.
await gradeSubmission(exercise, { student: "", ...exercise.solution }, { includeHidden }).catch(() => {});
freezeBuiltInPrototypes();
fingerprintBuiltIns();
const baseline = fingerprintBuiltIns();
const isClean = () => sameFingerprint(baseline, fingerprintBuiltIns());

port.on("message", async ({ id, task }: { id: number; task: GradeTask }) => {
  try {
    let definition: unknown;
    const result: SubmissionResult = await gradeSubmission(exercise, task, {
      includeHidden,
      ...(withDefinitions ? { onDefinition: (read: unknown) => (definition = read) } : {}),
    });
    const value: GradeReply = definition === undefined ? result : { ...result, definition };
    port.postMessage({ type: "result", id, ok: true, value, clean: isClean() });
  } catch (error) {
    port.postMessage({
      type: "result",
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      clean: isClean(),
    });
  }
});
port.postMessage({ type: "ready" });
