/**
 * The late policy (exercicio.yaml `latePolicy`): each started day after the deadline (plus its grace
 * minutes) costs `penaltyPercentPerDay` of the score; past `maxDaysLate` the score is zero. Applied
 * after grading, so every export (CSV, JSON, Gradescope, Classroom, table) shows the same penalised
 * score and the `late` block that explains it. Browser-safe.
 */
import type { LatePolicy } from "./exercise-format.ts";
import type { LateSubmission, SubmissionResult } from "./result-model.ts";

const DAY_MS = 86_400_000;
const round2 = (value: number) => Math.round(value * 100) / 100;

export function lateness(
  policy: LatePolicy,
  submittedAt: Date,
): { daysLate: number; penaltyPercent: number } {
  const deadline = Date.parse(policy.deadline) + (policy.graceMinutes ?? 0) * 60_000;
  const overMs = submittedAt.getTime() - deadline;
  const daysLate = overMs > 0 ? Math.ceil(overMs / DAY_MS) : 0;
  const penaltyPercent =
    policy.maxDaysLate !== undefined && daysLate > policy.maxDaysLate
      ? 100
      : Math.min(100, round2(daysLate * policy.penaltyPercentPerDay));
  return { daysLate, penaltyPercent };
}

/** The result with the penalty applied and explained; unchanged when there is no time to judge by. */
export function applyLatePolicy(
  result: SubmissionResult,
  policy: LatePolicy | undefined,
  submitted: { readonly at: Date; readonly source: LateSubmission["source"] } | undefined,
): SubmissionResult {
  if (!policy || !submitted || Number.isNaN(submitted.at.getTime())) return result;
  const { daysLate, penaltyPercent } = lateness(policy, submitted.at);
  const points = round2(result.points * (1 - penaltyPercent / 100));
  return {
    ...result,
    points,
    percent: result.maxPoints === 0 ? 0 : round2((points / result.maxPoints) * 100),
    late: {
      submittedAt: submitted.at.toISOString(),
      source: submitted.source,
      deadline: policy.deadline,
      daysLate,
      penaltyPercent,
      pointsBeforePenalty: result.points,
    },
  };
}
