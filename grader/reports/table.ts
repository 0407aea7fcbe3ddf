/** The terminal table an instructor reads: one aligned row per student, totals, then what failed. */
import type { GradingReport, SubmissionResult } from "../grading/result-model.ts";
import { reportMessages as m } from "./messages.ts";
import { alignColumns, formatNumber, oneLine } from "./text.ts";

function counts(submission: SubmissionResult, kind: "scenarios" | "staticChecks"): string {
  const items = submission[kind];
  if (submission.status !== "graded" || items.length === 0) return "—";
  return `${items.filter((item) => item.status === "passed").length}/${items.length}`;
}

function note(submission: SubmissionResult): string {
  const late = submission.late?.daysLate ? lateNote(submission) : "";
  if (submission.reason) return [oneLine(submission.reason), late].filter(Boolean).join(" ");
  const first = submission.diagnostics.find((d) => d.severity === "error");
  return [first ? oneLine(m.diagnosticAt(first.line, first.column, first.message)) : "", late]
    .filter(Boolean)
    .join(" ");
}

/** The late policy's effect, in one sentence (empty when the exercise has no policy or the time is unknown). */
export function lateNote(submission: SubmissionResult): string {
  const late = submission.late;
  return late
    ? m.late(late.daysLate, formatNumber(late.penaltyPercent), formatNumber(late.pointsBeforePenalty))
    : "";
}

/** The class's mean percentage, from each student's unrounded points/maxPoints (rounded once, when shown). */
export function averagePercent(report: GradingReport): number {
  const list = report.submissions;
  const exact = (s: SubmissionResult) => (s.maxPoints > 0 ? (s.points / s.maxPoints) * 100 : s.percent);
  return list.length ? list.reduce((sum, s) => sum + exact(s), 0) / list.length : 0;
}

function details(submission: SubmissionResult): string[] {
  const lines: string[] = [];
  for (const diagnostic of submission.diagnostics)
    lines.push(`  ${oneLine(m.diagnosticAt(diagnostic.line, diagnostic.column, diagnostic.message))}`);
  for (const check of submission.staticChecks)
    if (check.status !== "passed")
      lines.push(
        `  [${m.staticLabel}] ${oneLine(check.description)} (${formatNumber(check.points)}/${formatNumber(check.maxPoints)}): ${oneLine(check.message)}`,
      );
  for (const scenario of submission.scenarios) {
    const label = oneLine(m.scenarioLabel(scenario.title, scenario.visibility === "hidden"));
    if (scenario.problem) lines.push(`  [${label}] ${oneLine(scenario.problem)}`);
    for (const check of scenario.checks)
      if (check.status !== "passed")
        lines.push(
          `  [${label}] ${oneLine(check.description)} (${formatNumber(check.points)}/${formatNumber(check.maxPoints)}): ${oneLine(check.message)}`,
        );
  }
  return lines;
}

export function formatTable(report: GradingReport): string {
  const c = m.columns;
  const lines = [
    `${m.heading(oneLine(report.exerciseTitle), report.exercise)} — ${report.includesHidden ? m.hiddenIncluded : m.hiddenExcluded}`,
    "",
  ];
  if (report.submissions.length === 0) return [...lines, m.noSubmissions].join("\n") + "\n";
  const rows = [[c.student, c.status, c.points, c.percent, c.scenarios, c.staticChecks, c.note]];
  for (const submission of report.submissions)
    rows.push([
      oneLine(submission.student),
      m.submissionStatus[submission.status],
      m.pointsOf(formatNumber(submission.points), formatNumber(submission.maxPoints)),
      formatNumber(submission.percent),
      counts(submission, "scenarios"),
      counts(submission, "staticChecks"),
      note(submission),
    ]);
  lines.push(...alignColumns(rows, new Set([2, 3, 4, 5])), "");
  const full = report.submissions.filter((s) => s.status === "graded" && s.points === s.maxPoints).length;
  const invalid = report.submissions.filter((s) => s.status === "invalid").length;
  const errors = report.submissions.filter((s) => s.status === "error").length;
  lines.push(
    m.totals(report.submissions.length, full, invalid, errors, formatNumber(averagePercent(report))),
  );
  const detailed = report.submissions
    .map((submission) => ({ submission, lines: details(submission) }))
    .filter((entry) => entry.lines.length > 0);
  if (detailed.length) {
    lines.push("", m.details);
    for (const { submission, lines: more } of detailed)
      lines.push(
        `${oneLine(submission.student)} — ${m.pointsOf(formatNumber(submission.points), formatNumber(submission.maxPoints))}`,
        ...more,
      );
  }
  return lines.join("\n") + "\n";
}
