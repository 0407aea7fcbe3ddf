/**
 * The CSV gradebook: one row per student, per-scenario columns, ready to import into Canvas or Moodle
 * (RFC 4180: comma separated, CRLF line ends, quoted when needed; numbers with a dot decimal). With a late
 * policy, four more columns say when each file was handed in and what the penalty took (Pontos is after it).
 */
import type { GradingReport } from "../grading/result-model.ts";
import { reportMessages as m } from "./messages.ts";
import { csvDocument, formatNumber } from "./text.ts";

interface Column {
  readonly id: string;
  readonly title: string;
  readonly maxPoints: number;
}

/** Scenario columns in the order the exercise lists them (first submission that has each). */
function scenarioColumns(report: GradingReport): Column[] {
  const columns = new Map<string, Column>();
  for (const submission of report.submissions)
    for (const scenario of submission.scenarios)
      if (!columns.has(scenario.id))
        columns.set(scenario.id, { id: scenario.id, title: scenario.title, maxPoints: scenario.maxPoints });
  return [...columns.values()];
}

export function formatCsv(report: GradingReport): string {
  const c = m.columns;
  const scenarios = scenarioColumns(report);
  const staticMax = Math.max(
    0,
    ...report.submissions.map((s) => s.staticChecks.reduce((sum, k) => sum + k.maxPoints, 0)),
  );
  const withLate = report.submissions.some((s) => s.late !== undefined);
  const rows: (string | number)[][] = [
    [
      c.student,
      c.file,
      c.status,
      c.points,
      c.maxPoints,
      c.percentLong,
      `${c.staticChecksLong} (máx. ${formatNumber(staticMax)})`,
      ...scenarios.map((s) => m.scenarioColumn(s.title, s.id, formatNumber(s.maxPoints))),
      c.reason,
      ...(withLate ? Object.values(m.lateColumns) : []),
    ],
  ];
  for (const submission of report.submissions) {
    const byId = new Map(submission.scenarios.map((s) => [s.id, s.points]));
    const reason =
      submission.reason ??
      submission.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => m.diagnosticAt(d.line, d.column, d.message))
        .join(" | ");
    rows.push([
      submission.student,
      submission.file ?? "",
      m.submissionStatus[submission.status],
      submission.points,
      submission.maxPoints,
      submission.percent,
      submission.staticChecks.reduce((sum, k) => sum + k.points, 0),
      ...scenarios.map((s) => byId.get(s.id) ?? 0),
      reason,
      ...(withLate
        ? submission.late
          ? [
              submission.late.submittedAt,
              submission.late.daysLate,
              submission.late.penaltyPercent,
              submission.late.pointsBeforePenalty,
            ]
          : ["", "", "", ""]
        : []),
    ]);
  }
  return csvDocument(rows);
}
