/**
 * Gradescope's autograder `results.json` for ONE submission, in the documented fields: top-level
 * `score`, `output`, `visibility`, `stdout_visibility`, and `tests[]` with `name`, `score`, `max_score`,
 * `status`, `output` and `visibility`. Hidden scenarios become tests visible only after grades are
 * published, and their text names the concept, never the data.
 */
import type { GradingReport, SubmissionResult } from "../grading/result-model.ts";
import { reportMessages as m } from "./messages.ts";
import { lateNote } from "./table.ts";
import { formatNumber } from "./text.ts";

const round2 = (value: number) => Math.round(value * 100) / 100;

export type GradescopeVisibility = "hidden" | "after_due_date" | "after_published" | "visible";

export interface GradescopeTest {
  readonly name: string;
  readonly number: string;
  readonly score: number;
  readonly max_score: number;
  readonly status: "passed" | "failed";
  readonly output: string;
  readonly visibility: GradescopeVisibility;
}

export interface GradescopeResults {
  readonly score: number;
  readonly output: string;
  readonly visibility: GradescopeVisibility;
  readonly stdout_visibility: GradescopeVisibility;
  readonly tests: readonly GradescopeTest[];
}

export class GradescopeReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GradescopeReportError";
  }
}

/**
 * Why a submission could not be graded: its reason, then each diagnostic with its place. The reason is
 * usually the first diagnostic's message; it is then shown once, located.
 */
export function readingProblems(submission: SubmissionResult): string[] {
  const located = submission.diagnostics.map((d) => m.diagnosticAt(d.line, d.column, d.message));
  const reason = submission.reason ?? "";
  const repeated = submission.diagnostics.some((d) => d.message === reason);
  return [repeated ? "" : reason, ...located].filter(Boolean);
}

export function gradescopeResults(submission: SubmissionResult, exerciseTitle: string): GradescopeResults {
  const tests: GradescopeTest[] = [];
  const summary = m.gradescopeSummary(
    exerciseTitle,
    formatNumber(submission.points),
    formatNumber(submission.maxPoints),
    formatNumber(submission.percent),
  );
  if (submission.status !== "graded") {
    tests.push({
      name: m.gradescopeReading,
      number: "0",
      score: 0,
      max_score: submission.maxPoints,
      status: "failed",
      output: readingProblems(submission).join("\n"),
      visibility: "visible",
    });
  }
  submission.staticChecks.forEach((check, index) =>
    tests.push({
      name: m.gradescopeStatic(check.description),
      number: `0.${index + 1}`,
      score: check.points,
      max_score: check.maxPoints,
      status: check.status === "passed" ? "passed" : "failed",
      output: check.status === "passed" ? m.passed : check.message,
      visibility: "visible",
    }),
  );
  submission.scenarios.forEach((scenario, at) =>
    scenario.checks.forEach((check, index) =>
      tests.push({
        name: m.gradescopeCheck(scenario.title, check.description),
        number: `${at + 1}.${index + 1}`,
        score: check.points,
        max_score: check.maxPoints,
        status: check.status === "passed" ? "passed" : "failed",
        output: check.status === "passed" ? m.passed : check.message,
        visibility: scenario.visibility === "hidden" ? "after_published" : "visible",
      }),
    ),
  );
  const hasHidden = submission.scenarios.some((s) => s.visibility === "hidden");
  const late = lateNote(submission);
  if (submission.late && submission.late.penaltyPercent > 0)
    tests.push({
      name: m.lateTest,
      number: "99",
      score: -round2(submission.late.pointsBeforePenalty - submission.points),
      max_score: 0,
      status: "failed",
      output: late,
      visibility: "visible",
    });
  return {
    // Gradescope takes this score over the sum of the tests: it is the one after the late penalty.
    score: submission.points,
    output: [summary, late, hasHidden ? m.gradescopeHiddenNote : ""].filter(Boolean).join("\n"),
    visibility: "visible",
    stdout_visibility: "hidden",
    tests,
  };
}

/** results.json text for a report holding exactly one submission. */
export function formatGradescope(report: GradingReport): string {
  const [only, ...rest] = report.submissions;
  if (!only || rest.length > 0)
    throw new GradescopeReportError(m.singleSubmission("gradescope", report.submissions.length));
  return JSON.stringify(gradescopeResults(only, report.exerciseTitle), null, 2) + "\n";
}
