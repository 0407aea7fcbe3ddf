/**
 * The one result model of grading: student → exercise → scenario → check. Every reporter (table, JSON,
 * CSV, JUnit, Gradescope) and the browser's "Avaliar" read this, so the same submission shows the same
 * score everywhere. Deterministic: no timestamps, no wall-clock durations, stable ordering.
 */

export type Visibility = "public" | "hidden";

export type CheckStatus = "passed" | "failed" | "error";

export interface CheckResult {
  /** Stable id inside its scenario or the static checks (from the exercise file). */
  readonly id: string;
  /** pt-BR: what this check verifies (for hidden scenarios: the concept only, never the data). */
  readonly description: string;
  readonly status: CheckStatus;
  readonly points: number;
  readonly maxPoints: number;
  /** pt-BR feedback a student can act on. */
  readonly message: string;
}

export interface ScenarioExecutionSummary {
  readonly status: "SUCCEEDED" | "FAILED" | "TIMED_OUT" | "ABORTED";
  readonly error?: string;
  readonly stateTransitions: number;
  /** Virtual seconds from ExecutionStarted to the final event. */
  readonly durationSeconds: number;
}

export interface ScenarioResult {
  readonly id: string;
  /** pt-BR title (for hidden scenarios: the concept it checks). */
  readonly title: string;
  readonly visibility: Visibility;
  readonly status: CheckStatus;
  readonly points: number;
  readonly maxPoints: number;
  readonly checks: readonly CheckResult[];
  /**
   * pt-BR, shown before the checks: what went wrong in the run (the state, AWS's error and cause, an
   * explanation) when it did not end as the scenario expects. Absent for hidden scenarios.
   */
  readonly problem?: string;
  /** Absent for hidden scenarios in student-facing output. */
  readonly execution?: ScenarioExecutionSummary;
}

/** A validator finding shown to the student, already located in their file. */
export interface SubmissionDiagnostic {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  /** The validator's lesson section slug (grader/validator `sections`), when the finding is the validator's. */
  readonly lessonSection?: string;
}

export type SubmissionStatus =
  /** Ran and was scored. */
  | "graded"
  /** Could not be read or is not a valid state machine: score 0 with the validator's located messages. */
  | "invalid"
  /** The grader could not finish (too large, too slow, ...): score 0 with a clear reason. */
  | "error";

/** How a late policy changed a submission's score (exercicio.yaml `latePolicy`). */
export interface LateSubmission {
  /** ISO 8601 (UTC): when the file was handed in. */
  readonly submittedAt: string;
  /** Where that time came from: the file's modification time, or the LMS zip entry's. */
  readonly source: "file" | "zip";
  readonly deadline: string;
  /** Started days after the deadline (and its grace), 0 when on time. */
  readonly daysLate: number;
  /** Share of the score taken away, 0–100. */
  readonly penaltyPercent: number;
  /** The score the checks gave, before the penalty (`points` is after it). */
  readonly pointsBeforePenalty: number;
}

export interface SubmissionResult {
  /** Student identifier: file or folder name without extension. */
  readonly student: string;
  readonly exercise: string;
  /** The submission file, relative to the graded folder. */
  readonly file?: string;
  readonly status: SubmissionStatus;
  /** pt-BR reason when status is "invalid" or "error". */
  readonly reason?: string;
  readonly points: number;
  readonly maxPoints: number;
  /** points / maxPoints × 100, rounded to two decimals. */
  readonly percent: number;
  readonly diagnostics: readonly SubmissionDiagnostic[];
  readonly staticChecks: readonly CheckResult[];
  readonly scenarios: readonly ScenarioResult[];
  /** Set when the exercise has a late policy and the submission's time is known. */
  readonly late?: LateSubmission;
  /** The student's id in the LMS the submissions were downloaded from (Moodle participant, Canvas user). */
  readonly lms?: { readonly kind: "moodle" | "canvas"; readonly id: string };
}

export interface GradingReport {
  readonly exercise: string;
  readonly exerciseTitle: string;
  /** Whether hidden scenarios were run (CLI `--hidden`). */
  readonly includesHidden: boolean;
  /** Sorted by student. */
  readonly submissions: readonly SubmissionResult[];
}
