/**
 * `--compare previous.json`: after a regrade, whose score changed and why — the checks that flipped
 * between the previous GradingReport (the JSON reporter's output) and this one.
 */
import { readFileSync } from "node:fs";
import type { CheckResult, GradingReport, SubmissionResult } from "../grading/result-model.ts";
import { reportMessages } from "../reports/messages.ts";
import { compareStudents, formatNumber, oneLine } from "../reports/text.ts";
import { gradeMessages as g } from "./grade-messages.ts";
import { InputError } from "./load.ts";

export interface CheckFlip {
  readonly where: string;
  readonly check: CheckResult;
  readonly before?: CheckResult;
}

export interface ScoreChange {
  readonly student: string;
  readonly kind: "changed" | "added" | "removed";
  readonly before?: SubmissionResult;
  readonly after?: SubmissionResult;
  readonly flips: readonly CheckFlip[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a previous `--format json` report, refusing anything else with a clear message. */
export function readPreviousReport(file: string, exercise: string): GradingReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code ? g.cannotReadPath(file, g.systemError(code)) : g.compareNotJson(file));
  }
  if (!isObject(data) || typeof data.exercise !== "string" || !Array.isArray(data.submissions))
    throw new InputError(g.compareNotReport(file));
  data.submissions.forEach((submission, index) => {
    if (
      !isObject(submission) ||
      typeof submission.student !== "string" ||
      typeof submission.points !== "number" ||
      !Array.isArray(submission.scenarios) ||
      !Array.isArray(submission.staticChecks)
    )
      throw new InputError(g.compareBadSubmission(file, index));
  });
  if (data.exercise !== exercise) throw new InputError(g.compareOtherExercise(file, data.exercise, exercise));
  return data as unknown as GradingReport;
}

function checksOf(submission: SubmissionResult): Map<string, { where: string; check: CheckResult }> {
  const checks = new Map<string, { where: string; check: CheckResult }>();
  for (const check of submission.staticChecks)
    checks.set(`static/${check.id}`, { where: g.compareStatic, check });
  for (const scenario of submission.scenarios)
    for (const check of scenario.checks)
      checks.set(`${scenario.id}/${check.id}`, { where: scenario.title, check });
  return checks;
}

export function compareReports(previous: GradingReport, current: GradingReport): ScoreChange[] {
  const before = new Map(previous.submissions.map((s) => [s.student, s]));
  const after = new Map(current.submissions.map((s) => [s.student, s]));
  const changes: ScoreChange[] = [];
  for (const student of [...new Set([...before.keys(), ...after.keys()])].sort(compareStudents)) {
    const old = before.get(student);
    const now = after.get(student);
    if (!old) {
      changes.push({ student, kind: "added", after: now, flips: [] });
      continue;
    }
    if (!now) {
      changes.push({ student, kind: "removed", before: old, flips: [] });
      continue;
    }
    const oldChecks = checksOf(old);
    const flips: CheckFlip[] = [];
    for (const [key, { where, check }] of checksOf(now)) {
      const was = oldChecks.get(key)?.check;
      if (!was || was.status !== check.status || was.points !== check.points)
        flips.push({ where, check, before: was });
    }
    if (old.points !== now.points || old.status !== now.status || flips.length > 0)
      changes.push({ student, kind: "changed", before: old, after: now, flips });
  }
  return changes;
}

const n = formatNumber;

export function formatComparison(
  changes: readonly ScoreChange[],
  previousFile: string,
  total: number,
): string {
  const lines = [g.compareHeading(previousFile)];
  if (changes.length === 0) return [...lines, `  ${g.compareNoChange}`].join("\n") + "\n";
  for (const change of changes) {
    const name = oneLine(change.student);
    if (change.kind === "added") {
      lines.push(`  ${g.compareAdded(name, n(change.after!.points), n(change.after!.maxPoints))}`);
      continue;
    }
    if (change.kind === "removed") {
      lines.push(`  ${g.compareRemoved(name, n(change.before!.points))}`);
      continue;
    }
    const delta = change.after!.points - change.before!.points;
    const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
    lines.push(
      `  ${g.compareChanged(name, n(change.before!.points), n(change.after!.points), `${sign}${n(Math.abs(delta))}`)}`,
    );
    if (change.before!.status !== change.after!.status)
      lines.push(
        `    ${g.compareStatus(
          reportMessages.submissionStatus[change.before!.status] ?? change.before!.status,
          reportMessages.submissionStatus[change.after!.status],
          change.after!.reason,
        )}`,
      );
    for (const flip of change.flips) {
      const label = `[${oneLine(flip.where)}] ${oneLine(flip.check.description)}`;
      const points = `${n(flip.before?.points ?? 0)} → ${n(flip.check.points)}`;
      if (!flip.before)
        lines.push(
          `    ${flip.check.status === "passed" ? "✓" : "✗"} ${g.compareNewCheck(label, n(flip.check.points), n(flip.check.maxPoints))}`,
        );
      else if (flip.check.status === "passed") lines.push(`    ✓ ${g.compareNowPasses(label, points)}`);
      else lines.push(`    ✗ ${g.compareNowFails(label, points, oneLine(flip.check.message))}`);
    }
  }
  const unchanged = total - changes.filter((c) => c.kind !== "removed").length;
  lines.push(`  ${g.compareUnchanged(unchanged)}`);
  return lines.join("\n") + "\n";
}
