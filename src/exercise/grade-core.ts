/**
 * What the exercise page's grading worker and its main-thread fallback share: the messages between the page
 * and the worker, and the grading itself — the same gradeSubmission call `partitura grade` makes (without
 * --hidden), with the exercise parsed once per slug. Imports the grader's types only: the worker bundles the
 * grader itself, the fallback loads it on demand.
 */
import type { Exercise, SubmissionResult } from "../../grader/grading/index.ts";
import type * as Grading from "../../grader/grading/index.ts";

/** The student name the page grades under (the CLI's is the file or folder name). */
export const STUDENT = "aluno";

export interface GradeRequest {
  /** The exercise's slug: the parsed exercise is cached under it. */
  readonly slug: string;
  readonly files: Grading.ExerciseFiles;
  /** The name the attempt is graded under (the starter's). */
  readonly fileName: string;
  readonly text: string;
}

/** Page → worker. */
export interface GradeWorkerRequest extends GradeRequest {
  readonly id: number;
}

/**
 * Worker → page. A SubmissionResult is plain data (strings, numbers, arrays, plain objects), so it crosses
 * postMessage's structured clone unchanged; a grader that throws is answered with its message.
 */
export type GradeWorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: SubmissionResult }
  | { readonly id: number; readonly ok: false; readonly message: string };

export type GradingFunctions = Pick<typeof Grading, "parseExercise" | "gradeSubmission">;

/** A grader for one thread: parses each exercise once (per slug), then grades as the CLI does. */
export function createGrader(
  grading: GradingFunctions,
): (request: GradeRequest) => Promise<SubmissionResult> {
  let cached: { readonly slug: string; readonly exercise: Exercise } | undefined;
  return async ({ slug, files, fileName, text }) => {
    if (cached?.slug !== slug) cached = { slug, exercise: grading.parseExercise(files) };
    return grading.gradeSubmission(
      cached.exercise,
      { student: STUDENT, fileName, text },
      { includeHidden: false },
    );
  };
}

/** An error's message, for a reply or the page. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
