/**
 * GitHub Classroom's autograding result for ONE submission — the JSON a grader action publishes (base64)
 * as its `result` output for `autograding-grading-reporter`: `version`, `status` (pass | fail | error),
 * `max_score`, and `tests[]` with `name`, `status`, `score`, `message`. The reporter adds up the tests'
 * `score` against `max_score`, so partial credit carries over. Hidden scenarios show only their concept.
 */
import type { GradingReport, SubmissionResult } from "../grading/result-model.ts";
import { GradescopeReportError, readingProblems } from "./gradescope.ts";
import { reportMessages as m } from "./messages.ts";
import { lateNote } from "./table.ts";

export interface ClassroomTest {
  readonly name: string;
  readonly status: "pass" | "fail" | "error";
  readonly score: number;
  readonly message: string;
  readonly test_code: string;
  readonly filename: string;
  readonly line_no: number;
  readonly execution_time: string;
}

export interface ClassroomResults {
  readonly version: 1;
  readonly status: "pass" | "fail" | "error";
  readonly max_score: number;
  readonly tests: readonly ClassroomTest[];
}

export function classroomResults(submission: SubmissionResult): ClassroomResults {
  const base = { test_code: "", filename: submission.file ?? "", line_no: 0, execution_time: "0ms" };
  const tests: ClassroomTest[] = [];
  if (submission.status !== "graded") {
    const first = submission.diagnostics.find((d) => d.severity === "error" && d.line !== undefined);
    tests.push({
      ...base,
      line_no: first?.line ?? 0,
      name: m.gradescopeReading,
      status: "error",
      score: 0,
      message: readingProblems(submission).join("\n"),
    });
  }
  for (const check of submission.staticChecks)
    tests.push({
      ...base,
      name: m.gradescopeStatic(check.description),
      status: check.status === "passed" ? "pass" : check.status === "error" ? "error" : "fail",
      score: check.points,
      message: check.status === "passed" ? m.passed : check.message,
    });
  for (const scenario of submission.scenarios)
    for (const check of scenario.checks)
      tests.push({
        ...base,
        name: m.gradescopeCheck(
          m.scenarioLabel(scenario.title, scenario.visibility === "hidden"),
          check.description,
        ),
        status: check.status === "passed" ? "pass" : check.status === "error" ? "error" : "fail",
        score: check.points,
        message: check.status === "passed" ? m.passed : check.message,
      });
  const status =
    submission.status !== "graded"
      ? "error"
      : tests.every((test) => test.status === "pass")
        ? "pass"
        : "fail";
  // After the status: lateness lowers the score, it does not fail a correct workflow.
  if (submission.late && submission.late.penaltyPercent > 0)
    tests.push({
      ...base,
      name: m.lateTest,
      status: "fail",
      // The reporter adds the tests' scores: a negative one takes the penalty off.
      score: -Math.round((submission.late.pointsBeforePenalty - submission.points) * 100) / 100,
      message: lateNote(submission),
    });
  return { version: 1, status, max_score: submission.maxPoints, tests };
}

/** The result JSON for a report holding exactly one submission (encode it with base64 in the workflow). */
export function formatClassroom(report: GradingReport): string {
  const [only, ...rest] = report.submissions;
  if (!only || rest.length > 0)
    throw new GradescopeReportError(m.singleSubmission("classroom", report.submissions.length));
  return JSON.stringify(classroomResults(only), null, 2) + "\n";
}
